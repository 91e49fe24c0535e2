#include "core/roi/finance.h"

#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace mf::roi {

namespace {

// Every rate is searched as x = 1 + rate on (0, kMaxX]: rates from just above -1 to 10.
constexpr double kMaxX = 11.0;
constexpr double kZeroTolerance = 1e-9;

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof(text), "%.6g", value);
    return text;
}

std::string percent(double fraction)
{
    char text[32];
    std::snprintf(text, sizeof(text), "%.4g %%", fraction * 100.0);
    return text;
}

void checkRate(double rate, const char *what)
{
    if (std::isnan(rate))
        throw ConfigError(std::string(what) + " is not a number (NaN).");
    if (rate <= -1.0)
        throw ConfigError(std::string(what) + " must be greater than -100 %; " + number(rate) +
                          " (" + percent(rate) + ") was given.");
    if (std::isinf(rate))
        throw ConfigError(std::string(what) + " is infinite.");
}

void checkAmount(double amount, std::size_t index)
{
    if (!std::isfinite(amount))
        throw ConfigError("Cash flow " + std::to_string(index) + " is " +
                          (std::isnan(amount) ? "not a number (NaN)" : "infinite") +
                          "; every cash flow must be a finite amount.");
}

void checkFlows(const std::vector<double> &flows)
{
    for (std::size_t t = 0; t < flows.size(); ++t)
        checkAmount(flows[t], t);
}

void checkFlows(const std::vector<DatedFlow> &flows)
{
    for (std::size_t i = 0; i < flows.size(); ++i)
        checkAmount(flows[i].amount, i);
}

/// The NPV as a function of x = 1 + rate, times a positive factor that keeps it bounded by
/// sum |amount| on all of (0, inf): x^maxExponent below x = 1, x^minExponent above. It has the
/// NPV's sign and roots, is continuous at x = 1 and finite at x = 0, where a plain NPV
/// overflows. Terms on the same exponent are merged, zero ones dropped.
class ScaledNpv
{
public:
    /// `terms`: (amount, exponent) with NPV = sum amount * x^-exponent.
    explicit ScaledNpv(std::vector<std::pair<double, double>> terms)
    {
        std::sort(terms.begin(), terms.end(),
                  [](const auto &a, const auto &b) { return a.second < b.second; });
        for (const auto &[amount, exponent] : terms) {
            if (!m_terms.empty() && m_terms.back().second == exponent)
                m_terms.back().first += amount;
            else
                m_terms.emplace_back(amount, exponent);
        }
        m_terms.erase(std::remove_if(m_terms.begin(), m_terms.end(),
                                     [](const auto &term) { return term.first == 0.0; }),
                      m_terms.end());
        for (const auto &term : m_terms)
            m_scale += std::abs(term.first);
        if (m_terms.empty())
            return;
        m_minExponent = m_terms.front().second;
        m_maxExponent = m_terms.back().second;
        const double span = m_maxExponent - m_minExponent;
        m_integral = span <= 1e6 && std::all_of(m_terms.begin(), m_terms.end(), [&](const auto &t) {
                         return t.second - m_minExponent == std::floor(t.second - m_minExponent);
                     });
        if (m_integral) {
            m_dense.assign(static_cast<std::size_t>(span) + 1, 0.0);
            for (const auto &[amount, exponent] : m_terms)
                m_dense[static_cast<std::size_t>(exponent - m_minExponent)] = amount;
        }
    }

    bool empty() const { return m_terms.empty(); }
    double zeroTolerance() const { return kZeroTolerance * m_scale; }
    double minExponent() const { return m_minExponent; }
    double maxExponent() const { return m_maxExponent; }
    double amountAtX0() const { return m_terms.back().first; }

    int signChanges() const
    {
        int changes = 0;
        for (std::size_t i = 1; i < m_terms.size(); ++i)
            changes += (m_terms[i].first < 0) != (m_terms[i - 1].first < 0);
        return changes;
    }

    /// The scaled NPV at x >= 0 and its derivative in x (0 at x = 0).
    std::pair<double, double> valueAndSlope(double x) const
    {
        return m_integral ? horner(x) : powers(x);
    }

