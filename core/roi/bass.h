#pragma once

#include <vector>

namespace mf::roi {

/// The Bass diffusion model of how a product spreads through a market: some adopt on their own
/// (innovation), the others because earlier adopters did (imitation).
///
/// Units and conventions: time is in months from the launch (t = 0, no adopters yet); `innovation`
/// (p) and `imitation` (q) are rates per month; adopters are counted in whatever unit
/// `marketSize` (m) uses (users, seats, customers) and are fractional. Cumulative adopters:
///     F(t) = m * (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t})
/// which starts at 0 and approaches m. Every function throws mf::ConfigError unless p > 0,
/// q >= 0, m >= 0, all finite, and t >= 0 (months >= 0).
struct BassModel
{
    double marketSize = 0.0; ///< m: everyone who will adopt in the end
    double innovation = 0.0; ///< p per month, > 0
    double imitation = 0.0;  ///< q per month, >= 0
};

/// Cumulative adopters F(t) at `months` (fractional) after the launch.
double bassCumulative(const BassModel &model, double months);

/// Adopters per month at the instant `months`, dF/dt:
///     m (p+q)^2 / p * e^{-(p+q)t} / (1 + (q/p) e^{-(p+q)t})^2
double bassAdoptionRate(const BassModel &model, double months);

/// Cumulative adopters at the end of each month: entry i is F(i + 1) (month 0 is the first
/// month, as in the ROI projection).
std::vector<double> bassCumulativeByMonth(const BassModel &model, int months);

/// New adopters in each month: entry i is F(i + 1) - F(i), never negative; they add up to the
/// last entry of bassCumulativeByMonth() up to rounding.
std::vector<double> bassNewAdoptersByMonth(const BassModel &model, int months);

/// When the adoption rate peaks, in months: ln(q/p) / (p+q) when q > p; 0 otherwise (it only
/// falls from the launch on).
double bassPeakMonth(const BassModel &model);

} // namespace mf::roi
