#pragma once

#include "core/compress/quantobserver.h"

#include <vector>

namespace mf {

/// A histogram of every value observed, over the running [min, max], whose range is the
/// (100 - percentile)th to the percentile-th percentile: a few outliers then no longer stretch
/// the quantisation step of every other value. Within a bin the values count as spread
/// evenly; when a batch widens the range, the old counts are shared out over the new bins in
/// proportion to the overlap. With percentile 100 the range is the exact minimum and maximum.
class QuantHistogramObserver : public QuantObserver
{
public:
    /// Throws ConfigError unless 50 < percentile <= 100 and bins >= 1.
    explicit QuantHistogramObserver(double percentile = 99.99, std::int64_t bins = 2048,
                                    bool reduceRange = false);

    void observe(const torch::Tensor &values) override;
    void reset() override;
    bool empty() const override { return m_total == 0.0; }
    std::pair<double, double> range() const override;

    double percentile() const { return m_percentile; }
    /// The value below which `fraction` (0 to 1) of the observed values lie.
    double quantile(double fraction) const;
    /// The running minimum and maximum: the histogram's extent.
    std::pair<double, double> extent() const { return {m_min, m_max}; }
    const std::vector<double> &counts() const { return m_counts; }

private:
    void rebin(double min, double max);

    double m_percentile;
    std::vector<double> m_counts;
    double m_min = 0.0;
    double m_max = 0.0;
    double m_total = 0.0;
};

} // namespace mf
