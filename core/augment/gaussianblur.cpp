#include "core/augment/gaussianblur.h"

#include "core/augment/augmentrandom.h"
#include "core/models/specreader.h"
#include "core/util/error.h"

#include <torch/torch.h>

#include <cmath>

namespace mf {

namespace {

constexpr std::int64_t kMaxKernelSize = 99;

/// torchvision's _get_gaussian_kernel1d, appended to `weights`.
void appendKernel(std::vector<float> &weights, std::int64_t size, double sigma)
{
    const double half = 0.5 * static_cast<double>(size - 1);
    std::vector<double> kernel;
    double sum = 0.0;
    for (std::int64_t i = 0; i < size; ++i) {
        const double x = (static_cast<double>(i) - half) / sigma;
        kernel.push_back(std::exp(-0.5 * x * x));
        sum += kernel.back();
    }
    for (double value : kernel)
        weights.push_back(static_cast<float>(value / sum));
}

} // namespace

GaussianBlur::GaussianBlur(std::int64_t kernelSize, Interval sigma, double probability)
    : AugmentOperation(probability), m_kernelSize(kernelSize), m_sigma(sigma)
{
    check(name() + ".");
}

void GaussianBlur::check(const std::string &prefix) const
{
    requireInteger(prefix + "kernel_size", m_kernelSize, 1, kMaxKernelSize);
    if (m_kernelSize % 2 == 0)
        throw ConfigError(prefix + "kernel_size: must be odd (got " + std::to_string(m_kernelSize) +
                          ")");
    requireInterval(prefix + "sigma", m_sigma, 0.01, 100.0);
}

std::vector<std::string> GaussianBlur::parameterKeys() const
{
    return {"kernel_size", "sigma"};
}

nlohmann::json GaussianBlur::parameters() const
{
    return {{"kernel_size", m_kernelSize}, {"sigma", intervalJson(m_sigma)}};
}

void GaussianBlur::readParameters(const SpecReader &reader)
{
    m_kernelSize = readInteger(reader, "kernel_size", m_kernelSize);
    m_sigma = readInterval(reader, "sigma", m_sigma);
    check(reader.keyName(""));
}

void GaussianBlur::apply(torch::Tensor &batch, const torch::Tensor &applyMask, AugmentRandom &rng,
                         std::vector<nlohmann::json> *drawn) const
{
    const std::int64_t radius = m_kernelSize / 2;
    const std::int64_t height = batch.size(2), width = batch.size(3);
    if (radius >= height || radius >= width)
        throw ConfigError(name() + " with kernel_size " + std::to_string(m_kernelSize) +
                          " needs images larger than " + std::to_string(radius) +
                          " pixels on each side (these are " + std::to_string(height) + " x " +
                          std::to_string(width) + ")");
    const std::vector<std::int64_t> rows = selectedRows(applyMask);
    std::vector<float> weights;
    for (std::int64_t row : rows) {
        const double sigma = rng.uniform(row, m_sigma.lo, m_sigma.hi);
        appendKernel(weights, m_kernelSize, sigma);
        record(drawn, row, {{"sigma", sigma}});
    }
    if (radius == 0)
        return;
    transformRows(batch, rows, [&](const torch::Tensor &images) {
        namespace F = torch::nn::functional;
        const std::int64_t n = images.size(0), channels = images.size(1);
        const std::int64_t groups = n * channels;
        const std::int64_t k = m_kernelSize;
        // Every (sample, channel) plane is its own group with its sample's kernel.
        const torch::Tensor kernels =
            valuesOn(weights, {n, 1, k}, images).expand({n, channels, k}).reshape({groups, 1, k});
        const torch::Tensor padded =
            F::pad(images,
                   F::PadFuncOptions({radius, radius, radius, radius}).mode(torch::kReflect))
                .reshape({1, groups, height + 2 * radius, width + 2 * radius});
        const auto options = F::Conv2dFuncOptions().groups(groups);
        const torch::Tensor rowsBlurred =
            F::conv2d(padded, kernels.view({groups, 1, 1, k}), options);
        const torch::Tensor blurred =
            F::conv2d(rowsBlurred, kernels.view({groups, 1, k, 1}), options);
        return blurred.view({n, channels, height, width});
    });
}

} // namespace mf
