#include "core/augment/normalize.h"

#include "core/augment/augmentparams.h"
#include "core/models/specreader.h"
#include "core/util/error.h"

#include <torch/torch.h>

namespace mf {

namespace {

constexpr double kLimit = 1e6;
constexpr double kMinStd = 1e-6;

void checkValues(const std::string &key, const std::vector<double> &values, double min, double max)
{
    if (values.empty())
        throw ConfigError(key + ": must not be empty");
    for (std::size_t i = 0; i < values.size(); ++i)
        requireNumber(key + "[" + std::to_string(i) + "]", values[i], min, max);
}

} // namespace

Normalize::Normalize(std::vector<double> mean, std::vector<double> stdDev)
    : AugmentOperation(1.0), m_mean(std::move(mean)), m_std(std::move(stdDev))
{
    check(name() + ".");
}

void Normalize::check(const std::string &prefix) const
{
    checkValues(prefix + "mean", m_mean, -kLimit, kLimit);
    checkValues(prefix + "std", m_std, kMinStd, kLimit);
    if (m_mean.size() != m_std.size() && m_mean.size() != 1 && m_std.size() != 1)
        throw ConfigError(prefix + "std: has " + std::to_string(m_std.size()) +
                          " values but mean has " + std::to_string(m_mean.size()));
}

std::vector<std::string> Normalize::parameterKeys() const
{
    return {"mean", "std"};
}

nlohmann::json Normalize::parameters() const
{
    return {{"mean", m_mean}, {"std", m_std}};
}

void Normalize::readParameters(const SpecReader &reader)
{
    m_mean = readNumbers(reader, "mean", m_mean);
    m_std = readNumbers(reader, "std", m_std);
    check(reader.keyName(""));
}

torch::Tensor Normalize::perChannel(const std::vector<double> &values, const char *key,
                                    const torch::Tensor &batch) const
{
    const std::int64_t channels = batch.size(1);
    const auto count = static_cast<std::int64_t>(values.size());
    if (count != 1 && count != channels)
        throw ConfigError(name() + " has " + std::to_string(count) + " " + key +
                          " values but the images have " + std::to_string(channels) +
                          (channels == 1 ? " channel" : " channels"));
    return valuesOn(std::vector<float>(values.begin(), values.end()), {1, count, 1, 1}, batch);
}

void Normalize::apply(torch::Tensor &batch, const torch::Tensor &applyMask, AugmentRandom &rng,
                      std::vector<nlohmann::json> *drawn) const
{
    const torch::Tensor mean = perChannel(m_mean, "mean", batch);
    const torch::Tensor stdDev = perChannel(m_std, "std", batch);
    const std::vector<std::int64_t> rows = selectedRows(applyMask);
    for (std::int64_t row : rows)
        record(drawn, row, nlohmann::json::object());
    transformRows(batch, rows,
                  [&](const torch::Tensor &images) { return images.sub_(mean).div_(stdDev); });
}

} // namespace mf
