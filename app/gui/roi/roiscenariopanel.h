#pragma once

#include "app/gui/roi/roiscenariolibrary.h"
#include "core/roi/scenario.h"

#include <QWidget>

class QListWidget;
class QPushButton;
class QTimer;
class QToolButton;

namespace mf {

class NoticeLabel;

/// The saved scenarios of the workspace and the one being edited. Changes are saved
/// automatically a moment after the last edit (and at once when another scenario opens, the
/// workspace changes or the page closes); a scenario opened without the store (a draft) is kept
/// only once Save is pressed. GUI thread only.
class RoiScenarioPanel : public QWidget
{
    Q_OBJECT
public:
    /// The delay between the last edit and the automatic save.
    static constexpr int kAutosaveDelayMs = 800;

    explicit RoiScenarioPanel(QWidget *parent = nullptr);
    ~RoiScenarioPanel() override;

    /// Saves what is pending, then lists the scenarios of the store at `path` and opens the
    /// most recently changed one (none: scenarioClosed()).
    void setDatabasePath(const QString &path);
    RoiScenarioLibrary *library() { return &m_library; }
    const std::vector<ScenarioSummary> &summaries() const { return m_summaries; }

    bool hasScenario() const { return m_hasScenario; }
    /// The store id of the scenario being edited; 0 for a draft or none.
    qint64 currentId() const { return m_currentId; }
    bool isDraft() const { return m_hasScenario && m_currentId == 0; }
    bool hasUnsavedChanges() const { return m_dirty; }

    /// Lists the store again, keeping the current scenario.
    void reload();
    bool open(qint64 id);
    /// A new scenario in the store from a template ("credit-risk", "medical-screening",
    /// "tutoring"), opened; a draft when the store cannot be written. Its id, 0 for a draft.
    qint64 createFromTemplate(const QString &templateId);
    /// Adds `scenario` to the store and opens it (an import); a draft when that fails.
    qint64 createScenario(const roi::Scenario &scenario);
    /// Opens `scenario` without storing it.
    void openDraft(const roi::Scenario &scenario);
    /// A copy of the current scenario, opened; its id, 0 on failure.
    qint64 duplicateCurrent(const QString &name = QString());
    bool renameCurrent(const QString &name);
    /// Removes a stored scenario without asking; the current one gives way to the next.
    bool deleteScenario(qint64 id);
    /// Saves the current scenario now (a draft: adds it to the store).
    bool saveNow();
    /// The editor changed the scenario: saved after kAutosaveDelayMs.
    void noteEdited(const roi::Scenario &scenario);

    QListWidget *list() const { return m_list; }
    QToolButton *newButton() const { return m_new; }
    QPushButton *duplicateButton() const { return m_duplicate; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *saveButton() const { return m_save; }
    NoticeLabel *notice() const { return m_notice; }

    /// The templates in menu order: (id, translated title).
    static QList<QPair<QString, QString>> templateTitles();
    /// What a template's case is, in a sentence.
    static QString templateDescription(const QString &templateId);

Q_SIGNALS:
    /// Load this scenario into the editor.
    void scenarioOpened(const mf::roi::Scenario &scenario);
    /// No scenario is left to edit.
    void scenarioClosed();
    void scenarioRenamed(const QString &name);
    /// Scenarios were added, removed or renamed.
    void listChanged();

private:
    void fillList();
    void updateButtons();
    void showSaveState();
    void fail(const QString &what, const QString &error);
    void askRename();
    void askDelete();
    void openCurrent(const roi::Scenario &scenario, qint64 id);

    RoiScenarioLibrary m_library;
    std::vector<ScenarioSummary> m_summaries;
    roi::Scenario m_current;
    qint64 m_currentId = 0;
    bool m_hasScenario = false;
    bool m_dirty = false;
    bool m_filling = false;
    QString m_saveError;
    QTimer *m_autosave;
    QListWidget *m_list;
    QToolButton *m_new;
    QPushButton *m_duplicate;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QPushButton *m_save;
    NoticeLabel *m_notice;
};

} // namespace mf