    double value(double x) const { return valueAndSlope(x).first; }

    /// The NPV itself from a scaled value at x > 0: never NaN, +-inf where it overflows.
    double unscaled(double scaledValue, double x) const
    {
        if (scaledValue == 0.0)
            return 0.0;
        return scaledValue / std::pow(x, x < 1.0 ? m_maxExponent : m_minExponent);
    }

private:
    // Dense coefficients c[k] on exponent minExponent + k. Below 1 the scaled NPV is the
    // polynomial sum c[k] x^(n-k), above it sum c[k] v^k with v = 1/x.
    std::pair<double, double> horner(double x) const
    {
        const std::size_t n = m_dense.size() - 1;
        double p = 0.0;
        double dp = 0.0;
        if (x < 1.0) {
            for (std::size_t k = 0; k <= n; ++k) {
                dp = dp * x + p;
                p = p * x + m_dense[k];
            }
            return {p, dp};
        }
        const double v = 1.0 / x;
        for (std::size_t k = n + 1; k-- > 0;) {
            dp = dp * v + p;
            p = p * v + m_dense[k];
        }
        return {p, -dp * v * v};
    }

    std::pair<double, double> powers(double x) const
    {
        const double shift = x < 1.0 ? m_maxExponent : m_minExponent;
        double value = 0.0;
        double slope = 0.0;
        for (const auto &[amount, exponent] : m_terms) {
            const double power = shift - exponent; // >= 0 below 1, <= 0 above
            const double term = amount * std::pow(x, power);
            value += term;
            if (x > 0.0 && power != 0.0)
                slope += term * power / x;
        }
        return {value, slope};
    }

    std::vector<std::pair<double, double>> m_terms; ///< (amount, exponent), ascending exponent
    std::vector<double> m_dense;
    bool m_integral = false;
    double m_scale = 0.0;
    double m_minExponent = 0.0;
    double m_maxExponent = 0.0;
};

/// Newton's method kept inside a bracket [a, b] whose ends have opposite signs, bisecting
/// whenever a Newton step would leave it or shrinks it too slowly.
double rootInBracket(const ScaledNpv &f, double a, double fa, double b)
{
    double x = (a < 1.1 && 1.1 < b) ? 1.1 : 0.5 * (a + b);
    double previousWidth = b - a;
    for (int iteration = 0; iteration < 300; ++iteration) {
        const auto [fx, slope] = f.valueAndSlope(x);
        if (fx == 0.0)
            return x;
        if ((fx < 0.0) == (fa < 0.0)) {
            a = x;
            fa = fx;
        } else {
            b = x;
        }
        const double width = b - a;
        if (width <= 4e-16 * std::max(1.0, b))
            return 0.5 * (a + b);
        double next = slope != 0.0 ? x - fx / slope : a;
        if (!(next > a && next < b) || width > 0.5 * previousWidth)
            next = 0.5 * (a + b);
        previousWidth = width;
        if (std::abs(next - x) <= 1e-15 * std::max(1.0, x))
            return next;
        x = next;
    }
    return x;
}

/// Plain Newton from `x`, for roots where the NPV touches zero without changing sign; nullopt
/// when it leaves the searched range or ends where the NPV is not zero.
std::optional<double> newtonRoot(const ScaledNpv &f, double x)
{
    for (int iteration = 0; iteration < 200; ++iteration) {
        const auto [fx, slope] = f.valueAndSlope(x);
        if (fx == 0.0)
            break;
        if (slope == 0.0 || !std::isfinite(slope))
            break;
        const double next = x - fx / slope;
        if (!(next > 0.0 && next < 2.0 * kMaxX))
            return std::nullopt;
        const bool converged = std::abs(next - x) <= 1e-15 * std::max(1.0, x);
        x = next;
        if (converged)
            break;
    }
    if (x > 0.0 && x <= kMaxX && std::abs(f.value(x)) <= f.zeroTolerance())
        return x;
    return std::nullopt;
}

