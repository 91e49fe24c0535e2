#include "app/gui/train/finetunesourceloader.h"

#include "core/store/runstore.h"
#include "core/store/workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace mf {

namespace {

bool hasCheckpoint(const RunStore &store, std::int64_t runId)
{
    const std::vector<Artifact> artifacts = store.artifacts(runId);
    return std::any_of(artifacts.begin(), artifacts.end(),
                       [](const Artifact &a) { return a.kind == "checkpoint"; });
}

FineTuneSource sourceOf(const RunRecord &run)
{
    FineTuneSource source;
    source.runId = run.id;
    source.name = QString::fromStdString(run.name);
    source.modelType = QString::fromStdString(run.model);
    source.dataset = QString::fromStdString(run.dataset);
    source.objective = QStringLiteral("classify");
    const nlohmann::json config = nlohmann::json::parse(run.configJson, nullptr, false);
    if (!config.is_object())
        return source;
    if (config.contains("objective") && config["objective"].is_string())
        source.objective = QString::fromStdString(config["objective"].get<std::string>());
    if (config.contains("model") && config["model"].is_object()) {
        const nlohmann::json &model = config["model"];
        source.modelJson = QByteArray::fromStdString(model.dump());
        if (model.contains("type") && model["type"].is_string())
            source.modelType = QString::fromStdString(model["type"].get<std::string>());
    }
    if (config.contains("text") && config["text"].is_object())
        source.textJson = QByteArray::fromStdString(config["text"].dump());
    if (config.contains("dataset") && config["dataset"].is_string())
        source.dataset = QString::fromStdString(config["dataset"].get<std::string>());
    return source;
}

/// The list, read on the calling thread; empty when the workspace has no store yet. Throws
/// std::exception on a store that cannot be read.
FineTuneSources readSources(const QString &workspaceDir)
{
    FineTuneSources sources;
    const std::string database =
        Workspace{QFile::encodeName(workspaceDir).toStdString()}.databasePath();
    if (workspaceDir.isEmpty() || !QFileInfo::exists(QFile::decodeName(database.c_str())))
        return sources;
    const RunStore store(database, StoreAccess::ReadOnly);
    for (const RunRecord &run : store.listRuns())
        if (run.status == RunStatus::Finished && hasCheckpoint(store, run.id))
            sources.append(sourceOf(run));
    return sources;
}

} // namespace

FineTuneSourceLoader::FineTuneSourceLoader(QObject *parent) : QObject(parent) {}

FineTuneSourceLoader::~FineTuneSourceLoader() = default;

void FineTuneSourceLoader::load(const QString &workspaceDir)
{
    const quint64 request = ++m_latest;
    const QPointer<FineTuneSourceLoader> loader(this);
    QThreadPool::globalInstance()->start([loader, request, workspaceDir] {
        FineTuneSources sources;
        try {
            sources = readSources(workspaceDir);
        } catch (const std::exception &) {
            return;
        }
        QMetaObject::invokeMethod(
            qApp,
            [loader, request, sources] {
                if (loader && request == loader->m_latest)
                    Q_EMIT loader->loaded(sources);
            },
            Qt::QueuedConnection);
    });
}

} // namespace mf
