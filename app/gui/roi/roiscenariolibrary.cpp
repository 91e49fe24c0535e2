#include "app/gui/roi/roiscenariolibrary.h"

#include "core/roi/scenariojson.h"

#include <QFile>
#include <QFileInfo>

namespace mf {

namespace {

QString errorText(const std::exception &error)
{
    return QString::fromUtf8(error.what());
}

} // namespace

RoiScenarioLibrary::RoiScenarioLibrary() = default;

RoiScenarioLibrary::~RoiScenarioLibrary() = default;

void RoiScenarioLibrary::setDatabasePath(const QString &path)
{
    if (path == m_path)
        return;
    m_store.reset();
    m_path = path;
}

ScenarioStore *RoiScenarioLibrary::store(bool create, QString *error)
{
    if (m_store)
        return m_store.get();
    if (m_path.isEmpty()) {
        if (error)
            *error = tr("No workspace is open.");
        return nullptr;
    }
    if (!create && !QFileInfo::exists(m_path))
        return nullptr;
    try {
        m_store = std::make_unique<ScenarioStore>(QFile::encodeName(m_path).toStdString());
    } catch (const std::exception &e) {
        if (error)
            *error = errorText(e);
    }
    return m_store.get();
}

std::vector<ScenarioSummary> RoiScenarioLibrary::list(QString *error)
{
    QString problem;
    ScenarioStore *scenarios = store(false, &problem);
    if (!scenarios) {
        if (error)
            *error = problem;
        return {};
    }
    try {
        return scenarios->list();
    } catch (const std::exception &e) {
        if (error)
            *error = errorText(e);
    }
    return {};
}

std::optional<roi::Scenario> RoiScenarioLibrary::load(qint64 id, QString *error)
{
    ScenarioStore *scenarios = store(false, error);
    if (!scenarios)
        return std::nullopt;
    try {
        const std::string name = scenarios->name(id);
        roi::Scenario scenario =
            roi::scenarioFromJsonText(scenarios->load(id), "ROI scenario \"" + name + "\"");
        scenario.name = name;
        return scenario;
    } catch (const std::exception &e) {
        if (error)
            *error = errorText(e);
    }
    return std::nullopt;
}

qint64 RoiScenarioLibrary::create(const roi::Scenario &scenario, QString *error)
{
    ScenarioStore *scenarios = store(true, error);
    if (!scenarios)
        return 0;
    try {
        return scenarios->create(scenario.name, roi::scenarioToJsonText(scenario));
    } catch (const std::exception &e) {
        if (error)
            *error = errorText(e);
    }
    return 0;
}

bool RoiScenarioLibrary::save(qint64 id, const roi::Scenario &scenario, QString *error)
{
    ScenarioStore *scenarios = store(true, error);
    if (!scenarios)
        return false;
    try {
        scenarios->save(id, roi::scenarioToJsonText(scenario));
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = errorText(e);
    }
    return false;
}

bool RoiScenarioLibrary::rename(qint64 id, const QString &name, QString *error)
{
    ScenarioStore *scenarios = store(true, error);
    if (!scenarios)
        return false;
    try {
        const std::string newName = name.trimmed().toStdString();
        scenarios->rename(id, newName);
        // The document names the scenario too (an exported file keeps its name); a document
        // that no longer reads keeps its old name there.
        roi::Scenario scenario = roi::scenarioFromJsonText(scenarios->load(id), newName);
        scenario.name = newName;
        scenarios->save(id, roi::scenarioToJsonText(scenario));
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = errorText(e);
    }
    return false;
}

qint64 RoiScenarioLibrary::duplicate(qint64 id, const QString &name, QString *error)
{
    ScenarioStore *scenarios = store(true, error);
    if (!scenarios)
        return 0;
    try {
        const std::string newName = name.trimmed().toStdString();
        const qint64 copy = scenarios->duplicate(id, newName);
        roi::Scenario scenario = roi::scenarioFromJsonText(scenarios->load(copy), newName);
        scenario.name = newName;
        scenarios->save(copy, roi::scenarioToJsonText(scenario));
        return copy;
    } catch (const std::exception &e) {
        if (error)
            *error = errorText(e);
    }
    return 0;
}

bool RoiScenarioLibrary::remove(qint64 id, QString *error)
{
    ScenarioStore *scenarios = store(true, error);
    if (!scenarios)
        return false;
    try {
        scenarios->remove(id);
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = errorText(e);
    }
    return false;
}

} // namespace mf
