#include "app/gui/runs/evaluationworker.h"

#include "app/gui/runs/evaluationcache.h"
#include "core/data/datasetloader.h"
#include "core/data/datasetsplit.h"
#include "core/store/runstore.h"
#include "core/store/storeaccess.h"
#include "core/store/workspace.h"
#include "core/train/textrundata.h"
#include "core/train/trainconfig.h"
#include "core/train/trainingsession.h"
#include "core/util/error.h"

#include <QFile>
#include <QStringList>

#include <filesystem>
#include <optional>

namespace mf {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

std::string toStd(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

/// Sample `index` of an image dataset as a QImage (grey for one channel, RGB for three; other
/// channel counts show their first channel).
QImage sampleImage(const Dataset &dataset, std::int64_t index)
{
    const torch::Tensor sample = dataset.inputs[index].to(torch::kUInt8).contiguous();
    if (sample.dim() != 3)
        return QImage();
    const int channels = int(sample.size(0));
    const int height = int(sample.size(1));
    const int width = int(sample.size(2));
    const std::uint8_t *data = sample.data_ptr<std::uint8_t>();
    const std::size_t plane = std::size_t(height) * std::size_t(width);
    if (channels == 3) {
        QImage image(width, height, QImage::Format_RGB888);
        for (int y = 0; y < height; ++y) {
            uchar *line = image.scanLine(y);
            for (int x = 0; x < width; ++x)
                for (int c = 0; c < 3; ++c)
                    line[3 * x + c] = data[std::size_t(c) * plane + std::size_t(y) * width + x];
        }
        return image;
    }
    QImage image(width, height, QImage::Format_Grayscale8);
    for (int y = 0; y < height; ++y)
        std::copy_n(data + std::size_t(y) * width, width, image.scanLine(y));
    return image;
}

RunEvaluation toRunEvaluation(const EvalReport &report)
{
    RunEvaluation result;
    result.loss = report.loss;
    result.accuracy = report.accuracy;
    result.samples = report.samples;
    result.tokenObjective = fromStd(report.tokenObjective);
    for (const std::string &name : report.classNames)
        result.classNames.append(fromStd(name));
    for (const auto &row : report.confusion)
        result.confusion.append(QVector<qint64>(row.begin(), row.end()));
    result.precision = QVector<double>(report.precision.begin(), report.precision.end());
    result.recall = QVector<double>(report.recall.begin(), report.recall.end());
    result.f1 = QVector<double>(report.f1.begin(), report.f1.end());
    // Class names may be missing (a dataset without names): number the classes.
    for (qsizetype k = result.classNames.size(); k < result.confusion.size(); ++k)
        result.classNames.append(QString::number(k));
    return result;
}

struct Failure
{
    EvaluationProblem problem;
    QString message;
};

} // namespace

EvaluationWorker::EvaluationWorker(std::shared_ptr<std::atomic<quint64>> latestRequest,
                                   QObject *parent)
    : QObject(parent), m_latestRequest(std::move(latestRequest))
{
}

EvaluationWorker::~EvaluationWorker() = default;

namespace {

/// The part of a run's dataset an evaluation reads, loaded as the run was trained on it.
struct EvaluatedData
{
    Dataset train;
    Dataset evaluated;
    bool testSplit = false;
    std::optional<Vocabulary> vocabulary; ///< text runs: the run's own vocabulary
};

EvaluatedData loadEvaluatedData(const Workspace &workspace, qint64 runId, const TrainConfig &config)
{
    EvaluatedData data;
    if (isTextRun(config)) {
        const std::string path = workspace.databasePath();
        const RunStore store(path, accessToRead(path));
        data.vocabulary = readRunVocabulary(store, runId);
        TextRunData text = loadTextRunData(config, &*data.vocabulary);
        data.testSplit = text.test.has_value();
        data.evaluated = data.testSplit ? *text.test : text.validation;
        data.train = std::move(text.train);
        return data;
    }
    const DatasetBundle bundle = loadDataset(config.dataset);
    data.testSplit = bundle.test.has_value();
    data.evaluated =
        data.testSplit
            ? *bundle.test
            : splitDataset(bundle.train, config.validationFraction, config.seed).validation;
    data.train = bundle.train;
    return data;
}

/// A document as the model read it: its tokens (unknown words as <unk>, cut at the run's
/// sequence length), separated by spaces.
QString documentText(const Dataset &dataset, qint64 index, const Vocabulary &vocabulary)
{
    const torch::Tensor ids = dataset.inputs[index].contiguous();
    const auto *id = ids.data_ptr<std::int64_t>();
    QStringList tokens;
    for (std::int64_t i = 0; i < ids.numel() && id[i] != Vocabulary::kPadId; ++i)
        tokens.append(QString::fromStdString(vocabulary.token(id[i])));
    return tokens.join(QLatin1Char(' '));
}

} // namespace

void EvaluationWorker::evaluate(quint64 requestId, qint64 runId, const QString &workspaceDir)
{
    if (m_latestRequest->load() != requestId)
        return;
    try {
        SessionOptions options;
        options.workspaceDir = toStd(workspaceDir);
        const Workspace workspace{options.workspaceDir};
        TrainConfig config;
        {
            const std::string path = workspace.databasePath();
            const RunStore store(path, accessToRead(path));
            const std::optional<RunRecord> record = store.run(runId);
            if (!record)
                throw Failure{EvaluationProblem::Failed,
                              tr("Run #%1 no longer exists.").arg(runId)};
            config = nlohmann::json::parse(record->configJson).get<TrainConfig>();
        }
        Artifact checkpoint;
        try {
            checkpoint = TrainingSession::evaluationCheckpoint(runId, options);
        } catch (const ConfigError &error) {
            throw Failure{EvaluationProblem::NoCheckpoint, fromStd(error.what())};
        }
        std::error_code missing;
        if (config.dataset.empty() || !std::filesystem::exists(config.dataset, missing))
            throw Failure{EvaluationProblem::DatasetMissing, fromStd(config.dataset)};

        // Loaded once, for the evaluation and for the mistakes' images or texts.
        const EvaluatedData data = loadEvaluatedData(workspace, runId, config);
        const bool testSplit = data.testSplit;
        const Dataset &evaluated = data.evaluated;

        const std::string cachePath =
            workspace.runDir(runId) + "/" + EvaluationCache::fileName(testSplit);
        std::optional<EvalReport> report = EvaluationCache::read(cachePath, checkpoint.sha256);
        const bool fromCache = report.has_value();
        QString cacheProblem;
        if (!report) {
            report = TrainingSession::evaluateCheckpoint(config, checkpoint, data.train, evaluated);
            try {
                EvaluationCache::write(cachePath, *report, checkpoint, config.dataset);
            } catch (const std::exception &error) {
                cacheProblem = fromStd(error.what());
            }
        }

        RunEvaluation result = toRunEvaluation(*report);
        result.runId = runId;
        result.split = testSplit ? RunEvaluation::Split::Test : RunEvaluation::Split::Validation;
        result.datasetPath = fromStd(config.dataset);
        result.checkpointPath = fromStd(checkpoint.path);
        result.checkpointEpoch = checkpoint.epoch;
        result.fromCache = fromCache;
        result.cacheProblem = cacheProblem;
        result.imagesAvailable = evaluated.kind == DatasetKind::Image;
        const qsizetype classes = result.classNames.size();
        for (const Misclassification &mistake : report->mistakes) {
            // A cache made before the dataset changed may point past its end.
            if (mistake.index < 0 || mistake.index >= evaluated.size() || mistake.trueLabel < 0 ||
                mistake.trueLabel >= classes || mistake.predicted < 0 ||
                mistake.predicted >= classes)
                continue;
            EvaluatedMistake entry;
            entry.index = mistake.index;
            entry.trueLabel = int(mistake.trueLabel);
            entry.predicted = int(mistake.predicted);
            entry.confidence = mistake.confidence;
            if (result.imagesAvailable)
                entry.image = sampleImage(evaluated, mistake.index);
            else if (data.vocabulary)
                entry.text = documentText(evaluated, mistake.index, *data.vocabulary);
            result.mistakes.append(entry);
        }
        Q_EMIT finished(requestId, result);
    } catch (const Failure &failure) {
        Q_EMIT failed(requestId, runId, int(failure.problem), failure.message);
    } catch (const std::exception &error) {
        Q_EMIT failed(requestId, runId, int(EvaluationProblem::Failed), fromStd(error.what()));
    }
}

} // namespace mf
