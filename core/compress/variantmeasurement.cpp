#include "core/compress/variantmeasurement.h"

#include "core/data/dataset.h"
#include "core/data/datasetstats.h"
#include "core/kernels/processormodel.h"
#include "core/train/batchsource.h"
#include "core/train/modelevaluation.h"
#include "core/util/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>

namespace mf {

namespace {

double steadySeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double ratio(double numerator, double denominator)
{
    return denominator != 0.0 ? numerator / denominator : 0.0;
}

std::uint64_t fileBytes(const std::string &path)
{
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status))
        throw DataError(path, "", "the variant's file does not exist");
    if (!std::filesystem::is_regular_file(status))
        throw DataError(path, "", "the variant's file is not a regular file");
    const std::uintmax_t bytes = std::filesystem::file_size(path, error);
    if (error)
        throw DataError(path, "", "cannot read the file's size: " + error.message());
    return static_cast<std::uint64_t>(bytes);
}

void requireOptions(const MeasurementOptions &options)
{
    if (options.warmup < 0)
        throw ConfigError("The warm-up count of a measurement must not be negative");
    if (options.repetitionsBatch1 < 1 || options.repetitionsBatch64 < 1)
        throw ConfigError("A measurement needs at least one timed repetition per batch size");
    if (options.evalBatchSize < 1)
        throw ConfigError("The evaluation batch size of a measurement must be at least 1");
}

std::vector<std::int64_t> batchShape(std::int64_t batch, const std::vector<std::int64_t> &sample)
{
    std::vector<std::int64_t> shape{batch};
    shape.insert(shape.end(), sample.begin(), sample.end());
    return shape;
}

} // namespace

ParameterCount countParameters(const std::vector<at::Tensor> &tensors)
{
    torch::NoGradGuard noGrad;
    ParameterCount count;
    for (const torch::Tensor &tensor : tensors) {
        if (!tensor.defined())
            continue;
        torch::Tensor values = tensor.detach();
        if (values.is_quantized())
            values = values.dequantize();
        else if (values.is_sparse())
            values = values.to_dense();
        count.total += values.numel();
        count.nonZero += values.count_nonzero().item<std::int64_t>();
    }
    return count;
}

LatencyStats latencyStats(std::vector<double> millis)
{
    if (millis.empty())
        throw ConfigError("Latency statistics need at least one timed sample");
    std::sort(millis.begin(), millis.end());
    const std::size_t n = millis.size();
    LatencyStats stats;
    stats.repetitions = static_cast<int>(n);
    stats.medianMs = n % 2 == 1 ? millis[n / 2] : (millis[n / 2 - 1] + millis[n / 2]) / 2.0;
    // ceil(0.95 n) in integers: 0.95 * n in floating point can land just above an integer.
    const std::size_t rank = (95 * n + 99) / 100;
    stats.p95Ms = millis[rank - 1];
    return stats;
}

std::vector<LatencyStats> measureLatencies(const std::vector<ForwardFunction> &forwards,
                                           const at::Tensor &input, int warmup, int repetitions,
                                           const std::function<double()> &clock)
{
    if (warmup < 0 || repetitions < 1)
        throw ConfigError("A latency measurement needs a warm-up count of at least 0 and at least "
                          "one timed repetition");
    const std::function<double()> now = clock ? clock : std::function<double()>(steadySeconds);
    torch::NoGradGuard noGrad;
    for (int i = 0; i < warmup; ++i)
        for (const ForwardFunction &forward : forwards)
            forward(input);
    std::vector<std::vector<double>> millis(forwards.size());
    for (int i = 0; i < repetitions; ++i)
        for (std::size_t f = 0; f < forwards.size(); ++f) {
            // Run untimed first where others take turns, so that the timed call finds the caches
            // as this model leaves them (as it runs when deployed), not as the one before did.
            if (forwards.size() > 1)
                forwards[f](input);
            const double start = now();
            forwards[f](input);
            millis[f].push_back((now() - start) * 1000.0);
        }
    std::vector<LatencyStats> stats;
    for (std::vector<double> &samples : millis)
        stats.push_back(latencyStats(std::move(samples)));
    return stats;
}

LatencyStats measureLatency(const ForwardFunction &forward, const at::Tensor &input, int warmup,
                            int repetitions, const std::function<double()> &clock)
{
    return measureLatencies({forward}, input, warmup, repetitions, clock).front();
}

