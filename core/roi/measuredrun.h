#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mf::roi {

/// What a run was measured to cost and do on this machine: the figures "Fill from run" and
/// `modelforge-cli roi --from-run/--variant` put into a scenario. Filled by
/// measureRun() (core/deploy/runmeasurement.h); plain data, so the ROI engine stays torch-free.
struct MeasuredRun
{
    std::int64_t runId = 0;
    std::string name;
    std::string precision;  ///< "fp32", "fp32 sparse", "int8"
    std::string technique;  ///< compression technique of a variant, empty for a trained run
    std::string machine;    ///< processor model, e.g. "AMD EPYC"
    std::string measuredOn; ///< ISO date of the measurement, YYYY-MM-DD
    int threads = 0;        ///< CPU threads the latency was measured with

    /// Training: the run's recorded wall time (nullopt for a variant made without training,
    /// e.g. int8), on `trainingDevice` with `trainingThreads`.
    std::optional<double> trainingSeconds;
    std::string trainingDevice;
    int trainingThreads = 0;

    std::int64_t parameters = 0;
    std::uint64_t modelFileBytes = 0; ///< the run's model file (.mfmodel) size

    double latencyBatch1Ms = 0.0;     ///< median forward latency of one sample
    double throughputPerSecond = 0.0; ///< samples per second at batch 64 (median)

    /// The test set's confusion matrix, [true][predicted] counts, and its classes.
    std::vector<std::string> classNames;
    std::vector<std::vector<double>> confusion;
    double accuracy = 0.0;
    std::string evaluatedOn; ///< "test part of /path/to/dataset (10000 items)"
};

} // namespace mf::roi
