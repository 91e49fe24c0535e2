#include "core/roi/formulas.h"

#include "core/roi/scenario.h"

#include <algorithm>
#include <cmath>

namespace mf::roi {

namespace {

double confusionTotal(const PredictionValue &prediction)
{
    double total = 0.0;
    for (const auto &row : prediction.confusion)
        for (double count : row)
            total += count;
    return total;
}

} // namespace

double effectiveThroughput(double throughputPerSecond, double latencyMs)
{
    if (throughputPerSecond > 0.0)
        return throughputPerSecond;
    return latencyMs > 0.0 ? 1000.0 / latencyMs : 0.0;
}

double servingInstances(double requestsPerDay, double peakFactor, double throughputPerSecond,
                        double targetUtilisation, double redundancy)
{
    if (!(requestsPerDay > 0.0))
        return 0.0;
    const double capacity = throughputPerSecond * targetUtilisation;
    const double needed = requestsPerDay / 86400.0 * peakFactor / capacity;
    const double busy = std::max(1.0, std::ceil(needed * (1.0 - 1e-12)));
    return busy + redundancy;
}

double trainingDeviceHours(double hoursPerRun, double devices, double flopsPerRun,
                           double parameters, double tokens, double peakFlopsPerSecond,
                           double utilisation)
{
    if (hoursPerRun > 0.0)
        return hoursPerRun * devices;
    const double flops = flopsPerRun > 0.0 ? flopsPerRun : 6.0 * parameters * tokens;
    if (!(flops > 0.0))
        return 0.0;
    return flops / (peakFlopsPerSecond * utilisation) / 3600.0;
}

double valuePerPrediction(const PredictionValue &prediction)
{
    const double total = confusionTotal(prediction);
    if (!(total > 0.0) || prediction.benefit.size() != prediction.confusion.size())
        return 0.0;
    double value = 0.0;
    for (std::size_t i = 0; i < prediction.confusion.size(); ++i) {
        const auto &counts = prediction.confusion[i];
        const auto &benefits = prediction.benefit[i];
        for (std::size_t j = 0; j < counts.size() && j < benefits.size(); ++j)
            value += counts[j] / total * benefits[j];
    }
    return value;
}

double confusionAccuracy(const PredictionValue &prediction)
{
    const double total = confusionTotal(prediction);
    if (!(total > 0.0))
        return 0.0;
    double correct = 0.0;
    for (std::size_t i = 0; i < prediction.confusion.size(); ++i)
        if (i < prediction.confusion[i].size())
            correct += prediction.confusion[i][i];
    return correct / total;
}

} // namespace mf::roi
