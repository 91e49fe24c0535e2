#include "app/gui/compress/compressworker.h"

#include "core/compress/compressionjob.h"
#include "core/compress/reportbuilder.h"
#include "core/compress/studentsuggestion.h"
#include "core/data/datasetloader.h"
#include "core/models/modelfactory.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/text/textdataset.h"
#include "core/train/textrundata.h"
#include "core/train/trainconfig.h"
#include "core/util/error.h"

namespace mf {

namespace {

CompressionRequest requestOf(const CompressSettings &settings)
{
    CompressionRequest request;
    request.sourceRun = settings.sourceRun;
    if (settings.quantize != CompressSettings::Quantize::None)
        request.quantize = settings.quantize == CompressSettings::Quantize::Static
                               ? QuantMode::Static
                               : QuantMode::Dynamic;
    request.calibrationBatches = settings.calibrationBatches;
    request.observer = settings.histogramObserver ? ObserverKind::Histogram : ObserverKind::MinMax;
    request.accuracyBudget = settings.accuracyBudget;
    if (settings.pruneChannels >= 0.0)
        request.pruneChannels = settings.pruneChannels;
    request.channelNorm = settings.channelL2 ? ChannelNorm::L2 : ChannelNorm::L1;
    if (settings.pruneSparsity >= 0.0)
        request.pruneSparsity = settings.pruneSparsity;
    if (!settings.distillStudent.isEmpty()) {
        const nlohmann::json student =
            nlohmann::json::parse(settings.distillStudent.toStdString(), nullptr, false);
        if (student.is_discarded() || !student.is_object())
            throw ConfigError("The student spec is not a JSON model spec (an object with "
                              "\"type\")");
        request.distillStudent = student;
    }
    request.temperature = settings.temperature;
    request.alpha = settings.alpha;
    request.distillControl = settings.distillControl;
    request.epochs = settings.epochs;
    return request;
}

} // namespace

CompressWorker::CompressWorker(QString workspaceDir) : m_workspaceDir(std::move(workspaceDir)) {}

CompressWorker::~CompressWorker() = default;

void CompressWorker::requestStop()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_job)
        m_job->requestStop();
    else if (m_expected)
        m_stopRequested = true;
}

void CompressWorker::expectJob()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_expected = true;
    m_stopRequested = false;
}

void CompressWorker::setJob(CompressionJob *job)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_job = job;
    m_expected = false;
    if (job && m_stopRequested)
        job->requestStop();
    if (!job)
        m_stopRequested = false;
}

void CompressWorker::run(const CompressSettings &settings)
{
    m_training.clear();
    if (settings.pruneChannels >= 0.0)
        m_training.append(tr("prune channels"));
    if (settings.pruneSparsity >= 0.0)
        m_training.append(tr("prune weights"));
    if (!settings.distillStudent.isEmpty())
        m_training.append(tr("distil"));
    m_variantCount =
        int(m_training.size()) + (settings.quantize != CompressSettings::Quantize::None ? 1 : 0);
    m_trainingIndex = -1;
    m_steps.reset();
    try {
        SessionOptions options;
        options.workspaceDir = m_workspaceDir.toStdString();
        CompressionJob job(requestOf(settings), options);
        job.addObserver(this);
        setJob(&job);
        CompressionResult result;
        try {
            result = job.run();
        } catch (...) {
            setJob(nullptr);
            throw;
        }
        setJob(nullptr);
        m_steps.flush();
        Q_EMIT measuring();
        auto report =
            std::make_shared<const CompressionReport>(buildReport(result, settings.sourceRun));
        QVector<qint64> runs;
        bool stopped = false;
        for (const CompressionVariant &variant : result.variants) {
            runs.append(variant.runId);
            stopped = stopped || variant.file.empty();
        }
        Q_EMIT finished(report, runs, stopped);
    } catch (const std::exception &e) {
        m_steps.flush();
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}

void CompressWorker::suggestStudent(qint64 runId)
{
    try {
        const RunStore store(Workspace{m_workspaceDir.toStdString()}.databasePath());
        const std::optional<RunRecord> record = store.run(runId);
        if (!record)
            throw ConfigError("There is no run " + std::to_string(runId));
        const TrainConfig config = nlohmann::json::parse(record->configJson).get<TrainConfig>();
        std::vector<std::int64_t> shape;
        std::int64_t classes = 0;
        if (isTextRun(config)) {
            // Token ids of the run's sequence length; the classes without encoding the text.
            shape = {config.text.sequenceLength};
            classes =
                static_cast<std::int64_t>(loadTextDataset(config.dataset).train.classNames.size());
        } else {
            const DatasetBundle data = loadDataset(config.dataset);
            shape = data.train.sampleShape();
            classes = data.train.numClasses();
        }
        const std::int64_t teacher = parameterCount(*buildModel(config.model, shape, classes, 0));
        const nlohmann::json best = mf::suggestStudent(config.model, shape, classes);
        const std::int64_t bestCount = parameterCount(*buildModel(best, shape, classes, 0));
        Q_EMIT studentSuggested(runId, QByteArray::fromStdString(best.dump()), teacher, bestCount);
    } catch (const std::exception &e) {
        Q_EMIT suggestionFailed(runId, QString::fromUtf8(e.what()));
    }
}

void CompressWorker::onStep(const StepMetrics &step)
{
    if (step.step == 1) {
        m_steps.flush();
        ++m_trainingIndex;
        Q_EMIT variantStarted(m_trainingIndex, m_variantCount,
                              m_training.value(m_trainingIndex, tr("fine-tuning")));
    }
    m_steps.add(step);
}

void CompressWorker::onEpoch(const EpochMetrics &epoch)
{
    m_steps.flush();
    Q_EMIT epochEnded(epoch);
}

} // namespace mf
