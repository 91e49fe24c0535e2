#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mf::roi {

/// Discounting and return measures on a series of cash flows.
///
/// Conventions shared by every function here:
/// - `flows[t]` is the net cash flow of period t (money in is positive, money out negative), in
///   one currency; periods are equal (a month in the ROI model, a year in the textbook cases).
/// - `rate` is the discount rate per period as a fraction (0.05 = 5 % per period); it must be
///   greater than -1. A rate of -1 or below, or a NaN anywhere, throws mf::ConfigError.
/// - Functions that cannot give a number return std::nullopt or a status, never NaN. An NPV
///   beyond the range of a double (a rate just above -1 over many periods) is +-infinity.

/// Net present value with the first flow at t = 0, undiscounted (numpy-financial's npv):
///     sum_t flows[t] / (1 + rate)^t
double npv(double rate, const std::vector<double> &flows);

/// Excel's NPV(): every flow is discounted, the first by one period:
///     sum_t flows[t] / (1 + rate)^(t + 1)  ==  npv(rate, flows) / (1 + rate)
double npvExcel(double rate, const std::vector<double> &flows);

/// Outcome of a root search for an internal rate of return.
struct IrrResult
{
    enum class Status
    {
        Found,       ///< `rate` is the one IRR above -1
        NoRoot,      ///< the flows never change sign, or no rate above -1 makes the NPV zero
        SeveralRoots ///< more than one rate makes the NPV zero; `roots` lists those found
    };
    Status status = Status::NoRoot;
    double rate = 0.0;         ///< valid when status == Found
    std::vector<double> roots; ///< every root found above -1, ascending (Found: one entry)
    std::string message;       ///< one readable sentence for the UI and the CLI
};

/// IRR per period: the rate r > -1 with npv(r, flows) == 0. Newton's method from a few starting
/// points with a bisection fallback on every bracketing interval of a grid over (-1, 10];
/// |NPV| < 1e-9 * sum|flows| counts as zero (below a rate of 0 the NPV times (1 + rate)^n, which
/// stays finite near -1). Flows with one sign change have exactly one root (Descartes' rule of
/// signs), found without the grid; NoRoot when it is above 10. Flows that change sign more than
/// once may have several roots: all that are found are reported, with status SeveralRoots when
/// there are two or more.
IrrResult irr(const std::vector<double> &flows);

/// Modified IRR: negative flows discounted to t = 0 at `financeRate`, positive flows compounded
/// to the last period at `reinvestRate` (Excel's MIRR, numpy-financial's mirr). nullopt when the
/// flows lack a positive or a negative value, or the result overflows.
std::optional<double> mirr(const std::vector<double> &flows, double financeRate,
                           double reinvestRate);

/// A cash flow on a calendar date, for XNPV/XIRR. `day` counts days (any epoch; only the
/// differences matter).
struct DatedFlow
{
    long long day = 0;
    double amount = 0.0;
};

/// Excel's XNPV: sum amount / (1 + annualRate)^((day - firstDay) / 365), with firstDay the day of
/// the first flow in the list (not the earliest).
double xnpv(double annualRate, const std::vector<DatedFlow> &flows);

/// Excel's XIRR: the annual rate with xnpv == 0, same search and statuses as irr().
IrrResult xirr(const std::vector<DatedFlow> &flows);

/// The fractional period at which the cumulative cash flow first turns non-negative and stays
/// so, interpolated linearly inside the period that crosses zero: with cumulative C(t) after
/// period t, crossing between t-1 and t gives (t - 1) + (-C(t-1)) / flows[t]. nullopt when the
/// cumulative flow is still negative at the end, or there are no flows. 0 when flows[0] >= 0 and
/// it never dips. A cumulative within 1e-12 * sum|flows| of zero counts as zero (rounding).
std::optional<double> paybackPeriod(const std::vector<double> &flows);

/// paybackPeriod() on the flows discounted with npv()'s convention.
std::optional<double> discountedPaybackPeriod(double rate, const std::vector<double> &flows);

/// The first period (0-based) whose own flow is non-negative and after which every flow is
/// non-negative too, i.e. where the monthly result breaks even for good; nullopt when none.
std::optional<int> breakEvenPeriod(const std::vector<double> &flows);

/// ROI in percent: (sum of inflows - sum of outflows) / sum of outflows * 100, undiscounted.
/// nullopt when there is no outflow.
std::optional<double> roiPercent(const std::vector<double> &flows);

/// Straight-line depreciation of a capital expense: the charge per period over `lifePeriods`
/// periods, (capex - salvage) / lifePeriods; lifePeriods >= 1, capex >= salvage >= 0.
double straightLineDepreciation(double capex, double salvage, int lifePeriods);

/// Total cost of ownership over `periods` periods: capex plus opexPerPeriod * periods (the
/// depreciation spreads capex over time for the cash-flow view; it does not change the total).
double totalCostOfOwnership(double capex, double opexPerPeriod, int periods);

} // namespace mf::roi
