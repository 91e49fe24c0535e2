#include "core/models/syncablebatchnorm.h"

#include <algorithm>
#include <ostream>

namespace mf {

SyncableBatchNorm2dImpl::SyncableBatchNorm2dImpl(std::int64_t channels)
    : SyncableBatchNorm2dImpl(torch::nn::BatchNormOptions(channels))
{
}

SyncableBatchNorm2dImpl::SyncableBatchNorm2dImpl(const torch::nn::BatchNormOptions &options)
    : options(options)
{
    reset();
}

void SyncableBatchNorm2dImpl::reset()
{
    // As torch::nn::BatchNorm2d: the same names, values and kinds (parameter or buffer).
    const std::int64_t channels = options.num_features();
    if (options.affine()) {
        weight = register_parameter("weight", torch::ones({channels}));
        bias = register_parameter("bias", torch::zeros({channels}));
    } else {
        weight = register_parameter("weight", torch::Tensor(), /*requires_grad=*/false);
        bias = register_parameter("bias", torch::Tensor(), /*requires_grad=*/false);
    }
    if (options.track_running_stats()) {
        running_mean = register_buffer("running_mean", torch::zeros({channels}));
        running_var = register_buffer("running_var", torch::ones({channels}));
        num_batches_tracked =
            register_buffer("num_batches_tracked", torch::tensor(0, torch::dtype(torch::kLong)));
    } else {
        running_mean = register_buffer("running_mean", torch::Tensor());
        running_var = register_buffer("running_var", torch::Tensor());
        num_batches_tracked = register_buffer("num_batches_tracked", torch::Tensor());
    }
}

double SyncableBatchNorm2dImpl::nextAverageFactor()
{
    if (!is_training() || !options.track_running_stats())
        return options.momentum().value_or(0.0);
    num_batches_tracked.add_(1);
    return options.momentum().has_value()
               ? *options.momentum()
               : 1.0 / static_cast<double>(num_batches_tracked.item<std::int64_t>());
}

torch::Tensor SyncableBatchNorm2dImpl::forward(const torch::Tensor &input)
{
    TORCH_CHECK(input.dim() == 4, "SyncableBatchNorm2d: expected a 4-d input, got ", input.dim(),
                "-d");
    if (is_training() && m_reducer)
        return synchronisedForward(input);
    const double factor = nextAverageFactor();
    return torch::batch_norm(input, weight, bias, running_mean, running_var,
                             is_training() || !options.track_running_stats(), factor, options.eps(),
                             at::globalContext().userEnabledCuDNN());
}

torch::Tensor SyncableBatchNorm2dImpl::synchronisedForward(const torch::Tensor &input)
{
    const std::int64_t channels = options.num_features();
    // In float32 whatever autocast made of the input, as batch norm's own kernels compute.
    const torch::Tensor x = input.to(torch::kFloat32);
    const std::vector<std::int64_t> dims{0, 2, 3};
    const double localCount = static_cast<double>(x.numel() / std::max<std::int64_t>(1, channels));
    // One all-reduce for the job: each channel's sum, sum of squares, and the samples counted.
    const torch::Tensor sums = m_reducer(
        torch::cat({x.sum(dims), x.square().sum(dims), torch::full({1}, localCount, x.options())}));
    const torch::Tensor count = sums.narrow(0, 2 * channels, 1);
    const torch::Tensor mean = sums.narrow(0, 0, channels) / count;
    // Biased, as batch norm normalises; clamped at 0 against rounding.
    const torch::Tensor variance =
        (sums.narrow(0, channels, channels) / count - mean.square()).clamp_min(0.0);

    if (options.track_running_stats()) {
        const double factor = nextAverageFactor();
        torch::NoGradGuard noGrad;
        const double total = count.item<double>();
        // The running variance is the unbiased one, as batch norm keeps it.
        const torch::Tensor unbiased = variance * (total / std::max(1.0, total - 1.0));
        running_mean.mul_(1.0 - factor).add_(mean.detach().to(running_mean.dtype()), factor);
        running_var.mul_(1.0 - factor).add_(unbiased.detach().to(running_var.dtype()), factor);
    }

    const auto perChannel = [channels](const torch::Tensor &values) {
        return values.view({1, channels, 1, 1});
    };
    // y = (x - mean) / sqrt(var + eps) * weight + bias, folded into one scale and shift per
    // channel: one pass over the activations forward, and few backward.
    torch::Tensor scale = torch::rsqrt(variance + options.eps());
    if (options.affine())
        scale = scale * weight;
    torch::Tensor shift = -mean * scale;
    if (options.affine())
        shift = shift + bias;
    return torch::addcmul(perChannel(shift), x, perChannel(scale)).to(input.scalar_type());
}

void SyncableBatchNorm2dImpl::pretty_print(std::ostream &stream) const
{
    stream << std::boolalpha << "mf::SyncableBatchNorm2d(" << options.num_features()
           << ", eps=" << options.eps() << ", momentum=";
    if (options.momentum().has_value())
        stream << *options.momentum();
    else
        stream << "None";
    stream << ", affine=" << options.affine()
           << ", track_running_stats=" << options.track_running_stats()
           << ", synchronised=" << synchronised() << ")";
}

int setBatchNormReducer(torch::nn::Module &module,
                        const SyncableBatchNorm2dImpl::StatsReducer &reducer)
{
    int found = 0;
    for (const std::shared_ptr<torch::nn::Module> &child : module.modules()) {
        if (auto *norm = dynamic_cast<SyncableBatchNorm2dImpl *>(child.get())) {
            norm->setStatsReducer(reducer);
            ++found;
        }
    }
    return found;
}

} // namespace mf
