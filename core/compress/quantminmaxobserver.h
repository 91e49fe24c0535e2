#pragma once

#include "core/compress/quantobserver.h"

namespace mf {

/// The running minimum and maximum of every value observed.
class QuantMinMaxObserver : public QuantObserver
{
public:
    using QuantObserver::QuantObserver;

    void observe(const torch::Tensor &values) override;
    void reset() override;
    bool empty() const override { return !m_seen; }
    std::pair<double, double> range() const override;

private:
    bool m_seen = false;
    double m_min = 0.0;
    double m_max = 0.0;
};

} // namespace mf
