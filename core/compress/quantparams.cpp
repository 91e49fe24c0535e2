#include "core/compress/quantparams.h"

#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace mf {

QuantParams affineQuantParams(double min, double max, bool reduceRange)
{
    if (!std::isfinite(min) || !std::isfinite(max) || min > max)
        throw Error("Cannot quantise the range [" + std::to_string(min) + ", " +
                    std::to_string(max) + "]: it must be finite and ordered.");
    const std::int64_t qmin = 0;
    const std::int64_t qmax = reduceRange ? 127 : 255;
    min = std::min(min, 0.0);
    max = std::max(max, 0.0);
    if (max == min)
        return {1.0, qmin};
    // The engines hold the scale as a float; a smaller one would underflow there.
    const double scale = std::max((max - min) / static_cast<double>(qmax - qmin),
                                  static_cast<double>(std::numeric_limits<float>::epsilon()));
    const auto zeroPoint = qmin - static_cast<std::int64_t>(std::nearbyint(min / scale));
    return {scale, std::clamp(zeroPoint, qmin, qmax)};
}

} // namespace mf
