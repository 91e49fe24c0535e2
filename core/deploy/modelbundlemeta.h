#pragma once

#include "core/data/datasetstats.h"
#include "core/train/trainconfig.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mf {

/// What a model bundle says about the model it holds, besides the weights: enough to rebuild
/// the network, feed it inputs as its run did, and name its predictions.
struct ModelBundleMeta
{
    /// The newest format this build reads. Version 2 adds text models (textInputs, text and the
    /// bundle's vocabulary); image and table models are still written as version 1, which older
    /// builds read.
    static constexpr int kFormatVersion = 2;
    static constexpr int kTextFormatVersion = 2;

    int formatVersion = 1;
    std::int64_t run = 0; ///< the run it was exported from
    std::string runName;
    std::string precision;                 ///< "fp32", "fp32 sparse" or "int8"
    std::string configJson;                ///< the run's TrainConfig: model spec, dataset, loss
    std::vector<std::int64_t> sampleShape; ///< {C, H, W}, {F} or {seq_len}
    bool tableInputs = false;              ///< float features, not uint8 images
    bool textInputs = false;               ///< token ids {seq_len}: the model classifies texts
    TextConfig text; ///< with textInputs: how a text becomes ids (tokenizer, sequence length)
    std::vector<std::string> classNames;
    std::int64_t parameters = 0; ///< scalar parameters of the network (of its fp32 form)
    ChannelStats normalization;
    std::map<std::string, std::string> params; ///< the run's compression params
    std::optional<double> testAccuracy;        ///< as measured when the run was evaluated
    std::string exportedBy;                    ///< "modelforge 0.1.0; libtorch 1.13.0"

    std::string toJson() const;
    /// DataError naming `file` and the key when `json` is no bundle description this build
    /// reads (not JSON, a missing or mistyped key, a newer format version).
    static ModelBundleMeta fromJson(const std::string &json, const std::string &file);
};

} // namespace mf
