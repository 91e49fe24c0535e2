#include "core/augment/randomrotation.h"

#include "core/augment/affinewarp.h"
#include "core/augment/augmentrandom.h"
#include "core/models/specreader.h"

namespace mf {

RandomRotation::RandomRotation(Interval degrees, double fill, double probability)
    : AugmentOperation(probability), m_degrees(degrees), m_fill(fill)
{
    check(name() + ".");
}

void RandomRotation::check(const std::string &prefix) const
{
    requireInterval(prefix + "degrees", m_degrees, -360.0, 360.0);
    requireNumber(prefix + "fill", m_fill, 0.0, 1.0);
}

std::vector<std::string> RandomRotation::parameterKeys() const
{
    return {"degrees", "fill"};
}

nlohmann::json RandomRotation::parameters() const
{
    return {{"degrees", intervalJson(m_degrees)}, {"fill", m_fill}};
}

void RandomRotation::readParameters(const SpecReader &reader)
{
    m_degrees = readInterval(reader, "degrees", m_degrees);
    m_fill = readNumber(reader, "fill", m_fill);
    check(reader.keyName(""));
}

void RandomRotation::apply(torch::Tensor &batch, const torch::Tensor &applyMask, AugmentRandom &rng,
                           std::vector<nlohmann::json> *drawn) const
{
    const std::vector<std::int64_t> rows = selectedRows(applyMask);
    std::vector<float> thetas;
    for (std::int64_t row : rows) {
        const double angle = rng.uniform(row, m_degrees.lo, m_degrees.hi);
        AffineParams params;
        params.angle = -angle; // F.rotate passes -angle to the (clockwise) affine matrix
        const std::array<float, 6> theta = affineTheta(params, batch.size(2), batch.size(3));
        thetas.insert(thetas.end(), theta.begin(), theta.end());
        record(drawn, row, {{"angle", angle}});
    }
    transformRows(batch, rows,
                  [&](const torch::Tensor &images) { return warpAffine(images, thetas, m_fill); });
}

} // namespace mf