VariantDelta VariantMeasurement::deltaAgainst(const VariantMeasurement &source) const
{
    VariantDelta delta;
    delta.accuracyPoints = (accuracy - source.accuracy) * 100.0;
    if (classAccuracy.size() == source.classAccuracy.size())
        for (std::size_t k = 0; k < classAccuracy.size(); ++k)
            delta.classAccuracyPoints.push_back((classAccuracy[k] - source.classAccuracy[k]) *
                                                100.0);
    delta.sizeRatio = ratio(static_cast<double>(fileBytes), static_cast<double>(source.fileBytes));
    delta.speedupBatch1 = ratio(source.batch1.medianMs, batch1.medianMs);
    delta.speedupBatch64 = ratio(source.batch64.medianMs, batch64.medianMs);
    return delta;
}

VariantMeasurement measureVariant(const std::string &name, const ForwardFunction &forward,
                                  const std::vector<std::int64_t> &sampleShape,
                                  const Dataset &testSet, const ChannelStats &normalization,
                                  const std::string &filePath,
                                  const std::vector<at::Tensor> &parameters,
                                  const MeasurementOptions &options)
{
    requireOptions(options);
    if (!forward)
        throw ConfigError("The variant " + name + " has no forward function to measure");
    if (testSet.size() > 0 && testSet.sampleShape() != sampleShape)
        throw ConfigError("The test samples of " + testSet.source +
                          " do not have the input shape of the variant " + name);

    VariantMeasurement measurement;
    measurement.name = name;
    measurement.fileBytes = fileBytes(filePath);
    const ParameterCount count = countParameters(parameters);
    measurement.parameters = count.total;
    measurement.nonZeroParameters = count.nonZero;
    measurement.classNames = testSet.classNames;
    measurement.classAccuracy.assign(static_cast<std::size_t>(testSet.numClasses()), 0.0);
    measurement.processor = processorModel();

    if (testSet.size() > 0) {
        // evaluateModel() takes a module: a Functional carries the forward function in one.
        torch::nn::Sequential model(
            torch::nn::Functional([&forward](torch::Tensor input) { return forward(input); }));
        const BatchSource source(testSet, normalization, torch::kCPU);
        const EvalReport report = evaluateModel(model, source, "cross_entropy",
                                                options.evalBatchSize, testSet.numClasses());
        measurement.accuracy = report.accuracy;
        measurement.classAccuracy = report.recall;
        measurement.confusion = report.confusion;
        measurement.testSamples = report.samples;
    }

    if (options.latency)
        measureLatenciesInTurn({&measurement}, {forward}, sampleShape, testSet, options);
    return measurement;
}

void measureLatenciesInTurn(const std::vector<VariantMeasurement *> &measurements,
                            const std::vector<ForwardFunction> &forwards,
                            const std::vector<std::int64_t> &sampleShape, const Dataset &testSet,
                            const MeasurementOptions &options)
{
    requireOptions(options);
    if (measurements.size() != forwards.size())
        throw ConfigError("Latency in turns needs one forward function per variant");
    auto generator = at::detail::createCPUGenerator(options.timingSeed);
    torch::Tensor single = torch::randn(batchShape(1, sampleShape), generator);
    torch::Tensor large =
        torch::randn(batchShape(VariantMeasurement::kLargeBatch, sampleShape), generator);
    if (testSet.kind == DatasetKind::Text) {
        // Token ids: real documents, with their real lengths (a recurrent encoder's time
        // depends on them); without a test set, documents of <unk> filling every position.
        const torch::Tensor rows =
            testSet.size() > 0
                ? torch::arange(VariantMeasurement::kLargeBatch, torch::kLong) % testSet.size()
                : torch::Tensor();
        large = rows.defined()
                    ? testSet.inputs.index_select(0, rows)
                    : torch::ones(batchShape(VariantMeasurement::kLargeBatch, sampleShape),
                                  torch::kLong);
        single = large.narrow(0, 0, 1).clone();
    }
    const std::vector<LatencyStats> batch1 = measureLatencies(
        forwards, single, options.warmup, options.repetitionsBatch1, options.clock);
    const std::vector<LatencyStats> batch64 = measureLatencies(
        forwards, large, options.warmup, options.repetitionsBatch64, options.clock);
    for (std::size_t i = 0; i < measurements.size(); ++i) {
        VariantMeasurement &measurement = *measurements[i];
        measurement.warmup = options.warmup;
        measurement.threads = at::get_num_threads();
        measurement.batch1 = batch1[i];
        measurement.batch64 = batch64[i];
        measurement.throughput = ratio(static_cast<double>(VariantMeasurement::kLargeBatch),
                                       measurement.batch64.medianMs / 1000.0);
    }
}

} // namespace mf
