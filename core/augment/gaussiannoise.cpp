#include "core/augment/gaussiannoise.h"

#include "core/augment/augmentparams.h"
#include "core/augment/augmentrandom.h"
#include "core/models/specreader.h"
#include "core/util/error.h"

#include <torch/torch.h>

#include <limits>

namespace mf {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr std::int64_t kLow32 = 0xFFFFFFFFLL;

/// A 32-bit integer hash (Mueller's) on int64 tensors holding values below 2^32. The
/// multiplier is below 2^27, so no product leaves int64 and the mask gives 32-bit wrapping.
torch::Tensor hash32(torch::Tensor x)
{
    constexpr std::int64_t kMultiplier = 0x45d9f3b;
    x = torch::bitwise_and(torch::bitwise_xor(torch::bitwise_right_shift(x, 16), x) * kMultiplier,
                           kLow32);
    x = torch::bitwise_and(torch::bitwise_xor(torch::bitwise_right_shift(x, 16), x) * kMultiplier,
                           kLow32);
    return torch::bitwise_xor(torch::bitwise_right_shift(x, 16), x);
}

/// Uniform in (0, 1) per pixel from the pixel counter and two 32-bit keys ([n, 1, 1, 1]).
torch::Tensor uniformField(const torch::Tensor &counter, const torch::Tensor &keyA,
                           const torch::Tensor &keyB)
{
    const torch::Tensor bits =
        hash32(torch::bitwise_xor(hash32(torch::bitwise_xor(counter, keyA)), keyB));
    return (bits.to(torch::kFloat) + 0.5f) * static_cast<float>(1.0 / 4294967296.0);
}

} // namespace

GaussianNoise::GaussianNoise(double stdDev, double probability)
    : AugmentOperation(probability), m_std(stdDev)
{
    check(name() + ".");
}

void GaussianNoise::check(const std::string &prefix) const
{
    requireNumber(prefix + "std", m_std, 0.0, 1.0);
}

std::vector<std::string> GaussianNoise::parameterKeys() const
{
    return {"std"};
}

nlohmann::json GaussianNoise::parameters() const
{
    return {{"std", m_std}};
}

void GaussianNoise::readParameters(const SpecReader &reader)
{
    m_std = readNumber(reader, "std", m_std);
    check(reader.keyName(""));
}

void GaussianNoise::apply(torch::Tensor &batch, const torch::Tensor &applyMask, AugmentRandom &rng,
                          std::vector<nlohmann::json> *drawn) const
{
    const std::int64_t planeSize = batch.size(1) * batch.size(2) * batch.size(3);
    if (planeSize > std::numeric_limits<std::int32_t>::max())
        throw ConfigError(name() + " supports images of up to 2^31 values each");
    const std::vector<std::int64_t> rows = selectedRows(applyMask);
    std::vector<std::int64_t> keys; // four 32-bit keys per row
    for (std::int64_t row : rows) {
        const std::uint64_t first = rng.next(row);
        const std::uint64_t second = rng.next(row);
        for (std::uint64_t bits : {first, second}) {
            keys.push_back(static_cast<std::int64_t>(bits & 0xFFFFFFFFULL));
            keys.push_back(static_cast<std::int64_t>(bits >> 32));
        }
        record(drawn, row, {{"keys", {first, second}}});
    }
    transformRows(batch, rows, [&](const torch::Tensor &images) {
        const std::int64_t n = images.size(0);
        const auto longOptions = torch::TensorOptions().dtype(torch::kLong);
        const torch::Tensor key =
            torch::tensor(keys, longOptions).view({n, 4, 1, 1, 1}).to(images.device());
        const torch::Tensor counter = torch::arange(planeSize, longOptions.device(images.device()))
                                          .view(images.sizes().slice(1))
                                          .unsqueeze(0);
        const torch::Tensor u1 = uniformField(counter, key.select(1, 0), key.select(1, 1));
        const torch::Tensor u2 = uniformField(counter, key.select(1, 2), key.select(1, 3));
        // Box-Muller.
        const torch::Tensor normal =
            torch::sqrt(-2.0 * torch::log(u1)) * torch::cos((2.0 * kPi) * u2);
        return images.add_(normal.mul_(static_cast<float>(m_std))).clamp_(0.0, 1.0);
    });
}

} // namespace mf
