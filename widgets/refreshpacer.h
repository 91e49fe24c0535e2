#pragma once

namespace mf {

/// Paces a view's data-driven refreshes so that they take at most a set share of one core.
/// Each refresh reports what it cost (re-thinning, layout and repaint); the next refresh waits
/// cost / budget, kept between a floor and a ceiling. A chart that costs 2 ms to redraw under
/// a 1 % budget refreshes every 200 ms; one that costs 0.3 ms refreshes at the floor.
/// On a small machine that trains on every core, this is what keeps live charts from taking
/// the trainer's time; on a fast one the charts run at the floor rate.
class RefreshPacer
{
public:
    static constexpr int kDefaultMinIntervalMs = 40; // 25 refreshes per second at most
    static constexpr int kDefaultMaxIntervalMs = 1000;
    static constexpr double kDefaultBudget = 0.01;

    RefreshPacer(double budget = kDefaultBudget, int minIntervalMs = kDefaultMinIntervalMs,
                 int maxIntervalMs = kDefaultMaxIntervalMs);

    /// The share of one core the refreshes may take, clamped to (0, 1].
    void setBudget(double budget);
    double budget() const { return m_budget; }

    /// Records the cost of one refresh in milliseconds. The average weighs recent refreshes
    /// most, so a series that grows (and costs more) is followed within a few refreshes.
    void addCost(double milliseconds);
    /// The smoothed cost of one refresh; 0 until one has been recorded.
    double averageCostMs() const { return m_averageMs; }
    /// How long to wait after data changes before the next refresh.
    int intervalMs() const;

private:
    double m_budget;
    int m_minIntervalMs;
    int m_maxIntervalMs;
    double m_averageMs = 0.0;
    bool m_haveCost = false;
};

} // namespace mf