/// Search points in x: dense near 0 (rates near -100 %) and geometric up to kMaxX.
const std::vector<double> &searchGrid()
{
    static const std::vector<double> grid = [] {
        std::vector<double> points = {0.0, 1e-6, 1e-5, 1e-4};
        constexpr int kSteps = 1500;
        const double low = 1e-3;
        for (int i = 0; i <= kSteps; ++i)
            points.push_back(low * std::pow(kMaxX / low, double(i) / kSteps));
        points.back() = kMaxX;
        return points;
    }();
    return grid;
}

void addRoot(std::vector<double> &roots, double x)
{
    for (const double known : roots)
        if (std::abs(known - x) <= 1e-7 * std::max(1.0, x))
            return;
    roots.push_back(x);
}

std::vector<double> allRoots(const ScaledNpv &f)
{
    const double tolerance = f.zeroTolerance();
    std::vector<double> roots;
    const std::vector<double> &grid = searchGrid();
    double previousX = grid[0];
    double previousValue = f.value(previousX);
    for (std::size_t i = 1; i < grid.size(); ++i) {
        const double x = grid[i];
        const double value = f.value(x);
        if (value == 0.0)
            addRoot(roots, x);
        else if (previousValue != 0.0 && (value < 0.0) != (previousValue < 0.0))
            addRoot(roots, rootInBracket(f, previousX, previousValue, x));
        else if (std::abs(value) <= tolerance)
            if (const auto root = newtonRoot(f, x))
                addRoot(roots, *root);
        previousX = x;
        previousValue = value;
    }
    // Roots of even multiplicity do not change the sign; Newton finds them from nearby.
    for (const double rate : {0.1, 0.0, -0.5, 0.5, 2.0})
        if (const auto root = newtonRoot(f, 1.0 + rate))
            addRoot(roots, *root);
    std::sort(roots.begin(), roots.end());
    return roots;
}

IrrResult noRoot(std::string message)
{
    IrrResult result;
    result.status = IrrResult::Status::NoRoot;
    result.message = std::move(message);
    return result;
}

IrrResult solveIrr(const ScaledNpv &f, const std::string &unit)
{
    if (f.empty())
        return noRoot("There are no cash flows other than zero, so there is no rate of return.");
    const int changes = f.signChanges();
    if (changes == 0)
        return noRoot("The cash flows never change sign, so no rate makes the NPV zero.");

    std::vector<double> xs;
    if (changes == 1) {
        // Descartes' rule of signs: exactly one root in x > 0.
        const double atMax = f.value(kMaxX);
        if (atMax != 0.0 && (atMax < 0.0) != (f.amountAtX0() < 0.0))
            xs.push_back(rootInBracket(f, 0.0, f.amountAtX0(), kMaxX));
        else if (std::abs(atMax) <= f.zeroTolerance())
            xs.push_back(kMaxX);
        else
            return noRoot("The internal rate of return is above 1000 % " + unit +
                          ", beyond the range searched.");
    } else {
        xs = allRoots(f);
    }

    IrrResult result;
    for (const double x : xs)
        result.roots.push_back(x - 1.0);
    if (result.roots.empty())
        return noRoot("No rate above -100 % " + unit + " makes the NPV zero.");
    if (result.roots.size() == 1) {
        result.status = IrrResult::Status::Found;
        result.rate = result.roots.front();
        result.message =
            "The internal rate of return is " + percent(result.rate) + " " + unit + ".";
        return result;
    }
    result.status = IrrResult::Status::SeveralRoots;
    std::string list;
    for (const double root : result.roots)
        list += (list.empty() ? "" : ", ") + percent(root);
    result.message = "The cash flows change sign " + std::to_string(changes) + " times and " +
                     std::to_string(result.roots.size()) + " rates make the NPV zero (" + list +
                     " " + unit + "), so the IRR is ambiguous; use the NPV or the MIRR instead.";
    return result;
}

std::vector<std::pair<double, double>> periodicTerms(const std::vector<double> &flows)
{
    std::vector<std::pair<double, double>> terms;
    terms.reserve(flows.size());
    for (std::size_t t = 0; t < flows.size(); ++t)
        terms.emplace_back(flows[t], double(t));
    return terms;
}

