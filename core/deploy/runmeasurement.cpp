#include "core/deploy/runmeasurement.h"

#include "core/compress/variantmeasurement.h"
#include "core/data/datasetloader.h"
#include "core/data/datasetsplit.h"
#include "core/deploy/deployedmodel.h"
#include "core/deploy/modelbundle.h"
#include "core/deploy/textevaluation.h"
#include "core/kernels/processormodel.h"
#include "core/store/runstore.h"
#include "core/store/storeaccess.h"
#include "core/store/workspace.h"
#include "core/text/textdataset.h"
#include "core/train/runmodel.h"
#include "core/train/trainconfig.h"
#include "core/util/error.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <thread>

namespace mf {

namespace {

constexpr int kWarmup = 3;
constexpr int kRepetitions = 15;

std::string todayIso()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

torch::Tensor randomInputs(const ModelBundleMeta &meta, std::int64_t batch)
{
    std::vector<std::int64_t> shape{batch};
    shape.insert(shape.end(), meta.sampleShape.begin(), meta.sampleShape.end());
    torch::Generator generator = at::detail::createCPUGenerator(7);
    if (meta.textInputs) {
        // Documents filling every position with ordinary tokens: a text model's slowest case.
        const TrainConfig config = nlohmann::json::parse(meta.configJson).get<TrainConfig>();
        const std::int64_t ordinary = std::max<std::int64_t>(specVocabularySize(config) - 1, 3);
        return torch::randint(2, ordinary, shape, generator, torch::kLong);
    }
    if (meta.tableInputs)
        return torch::randn(shape, generator);
    return torch::randint(0, 256, shape, generator, torch::kUInt8);
}

void evaluate(const DeployedModel &model, const TrainConfig &config, roi::MeasuredRun &measured)
{
    try {
        if (model.meta().textInputs) {
            const TextDatasetBundle texts = loadTextDataset(config.dataset);
            const bool test = texts.test.has_value();
            const EvalReport report =
                evaluateTextSplit(model, config, texts, config.dataset,
                                  test ? EvalSplit::Test : EvalSplit::Validation);
            for (const auto &row : report.confusion)
                measured.confusion.emplace_back(row.begin(), row.end());
            measured.classNames = model.meta().classNames;
            measured.accuracy = report.accuracy;
            measured.evaluatedOn = std::string(test ? "test part" : "validation split") + " of " +
                                   config.dataset + " (" + std::to_string(report.samples) +
                                   " documents)";
            return;
        }
        DatasetBundle bundle = loadDataset(config.dataset);
        const bool test = bundle.test.has_value();
        const Dataset evaluated =
            test ? *bundle.test
                 : splitDataset(bundle.train, config.validationFraction, config.seed).validation;
        const EvalReport report = model.evaluate(evaluated);
        for (const auto &row : report.confusion)
            measured.confusion.emplace_back(row.begin(), row.end());
        measured.classNames = model.meta().classNames;
        measured.accuracy = report.accuracy;
        measured.evaluatedOn = std::string(test ? "test part" : "validation split") + " of " +
                               config.dataset + " (" + std::to_string(report.samples) + " items)";
    } catch (const Error &error) {
        measured.evaluatedOn = std::string("not evaluated: ") + error.what();
    }
}

} // namespace

roi::MeasuredRun measureRun(std::int64_t runId, const SessionOptions &options)
{
    const Workspace workspace{options.workspaceDir.empty() ? defaultWorkspaceDir()
                                                           : options.workspaceDir};
    const std::string storePath = workspace.databasePath();
    RunRecord record;
    std::map<std::string, std::string> params;
    {
        const RunStore store(storePath, accessToRead(storePath));
        const std::optional<RunRecord> found = store.run(runId);
        if (!found)
            throw ConfigError("There is no run " + std::to_string(runId));
        record = *found;
        params = store.params(runId);
    }
    const std::string bytes = ModelBundle::exportRun(runId, options);
    const DeployedModel model = DeployedModel::fromBytes(bytes, "run " + std::to_string(runId));
    const ModelBundleMeta &meta = model.meta();
    const TrainConfig config = nlohmann::json::parse(record.configJson).get<TrainConfig>();

    roi::MeasuredRun measured;
    measured.runId = runId;
    measured.name = record.name;
    measured.precision = meta.precision;
    if (const auto technique = params.find(kCompressionParam); technique != params.end())
        measured.technique = technique->second;
    measured.machine = processorModel();
    measured.measuredOn = todayIso();
    measured.parameters = meta.parameters;
    measured.modelFileBytes = bytes.size();

    // An int8 variant is converted, not trained: it has no training time of its own.
    if (measured.precision != "int8") {
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        measured.trainingSeconds = double(record.durationMs(now)) / 1000.0;
        measured.trainingDevice = record.device;
        measured.trainingThreads = config.threads > 0
                                       ? config.threads
                                       : int(std::max(1u, std::thread::hardware_concurrency()));
    }

    const ForwardFunction forward = [&model](const at::Tensor &raw) {
        return model.probabilities(raw);
    };
    measured.threads = at::get_num_threads();
    measured.latencyBatch1Ms =
        measureLatency(forward, randomInputs(meta, 1), kWarmup, kRepetitions).medianMs;
    const double batchMs =
        measureLatency(forward, randomInputs(meta, VariantMeasurement::kLargeBatch), kWarmup,
                       kRepetitions)
            .medianMs;
    measured.throughputPerSecond =
        batchMs > 0 ? double(VariantMeasurement::kLargeBatch) * 1000.0 / batchMs : 0.0;

    evaluate(model, config, measured);
    return measured;
}

} // namespace mf
