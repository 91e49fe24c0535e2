#include "core/compress/quanthistogramobserver.h"

#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace mf {

QuantHistogramObserver::QuantHistogramObserver(double percentile, std::int64_t bins,
                                               bool reduceRange)
    : QuantObserver(reduceRange), m_percentile(percentile)
{
    if (!(percentile > 50.0 && percentile <= 100.0))
        throw ConfigError("The calibration percentile must lie in (50, 100]; " +
                          std::to_string(percentile) + " does not.");
    if (bins < 1)
        throw ConfigError("A calibration histogram needs at least one bin, not " +
                          std::to_string(bins) + ".");
    m_counts.assign(static_cast<std::size_t>(bins), 0.0);
}

void QuantHistogramObserver::observe(const torch::Tensor &values)
{
    const auto checked = checkedValues(values);
    if (checked.numel() == 0)
        return;
    const double min = checked.min().item<double>();
    const double max = checked.max().item<double>();
    if (empty()) {
        m_min = min;
        m_max = max;
    } else if (min < m_min || max > m_max) {
        rebin(std::min(min, m_min), std::max(max, m_max));
    }
    if (m_max > m_min) {
        const auto histogram =
            torch::histc(checked, static_cast<std::int64_t>(m_counts.size()), m_min, m_max);
        const auto *counts = histogram.data_ptr<double>();
        for (std::size_t i = 0; i < m_counts.size(); ++i)
            m_counts[i] += counts[i];
    } else {
        m_counts.front() += static_cast<double>(checked.numel());
    }
    m_total += static_cast<double>(checked.numel());
}

void QuantHistogramObserver::rebin(double min, double max)
{
    const auto bins = static_cast<std::int64_t>(m_counts.size());
    const double oldWidth = (m_max - m_min) / static_cast<double>(bins);
    const double width = (max - min) / static_cast<double>(bins);
    const auto binOf = [&](double value) {
        return std::clamp(static_cast<std::int64_t>(std::floor((value - min) / width)),
                          std::int64_t(0), bins - 1);
    };
    std::vector<double> counts(m_counts.size(), 0.0);
    for (std::int64_t i = 0; i < bins; ++i) {
        const double count = m_counts[static_cast<std::size_t>(i)];
        if (count == 0.0)
            continue;
        if (oldWidth == 0.0) {
            counts[static_cast<std::size_t>(binOf(m_min))] += count;
            continue;
        }
        const double lo = m_min + static_cast<double>(i) * oldWidth;
        const double hi = lo + oldWidth;
        for (std::int64_t j = binOf(lo); j <= binOf(hi) && j < bins; ++j) {
            const double binLo = min + static_cast<double>(j) * width;
            const double overlap = std::min(hi, binLo + width) - std::max(lo, binLo);
            if (overlap > 0.0)
                counts[static_cast<std::size_t>(j)] += count * overlap / oldWidth;
        }
    }
    m_counts = std::move(counts);
    m_min = min;
    m_max = max;
}

void QuantHistogramObserver::reset()
{
    std::fill(m_counts.begin(), m_counts.end(), 0.0);
    m_min = m_max = m_total = 0.0;
}

double QuantHistogramObserver::quantile(double fraction) const
{
    if (empty())
        throw Error("The histogram observer has seen no values to calibrate on.");
    const double width = (m_max - m_min) / static_cast<double>(m_counts.size());
    const double target = std::clamp(fraction, 0.0, 1.0) * m_total;
    double below = 0.0;
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        const double count = m_counts[i];
        if (count > 0.0 && below + count >= target) {
            const double within = std::clamp((target - below) / count, 0.0, 1.0);
            return std::clamp(m_min + (static_cast<double>(i) + within) * width, m_min, m_max);
        }
        below += count;
    }
    return m_max;
}

std::pair<double, double> QuantHistogramObserver::range() const
{
    const double tail = (100.0 - m_percentile) / 100.0;
    return {quantile(tail), quantile(1.0 - tail)};
}

} // namespace mf