std::vector<std::pair<double, double>> datedTerms(const std::vector<DatedFlow> &flows)
{
    std::vector<std::pair<double, double>> terms;
    terms.reserve(flows.size());
    for (const DatedFlow &flow : flows)
        terms.emplace_back(flow.amount, double(flow.day - flows.front().day) / 365.0);
    return terms;
}

/// A sum kept as mantissa * e^logScale, so that amounts discounted by factors far beyond the
/// range of a double (e^-1000, e^1000) still add up with their signs intact.
class WideSum
{
public:
    void add(double amount, double logScale)
    {
        if (amount == 0.0)
            return;
        if (m_mantissa == 0.0) {
            m_mantissa = amount;
            m_logScale = logScale;
        } else if (logScale > m_logScale) {
            m_mantissa = m_mantissa * std::exp(m_logScale - logScale) + amount;
            m_logScale = logScale;
        } else {
            m_mantissa += amount * std::exp(logScale - m_logScale);
        }
    }
    double mantissa() const { return m_mantissa; }
    double logScale() const { return m_logScale; }
    /// log |sum|; -inf for 0.
    double logMagnitude() const { return std::log(std::abs(m_mantissa)) + m_logScale; }

private:
    double m_mantissa = 0.0;
    double m_logScale = 0.0;
};

/// The payback period of flows[t] * e^(-t * logDiscount), as paybackPeriod() defines it.
std::optional<double> payback(const std::vector<double> &flows, double logDiscount)
{
    if (flows.empty())
        return std::nullopt;
    // Rounding must not turn an exact break-even (a cumulative of -1e-13) into a loss: the
    // cumulative counts as negative below -1e-12 times the sum of the magnitudes in it.
    const double logTolerance = std::log(1e-12);
    WideSum cumulative;
    WideSum magnitude;
    std::size_t crossing = 0; // the period after the last negative one
    double crossingFraction = 0.0;
    for (std::size_t t = 0; t < flows.size(); ++t) {
        const double logWeight = -double(t) * logDiscount;
        // The share of this period's discounted flow that makes up the deficit before it.
        const double ratio = -cumulative.mantissa() / flows[t];
        const double fraction =
            flows[t] > 0.0 && ratio > 0.0
                ? std::min(1.0,
                           ratio * std::exp(std::min(cumulative.logScale() - logWeight, 700.0)))
                : 0.0;
        cumulative.add(flows[t], logWeight);
        magnitude.add(std::abs(flows[t]), logWeight);
        if (cumulative.mantissa() < 0.0 &&
            cumulative.logMagnitude() > logTolerance + magnitude.logMagnitude()) {
            crossing = t + 1;
        } else if (crossing == t) {
            crossingFraction = fraction;
        }
    }
    if (crossing == 0)
        return 0.0;
    if (crossing == flows.size())
        return std::nullopt;
    return double(crossing - 1) + crossingFraction;
}

} // namespace

double npv(double rate, const std::vector<double> &flows)
{
    checkRate(rate, "The discount rate");
    checkFlows(flows);
    if (flows.empty())
        return 0.0;
    const double x = 1.0 + rate;
    if (x >= 1.0) {
        // Horner in 1 / (1 + rate): every power is at most 1, nothing overflows.
        const double v = 1.0 / x;
        double sum = 0.0;
        for (std::size_t t = flows.size(); t-- > 0;)
            sum = sum * v + flows[t];
        return sum;
    }
    const ScaledNpv scaled(periodicTerms(flows));
    return scaled.empty() ? 0.0 : scaled.unscaled(scaled.value(x), x);
}

double npvExcel(double rate, const std::vector<double> &flows)
{
    return npv(rate, flows) / (1.0 + rate);
}

IrrResult irr(const std::vector<double> &flows)
{
    checkFlows(flows);
    if (flows.empty())
        return noRoot("There are no cash flows, so there is no rate of return.");
    return solveIrr(ScaledNpv(periodicTerms(flows)), "per period");
}

