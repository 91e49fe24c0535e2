#pragma once

namespace mf::roi {

struct PredictionValue;

/// The unit formulas of the ROI model, shared by the projection and its key figures.

/// A month in the projection: 365.25 / 12 days, 730.5 hours.
constexpr double kDaysPerMonth = 365.25 / 12.0;
constexpr double kHoursPerMonth = kDaysPerMonth * 24.0;

/// Requests per second one instance sustains: the measured throughput, or 1000 / latency (one
/// request at a time) when the throughput is 0; 0 when both are.
double effectiveThroughput(double throughputPerSecond, double latencyMs);

/// Serving instances for a daily volume: ceil(peak requests/s / (throughput x utilisation)) +
/// redundancy, with peak requests/s = requestsPerDay / 86400 x peakFactor; 0 when there are no
/// requests. A peak a hair above a whole number of instances (relative 1e-12, rounding noise)
/// does not add one. A whole number, kept as a double so that no volume overflows it.
double servingInstances(double requestsPerDay, double peakFactor, double throughputPerSecond,
                        double targetUtilisation, double redundancy);

/// Device-hours of one training run: hoursPerRun x devices when hoursPerRun > 0; otherwise
/// FLOPs / (peak FLOP/s x utilisation) / 3600, with FLOPs = flopsPerRun, or 6 x parameters x
/// tokens when that is 0.
double trainingDeviceHours(double hoursPerRun, double devices, double flopsPerRun,
                           double parameters, double tokens, double peakFlopsPerSecond,
                           double utilisation);

/// sum_ij confusion_ij / total * benefit_ij; 0 when there is no matrix or no count.
double valuePerPrediction(const PredictionValue &prediction);

/// The share of the confusion matrix on its diagonal; 0 when it is empty.
double confusionAccuracy(const PredictionValue &prediction);

} // namespace mf::roi
