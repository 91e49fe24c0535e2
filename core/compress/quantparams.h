#pragma once

#include <cstdint>

namespace mf {

/// Affine quantisation of a float tensor to quint8: q = clamp(round(x / scale) + zeroPoint).
struct QuantParams
{
    double scale = 1.0;
    std::int64_t zeroPoint = 0;
};

/// The quint8 parameters that cover [min, max] widened to include 0, so that zero (ReLU
/// outputs, padding) is exactly representable: scale = (max - min) / (qmax - qmin),
/// zeroPoint = qmin - round(min / scale) clamped to [qmin, qmax]. qmax is 255, or 127 with
/// `reduceRange` (for engines whose kernels would saturate 16-bit sums of products: fbgemm).
/// An empty range (all zeros) gives scale 1, zero point 0. Throws Error for non-finite bounds.
QuantParams affineQuantParams(double min, double max, bool reduceRange = false);

} // namespace mf