std::optional<double> mirr(const std::vector<double> &flows, double financeRate,
                           double reinvestRate)
{
    checkRate(financeRate, "The finance rate");
    checkRate(reinvestRate, "The reinvestment rate");
    checkFlows(flows);
    std::vector<double> inflows(flows.size(), 0.0);
    std::vector<double> outflows(flows.size(), 0.0);
    for (std::size_t t = 0; t < flows.size(); ++t)
        (flows[t] > 0.0 ? inflows : outflows)[t] = flows[t];
    const bool hasIn = std::any_of(inflows.begin(), inflows.end(), [](double f) { return f > 0; });
    const bool hasOut =
        std::any_of(outflows.begin(), outflows.end(), [](double f) { return f < 0; });
    if (!hasIn || !hasOut)
        return std::nullopt;
    const double n = double(flows.size() - 1);
    // Logarithms: the ratio of the two present values may overflow for a long horizon.
    const double logGrowth = std::log(std::abs(npv(reinvestRate, inflows))) -
                             std::log(std::abs(npv(financeRate, outflows)));
    const double result = std::exp(logGrowth / n) * (1.0 + reinvestRate) - 1.0;
    return std::isfinite(result) ? std::optional<double>(result) : std::nullopt;
}

double xnpv(double annualRate, const std::vector<DatedFlow> &flows)
{
    checkRate(annualRate, "The annual discount rate");
    checkFlows(flows);
    if (flows.empty())
        return 0.0;
    const ScaledNpv scaled(datedTerms(flows));
    if (scaled.empty())
        return 0.0;
    const double x = 1.0 + annualRate;
    return scaled.unscaled(scaled.value(x), x);
}

IrrResult xirr(const std::vector<DatedFlow> &flows)
{
    checkFlows(flows);
    if (flows.empty())
        return noRoot("There are no cash flows, so there is no rate of return.");
    return solveIrr(ScaledNpv(datedTerms(flows)), "per year");
}

std::optional<double> paybackPeriod(const std::vector<double> &flows)
{
    checkFlows(flows);
    return payback(flows, 0.0);
}

std::optional<double> discountedPaybackPeriod(double rate, const std::vector<double> &flows)
{
    checkRate(rate, "The discount rate");
    checkFlows(flows);
    return payback(flows, std::log1p(rate));
}

std::optional<int> breakEvenPeriod(const std::vector<double> &flows)
{
    checkFlows(flows);
    if (flows.empty())
        return std::nullopt;
    const auto lastNegative =
        std::find_if(flows.rbegin(), flows.rend(), [](double flow) { return flow < 0.0; });
    const auto firstGood = static_cast<std::size_t>(flows.rend() - lastNegative);
    if (firstGood >= flows.size())
        return std::nullopt;
    return static_cast<int>(firstGood);
}

std::optional<double> roiPercent(const std::vector<double> &flows)
{
    checkFlows(flows);
    double in = 0.0;
    double out = 0.0;
    for (const double flow : flows)
        (flow > 0.0 ? in : out) += std::abs(flow);
    if (out == 0.0)
        return std::nullopt;
    return (in - out) / out * 100.0;
}

double straightLineDepreciation(double capex, double salvage, int lifePeriods)
{
    if (!std::isfinite(capex) || !std::isfinite(salvage))
        throw ConfigError("The capital expense and the salvage value must be finite amounts.");
    if (lifePeriods < 1)
        throw ConfigError("The useful life must be at least one period; " +
                          std::to_string(lifePeriods) + " was given.");
    if (salvage < 0.0 || salvage > capex)
        throw ConfigError("The salvage value must lie between 0 and the capital expense (" +
                          number(capex) + "); " + number(salvage) + " was given.");
    return (capex - salvage) / lifePeriods;
}

double totalCostOfOwnership(double capex, double opexPerPeriod, int periods)
{
    if (!std::isfinite(capex) || !std::isfinite(opexPerPeriod))
        throw ConfigError("The capital expense and the operating cost must be finite amounts.");
    if (periods < 0)
        throw ConfigError("The number of periods cannot be negative; " + std::to_string(periods) +
                          " was given.");
    return capex + opexPerPeriod * periods;
}

} // namespace mf::roi
