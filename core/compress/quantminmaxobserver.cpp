#include "core/compress/quantminmaxobserver.h"

#include "core/util/error.h"

#include <algorithm>

namespace mf {

void QuantMinMaxObserver::observe(const torch::Tensor &values)
{
    const auto checked = checkedValues(values);
    if (checked.numel() == 0)
        return;
    const double min = checked.min().item<double>();
    const double max = checked.max().item<double>();
    m_min = m_seen ? std::min(m_min, min) : min;
    m_max = m_seen ? std::max(m_max, max) : max;
    m_seen = true;
}

void QuantMinMaxObserver::reset()
{
    m_seen = false;
    m_min = m_max = 0.0;
}

std::pair<double, double> QuantMinMaxObserver::range() const
{
    if (!m_seen)
        throw Error("The min/max observer has seen no values to calibrate on.");
    return {m_min, m_max};
}

} // namespace mf
