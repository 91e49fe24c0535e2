#pragma once

#include "core/compress/variantmeasurement.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace mf {

/// Whether one layer of a mixed-precision variant runs in int8 or stays in float, and why.
struct LayerDecision
{
    std::string layer;     ///< "conv1", "fc2"
    std::string precision; ///< "int8" or "fp32"
    double int8Millis = 0.0;
    double fp32Millis = 0.0;
    /// Accuracy with only this layer in int8, in [0, 1]; negative when it was not measured.
    double accuracyAlone = -1.0;
    std::string reason;
};

/// A compressed variant as the report shows it.
struct ReportedVariant
{
    VariantMeasurement measurement;
    std::string technique;             ///< "static int8, histogram calibration"
    std::vector<std::string> notes;    ///< sentences for the reader
    std::vector<LayerDecision> layers; ///< per-layer decisions, where the technique made any
};

/// The measurements of a source model and of its compressed variants, on one machine.
struct CompressionReport
{
    static constexpr int kFormatVersion = 1;
    static constexpr const char *kSourceTechnique = "source";

    VariantMeasurement source;
    std::vector<ReportedVariant> variants;

    /// Every measurement, the variants' deltas against the source (for other readers; fromJson
    /// recomputes them) and a "format_version".
    nlohmann::json toJson() const;
    /// Throws mf::ConfigError naming the member ("variants[1].measurement.batch1.median_ms: ...")
    /// for a malformed report or one of a newer format version.
    static CompressionReport fromJson(const nlohmann::json &json);

    static const char *csvHeader();
    /// csvHeader() and one row per model, the source first; numbers with six significant digits
    /// in the C locale, text quoted where it holds a comma, a quote or a line break. Accuracy is
    /// in percent, its delta in points, size ratio variant / source, speed-up source / variant.
    std::string toCsv() const;

    /// Write atomically (core/util/atomicfile.h); throw mf::Error naming the path.
    void writeJson(const std::string &path) const;
    void writeCsv(const std::string &path) const;
    /// Throws mf::DataError naming `path` for an unreadable file or malformed JSON, and
    /// mf::ConfigError as fromJson().
    static CompressionReport readJson(const std::string &path);
};

} // namespace mf
