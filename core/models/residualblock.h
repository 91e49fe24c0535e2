#pragma once

#include "core/models/syncablebatchnorm.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace mf {

struct ResidualBlockOptions
{
    ResidualBlockOptions(std::int64_t inChannels, std::int64_t outChannels)
        : inChannels_(inChannels), outChannels_(outChannels)
    {
    }
    TORCH_ARG(std::int64_t, inChannels);
    TORCH_ARG(std::int64_t, outChannels);
    TORCH_ARG(std::int64_t, stride) = 1;
    TORCH_ARG(std::string, activation) = "relu";
};

/// Basic residual block: conv3x3-bn-act-conv3x3-bn plus the input (through a 1x1 conv-bn
/// projection when the stride or channel count changes), then the activation.
class ResidualBlockImpl : public torch::nn::Cloneable<ResidualBlockImpl>
{
public:
    explicit ResidualBlockImpl(const ResidualBlockOptions &options);

    void reset() override;
    torch::Tensor forward(const torch::Tensor &input);

    ResidualBlockOptions options;

private:
    torch::nn::Conv2d m_conv1{nullptr};
    SyncableBatchNorm2d m_bn1{nullptr};
    torch::nn::Conv2d m_conv2{nullptr};
    SyncableBatchNorm2d m_bn2{nullptr};
    torch::nn::Sequential m_shortcut{nullptr}; ///< null for the identity shortcut
    torch::nn::AnyModule m_activation1;
    torch::nn::AnyModule m_activation2;
};

TORCH_MODULE(ResidualBlock);

} // namespace mf
