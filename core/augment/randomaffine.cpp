#include "core/augment/randomaffine.h"

#include "core/augment/affinewarp.h"
#include "core/augment/augmentrandom.h"
#include "core/models/specreader.h"

#include <cmath>

namespace mf {

RandomAffine::RandomAffine(const RandomAffineSettings &settings, double probability)
    : AugmentOperation(probability), m_settings(settings)
{
    check(name() + ".");
}

void RandomAffine::check(const std::string &prefix) const
{
    requireInterval(prefix + "degrees", m_settings.degrees, -360.0, 360.0);
    requireNumber(prefix + "translate[0]", m_settings.translateX, 0.0, 1.0);
    requireNumber(prefix + "translate[1]", m_settings.translateY, 0.0, 1.0);
    requireInterval(prefix + "scale", m_settings.scale, 0.01, 100.0);
    requireInterval(prefix + "shear", m_settings.shear, -89.0, 89.0);
    requireNumber(prefix + "fill", m_settings.fill, 0.0, 1.0);
}

std::vector<std::string> RandomAffine::parameterKeys() const
{
    return {"degrees", "translate", "scale", "shear", "fill"};
}

nlohmann::json RandomAffine::parameters() const
{
    return {{"degrees", intervalJson(m_settings.degrees)},
            {"translate", {m_settings.translateX, m_settings.translateY}},
            {"scale", intervalJson(m_settings.scale)},
            {"shear", intervalJson(m_settings.shear)},
            {"fill", m_settings.fill}};
}

void RandomAffine::readParameters(const SpecReader &reader)
{
    m_settings.degrees = readInterval(reader, "degrees", m_settings.degrees);
    // Two independent maxima, read as a pair.
    const Interval translate =
        readInterval(reader, "translate", Interval{m_settings.translateX, m_settings.translateY});
    m_settings.translateX = translate.lo;
    m_settings.translateY = translate.hi;
    m_settings.scale = readInterval(reader, "scale", m_settings.scale);
    m_settings.shear = readInterval(reader, "shear", m_settings.shear);
    m_settings.fill = readNumber(reader, "fill", m_settings.fill);
    check(reader.keyName(""));
}

void RandomAffine::apply(torch::Tensor &batch, const torch::Tensor &applyMask, AugmentRandom &rng,
                         std::vector<nlohmann::json> *drawn) const
{
    const std::vector<std::int64_t> rows = selectedRows(applyMask);
    const std::int64_t height = batch.size(2), width = batch.size(3);
    const double maxX = m_settings.translateX * static_cast<double>(width);
    const double maxY = m_settings.translateY * static_cast<double>(height);
    std::vector<float> thetas;
    for (std::int64_t row : rows) {
        // torchvision's RandomAffine.get_params order: angle, translation, scale, shear.
        AffineParams params;
        params.angle = rng.uniform(row, m_settings.degrees.lo, m_settings.degrees.hi);
        params.translateX = std::round(rng.uniform(row, -maxX, maxX));
        params.translateY = std::round(rng.uniform(row, -maxY, maxY));
        params.scale = rng.uniform(row, m_settings.scale.lo, m_settings.scale.hi);
        params.shearX = rng.uniform(row, m_settings.shear.lo, m_settings.shear.hi);
        const std::array<float, 6> theta = affineTheta(params, height, width);
        thetas.insert(thetas.end(), theta.begin(), theta.end());
        record(drawn, row,
               {{"angle", params.angle},
                {"translate", {params.translateX, params.translateY}},
                {"scale", params.scale},
                {"shear", params.shearX}});
    }
    transformRows(batch, rows, [&](const torch::Tensor &images) {
        return warpAffine(images, thetas, m_settings.fill);
    });
}

} // namespace mf
