#include "widgets/refreshpacer.h"

#include <algorithm>
#include <cmath>

namespace mf {

namespace {

constexpr double kMinBudget = 1e-4;
// Weight of the newest cost in the average: about the last five refreshes count.
constexpr double kNewestWeight = 0.2;

} // namespace

RefreshPacer::RefreshPacer(double budget, int minIntervalMs, int maxIntervalMs)
    : m_budget(kDefaultBudget), m_minIntervalMs(std::max(0, minIntervalMs)),
      m_maxIntervalMs(std::max(m_minIntervalMs, maxIntervalMs))
{
    setBudget(budget);
}

void RefreshPacer::setBudget(double budget)
{
    m_budget = std::isfinite(budget) ? std::clamp(budget, kMinBudget, 1.0) : kDefaultBudget;
}

void RefreshPacer::addCost(double milliseconds)
{
    if (!std::isfinite(milliseconds) || milliseconds < 0.0)
        return;
    m_averageMs =
        m_haveCost ? m_averageMs + kNewestWeight * (milliseconds - m_averageMs) : milliseconds;
    m_haveCost = true;
}

int RefreshPacer::intervalMs() const
{
    const double wanted = std::ceil(m_averageMs / m_budget);
    return int(std::clamp(wanted, double(m_minIntervalMs), double(m_maxIntervalMs)));
}

} // namespace mf
