#pragma once

#include "core/data/datasetstats.h"

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
    static constexpr int kFormatVersion = 1;

    int formatVersion = kFormatVersion;
    std::int64_t run = 0; ///< the run it was exported from
    std::string runName;
    std::string precision;                 ///< "fp32", "fp32 sparse" or "int8"
    std::string configJson;                ///< the run's TrainConfig: model spec, dataset, loss
    std::vector<std::int64_t> sampleShape; ///< {C, H, W} or {F}
    bool tableInputs = false;              ///< float features, not uint8 images
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
