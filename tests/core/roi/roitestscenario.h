#pragma once

#include "core/roi/scenario.h"

namespace mf::roi::test {

/// A scenario with every cost and volume off, full adoption from the first month and no
/// discounting: each test switches on what it checks.
inline Scenario quietScenario(int months = 12)
{
    Scenario s;
    s.name = "quiet";
    s.setValue("general.horizonMonths", months);
    s.setValue("general.discountRateAnnual", 0.0);
    s.setValue("general.financeRateAnnual", 0.0);
    s.setValue("general.reinvestRateAnnual", 0.0);
    s.setValue("training.deviceHoursPerRun", 0.0);
    s.setValue("training.runsPerYear", 0.0);
    s.setValue("serving.requestsPerDay", 0.0);
    s.setValue("storage.gigabytes", 0.0);
    s.setValue("staff.people", 0.0);
    s.setValue("operations.perMonth", 0.0);
    s.setValue("adoption.initialShare", 1.0);
    return s;
}

/// An uncertain input: low <= value <= high.
inline Input rangedInput(double low, double value, double high,
                         Distribution distribution = Distribution::Triangular)
{
    Input input = certainInput(value);
    input.low = low;
    input.high = high;
    input.distribution = distribution;
    return input;
}

} // namespace mf::roi::test
