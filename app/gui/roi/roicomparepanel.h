#pragma once

#include "core/roi/projection.h"
#include "core/roi/scenario.h"
#include "core/roi/sensitivity.h"
#include "core/store/scenariostore.h"

#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QListWidget;
class QStackedWidget;
class QTableWidget;

namespace mf {

/// Scenarios side by side: the worst, base and best case of the scenario being edited, or
/// several saved scenarios, as a table of key figures (a column per scenario).
class RoiComparePanel : public QWidget
{
    Q_OBJECT
public:
    /// Reads a saved scenario (the page's library); nullopt when it cannot be read.
    using Loader = std::function<std::optional<roi::Scenario>(qint64 id)>;

    enum Mode
    {
        RangeMode,
        SavedMode
    };

    explicit RoiComparePanel(QWidget *parent = nullptr);
    ~RoiComparePanel() override;

    void setLoader(Loader loader) { m_loader = std::move(loader); }
    /// The scenario being edited (its saved id, 0 for a draft) and its tornado, from which the
    /// worst and best cases are made; no tornado when the scenario cannot be computed.
    void setCurrent(const roi::Scenario &scenario, qint64 id,
                    const std::optional<roi::Tornado> &tornado);
    /// The saved scenarios to offer; the checked ones stay checked.
    void setSaved(const std::vector<ScenarioSummary> &saved);
    void setMode(Mode mode);
    Mode mode() const;
    /// Checks the saved scenarios with these ids and only those.
    void checkSaved(const QList<qint64> &ids);

    QComboBox *modeBox() const { return m_mode; }
    QTableWidget *rangeTable() const { return m_rangeTable; }
    QListWidget *savedList() const { return m_savedList; }
    QTableWidget *savedTable() const { return m_savedTable; }

private:
    void refreshRange();
    void refreshSaved();
    /// One column per scenario: name and, for each key figure, its text (or "—" and why).
    static void fillTable(QTableWidget *table, const QStringList &names,
                          const std::vector<roi::Scenario> &scenarios);

    Loader m_loader;
    roi::Scenario m_current;
    qint64 m_currentId = 0;
    std::optional<roi::Tornado> m_tornado;
    bool m_filling = false;
    QComboBox *m_mode;
    QStackedWidget *m_stack;
    QTableWidget *m_rangeTable;
    QListWidget *m_savedList;
    QTableWidget *m_savedTable;
};

} // namespace mf
