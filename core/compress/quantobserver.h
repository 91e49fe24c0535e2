#pragma once

#include "core/compress/quantparams.h"

#include <torch/torch.h>

#include <utility>

namespace mf {

/// Watches the float values that reach one point of a model (a layer's input or output) during
/// calibration and chooses the quint8 parameters for static quantisation there.
class QuantObserver
{
public:
    explicit QuantObserver(bool reduceRange = false) : m_reduceRange(reduceRange) {}
    virtual ~QuantObserver() = default;

    /// Adds a batch of values (any shape, device and floating dtype). Throws Error where a
    /// value is NaN or infinite: a range cannot be calibrated on them.
    virtual void observe(const torch::Tensor &values) = 0;
    virtual void reset() = 0;
    virtual bool empty() const = 0;
    /// The range [min, max] that the parameters cover; throws Error while empty().
    virtual std::pair<double, double> range() const = 0;

    /// affineQuantParams(range()).
    QuantParams params() const;
    bool reduceRange() const { return m_reduceRange; }

protected:
    /// `values` as a contiguous CPU double tensor, after the finiteness check.
    static torch::Tensor checkedValues(const torch::Tensor &values);

private:
    bool m_reduceRange;
};

} // namespace mf
