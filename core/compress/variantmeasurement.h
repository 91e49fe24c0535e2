#pragma once
// Declares tensors only (ATen_fwd.h), so that a GUI that shows a report need not parse torch.

#include <ATen/core/ATen_fwd.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mf {

struct ChannelStats;
struct Dataset;

/// Inference of one model variant: float model input [B, ...] in, logits [B, classes] out.
using ForwardFunction = std::function<at::Tensor(const at::Tensor &)>;

struct ParameterCount
{
    std::int64_t total = 0;
    std::int64_t nonZero = 0;
};

/// Elements of `tensors`, and those that are not zero. Quantised tensors count by their
/// dequantised values (an element equal to its zero point is zero); undefined tensors are skipped.
ParameterCount countParameters(const std::vector<at::Tensor> &tensors);

/// Latency of one batch size, in milliseconds.
struct LatencyStats
{
    double medianMs = 0.0; ///< middle sample; the mean of the two middle ones for an even count
    double p95Ms = 0.0;    ///< nearest rank: the ceil(0.95 n)-th smallest sample
    int repetitions = 0;   ///< timed samples
};

/// Median and p95 (definitions above) of `millis`; throws mf::ConfigError when it is empty.
LatencyStats latencyStats(std::vector<double> millis);

/// How a variant is measured.
struct MeasurementOptions
{
    int warmup = 5; ///< untimed calls before each batch size's timed ones
    int repetitionsBatch1 = 100;
    int repetitionsBatch64 = 30;
    std::int64_t evalBatchSize = 256;
    std::uint64_t timingSeed = 20240601; ///< of the random normal timing inputs
    /// Seconds from any fixed origin; empty: std::chrono::steady_clock. For tests.
    std::function<double()> clock;
    /// false: measureVariant() leaves the latency fields (batch1, batch64, throughput, warmup,
    /// threads) for measureLatenciesInTurn() to fill.
    bool latency = true;
};

/// How a variant compares with its source. Ratios are 0 where the denominator is 0.
struct VariantDelta
{
    double accuracyPoints = 0.0; ///< (variant - source) accuracy, in percent points
    /// The same per class; empty when the two have a different number of classes.
    std::vector<double> classAccuracyPoints;
    double sizeRatio = 0.0;     ///< variant file bytes / source file bytes
    double speedupBatch1 = 0.0; ///< source median latency / variant median latency
    double speedupBatch64 = 0.0;
};

/// One model variant measured on this machine.
struct VariantMeasurement
{
    static constexpr std::int64_t kLargeBatch = 64;

    std::string name;
    std::int64_t parameters = 0;
    std::int64_t nonZeroParameters = 0;
    std::uint64_t fileBytes = 0;
    LatencyStats batch1;
    LatencyStats batch64;
    int warmup = 0;
    int threads = 0;                   ///< at::get_num_threads() while timing
    double throughput = 0.0;           ///< samples per second at batch 64: 64 / median seconds
    double accuracy = 0.0;             ///< on the test set, in [0, 1]
    std::vector<double> classAccuracy; ///< recall per class; 0 for a class without test samples
    std::vector<std::string> classNames;
    std::vector<std::vector<std::int64_t>> confusion; ///< [true][predicted] test samples
    std::int64_t testSamples = 0;
    std::string processor; ///< processorModel()

    VariantDelta deltaAgainst(const VariantMeasurement &source) const;
};

/// Calls `forward` `warmup` times untimed, then `repetitions` times timed, on `input`, without
/// gradients. `clock` as in MeasurementOptions. Throws mf::ConfigError for repetitions < 1 or
/// a negative warmup.
LatencyStats measureLatency(const ForwardFunction &forward, const at::Tensor &input, int warmup,
                            int repetitions, const std::function<double()> &clock = {});

/// measureLatency() of several forward functions on the same input, in turns: the warm-up
/// calls and then each timed round go through `forwards` in order, so that a slow moment of the
/// machine (another tenant, a frequency change) falls on all of them rather than on one, and
/// their ratios hold. With more than one, each timed call follows an untimed one of the same
/// forward, so that it finds the caches warm from itself, not from the model before it. The
/// statistics are in the order of `forwards`.
std::vector<LatencyStats> measureLatencies(const std::vector<ForwardFunction> &forwards,
                                           const at::Tensor &input, int warmup, int repetitions,
                                           const std::function<double()> &clock = {});

/// Measures a variant on this machine, on the CPU: the size of `filePath`, the parameters in
/// `parameters`, latency at batch 1 and 64 on seeded random normal inputs of `sampleShape`
/// ({C, H, W} or {F}), and accuracy on `testSet`, normalised by `normalization` as the model
/// was trained (the BatchSource conversion). `forward` must already be in eval mode; it runs
/// without gradients and the thread count is left as the caller set it. Throws mf::DataError
/// naming `filePath` when it is missing and mf::ConfigError when `sampleShape` does not fit
/// `testSet` or the options are out of range.
VariantMeasurement measureVariant(const std::string &name, const ForwardFunction &forward,
                                  const std::vector<std::int64_t> &sampleShape,
                                  const Dataset &testSet, const ChannelStats &normalization,
                                  const std::string &filePath,
                                  const std::vector<at::Tensor> &parameters,
                                  const MeasurementOptions &options = {});

/// Fills in the latency fields of `measurements` (variants of one model, measured with
/// options.latency false), timing their `forwards` (one each, in the same order) in turns
/// (measureLatencies()) on the inputs measureVariant() would time each on. Throws
/// mf::ConfigError when the counts differ or the options are out of range.
void measureLatenciesInTurn(const std::vector<VariantMeasurement *> &measurements,
                            const std::vector<ForwardFunction> &forwards,
                            const std::vector<std::int64_t> &sampleShape, const Dataset &testSet,
                            const MeasurementOptions &options = {});

} // namespace mf
