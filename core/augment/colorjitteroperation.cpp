#include "core/augment/colorjitteroperation.h"

#include "core/augment/augmentrandom.h"
#include "core/augment/colorspace.h"
#include "core/models/specreader.h"

#include <algorithm>

namespace mf {

namespace {

constexpr double kMaxScaleStrength = 99.0;
constexpr double kMaxShiftStrength = 0.5;

} // namespace

ColorJitterOperation::ColorJitterOperation(Interval factors, double probability)
    : AugmentOperation(probability), m_factors(factors)
{
}

Interval ColorJitterOperation::scaleFactors(double strength, const std::string &key)
{
    requireNumber(key, strength, 0.0, kMaxScaleStrength);
    return {std::max(0.0, 1.0 - strength), 1.0 + strength};
}

Interval ColorJitterOperation::shiftFactors(double strength, const std::string &key)
{
    requireNumber(key, strength, 0.0, kMaxShiftStrength);
    return {-strength, strength};
}

void ColorJitterOperation::checkFactors(const std::string &prefix) const
{
    const Interval allowed = allowedFactors();
    requireInterval(prefix + "factor", m_factors, allowed.lo, allowed.hi);
}

std::vector<std::string> ColorJitterOperation::parameterKeys() const
{
    return {"factor", "strength"};
}

nlohmann::json ColorJitterOperation::parameters() const
{
    return {{"factor", intervalJson(m_factors)}};
}

void ColorJitterOperation::readParameters(const SpecReader &reader)
{
    if (reader.has("strength") && reader.has("factor"))
        reader.fail("strength", "give either strength or factor, not both");
    if (reader.has("strength"))
        m_factors =
            factorsForStrength(readNumber(reader, "strength", 0.0), reader.keyName("strength"));
    m_factors = readInterval(reader, "factor", m_factors);
    checkFactors(reader.keyName(""));
}

void ColorJitterOperation::apply(torch::Tensor &batch, const torch::Tensor &applyMask,
                                 AugmentRandom &rng, std::vector<nlohmann::json> *drawn) const
{
    if (needsGrayOrRgb())
        requireGrayOrRgb(batch, name());
    const std::vector<std::int64_t> rows = selectedRows(applyMask);
    std::vector<float> factors;
    for (std::int64_t row : rows) {
        const double factor = rng.uniform(row, m_factors.lo, m_factors.hi);
        factors.push_back(static_cast<float>(factor));
        record(drawn, row, {{"factor", factor}});
    }
    transformRows(batch, rows, [&](const torch::Tensor &images) {
        return adjust(images, valuesOn(factors, {images.size(0), 1, 1, 1}, images));
    });
}

} // namespace mf
