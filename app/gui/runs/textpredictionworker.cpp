#include "app/gui/runs/textpredictionworker.h"

#include "core/deploy/deployedmodel.h"
#include "core/deploy/modelbundle.h"

#include <QFile>

#include <algorithm>
#include <vector>

namespace mf {

namespace {

/// Models kept loaded: enough to go back and forth between a few runs.
constexpr std::size_t kCachedModels = 4;

} // namespace

struct TextPredictionWorker::Cache
{
    struct Entry
    {
        QString workspaceDir;
        qint64 runId = 0;
        QString modelKey;
        std::shared_ptr<const DeployedModel> model;
        quint64 lastUse = 0;
    };

    /// The model of the request's run, loaded when it is not cached under the request's key.
    std::shared_ptr<const DeployedModel> model(const TextPredictionRequest &request, bool *loaded)
    {
        ++uses;
        const auto found = std::find_if(entries.begin(), entries.end(), [&](const Entry &entry) {
            return entry.runId == request.runId && entry.workspaceDir == request.workspaceDir;
        });
        if (found != entries.end() && found->modelKey == request.modelKey) {
            found->lastUse = uses;
            *loaded = false;
            return found->model;
        }
        if (found != entries.end())
            entries.erase(found);
        SessionOptions options;
        options.workspaceDir = QFile::encodeName(request.workspaceDir).toStdString();
        auto model = std::make_shared<const DeployedModel>(
            DeployedModel::fromBytes(ModelBundle::exportRun(request.runId, options),
                                     "run " + std::to_string(request.runId)));
        if (entries.size() >= kCachedModels)
            entries.erase(std::min_element(
                entries.begin(), entries.end(),
                [](const Entry &a, const Entry &b) { return a.lastUse < b.lastUse; }));
        entries.push_back({request.workspaceDir, request.runId, request.modelKey, model, uses});
        *loaded = true;
        return model;
    }

    std::vector<Entry> entries;
    quint64 uses = 0;
};

TextPredictionWorker::TextPredictionWorker(QObject *parent)
    : QObject(parent), m_cache(std::make_unique<Cache>())
{
}

TextPredictionWorker::~TextPredictionWorker() = default;

void TextPredictionWorker::submit(TextPredictionRequest request)
{
    if (m_mailbox.put(std::move(request)))
        QMetaObject::invokeMethod(this, &TextPredictionWorker::predictPending,
                                  Qt::QueuedConnection);
}

void TextPredictionWorker::predictPending()
{
    while (std::optional<TextPredictionRequest> request = m_mailbox.take())
        Q_EMIT predicted(predict(*request));
}

TextPrediction TextPredictionWorker::predict(const TextPredictionRequest &request)
{
    TextPrediction prediction;
    prediction.generation = request.generation;
    prediction.runId = request.runId;
    prediction.text = request.text;
    try {
        const std::shared_ptr<const DeployedModel> model =
            m_cache->model(request, &prediction.modelLoaded);
        const torch::Tensor probabilities =
            model->textProbabilities({request.text.toStdString()})[0]
                .to(torch::kFloat64)
                .contiguous();
        for (const std::string &name : model->meta().classNames)
            prediction.classNames.append(QString::fromStdString(name));
        const double *values = probabilities.data_ptr<double>();
        prediction.probabilities = QVector<double>(values, values + probabilities.numel());
    } catch (const std::exception &error) {
        prediction.error = QString::fromUtf8(error.what());
    }
    return prediction;
}

} // namespace mf
