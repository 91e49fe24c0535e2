#pragma once

#include "core/roi/scenario.h"
#include "core/store/scenariostore.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace mf {

/// The ROI scenarios of a workspace's store as Scenario values: ScenarioStore plus the JSON
/// format, with the store's name as the scenario's name. A workspace without a store yet lists
/// nothing and gets one on the first write. Failures come back as a sentence in `error`.
/// GUI thread only (one connection, opened on first use).
class RoiScenarioLibrary
{
    Q_DECLARE_TR_FUNCTIONS(mf::RoiScenarioLibrary)
public:
    RoiScenarioLibrary();
    ~RoiScenarioLibrary();

    void setDatabasePath(const QString &path);
    QString databasePath() const { return m_path; }

    std::vector<ScenarioSummary> list(QString *error);
    std::optional<roi::Scenario> load(qint64 id, QString *error);
    /// The new scenario's id; 0 on failure.
    qint64 create(const roi::Scenario &scenario, QString *error);
    bool save(qint64 id, const roi::Scenario &scenario, QString *error);
    /// Renames the entry and the scenario in its document.
    bool rename(qint64 id, const QString &name, QString *error);
    /// A copy under `name`; its id, 0 on failure.
    qint64 duplicate(qint64 id, const QString &name, QString *error);
    bool remove(qint64 id, QString *error);

private:
    /// The store, opened (and with `create`, made) on first use; nullptr without one.
    ScenarioStore *store(bool create, QString *error);

    QString m_path;
    std::unique_ptr<ScenarioStore> m_store;
};

} // namespace mf
