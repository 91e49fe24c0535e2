#include "core/compress/quantobserver.h"

#include "core/util/error.h"

namespace mf {

QuantParams QuantObserver::params() const
{
    const auto [min, max] = range();
    return affineQuantParams(min, max, m_reduceRange);
}

torch::Tensor QuantObserver::checkedValues(const torch::Tensor &values)
{
    auto checked = values.detach().to(torch::kCPU, torch::kFloat64).contiguous();
    if (checked.numel() > 0 && !torch::isfinite(checked).all().item<bool>())
        throw Error("Cannot calibrate quantisation on values that contain NaN or infinity.");
    return checked;
}

} // namespace mf
