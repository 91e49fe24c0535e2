#pragma once

#include <torch/torch.h>

namespace mf {

/// One scale for a whole weight tensor, or one per output channel (dimension 0).
enum class QuantGranularity
{
    PerTensor,
    PerChannel
};

/// `weight` as a symmetric qint8 tensor, zero point 0 (oneDNN packs no other): scale =
/// max |w| / 127 over the tensor or over each output channel, so the values span [-127, 127].
/// An all-zero channel gets scale 1.
torch::Tensor quantizeWeight(const torch::Tensor &weight, QuantGranularity granularity);

} // namespace mf
