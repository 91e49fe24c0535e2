#pragma once

#include "app/gui/store/rundetails.h"

#include <QLocale>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace mf {

class EvaluationView;
class KeyValueTable;
class MessagePanel;
class TextPredictionView;

/// The selected run: an overview tab with its info (status, failure reason, device, versions,
/// times), its editable tags and notes, its parameters and final metrics, and an evaluation tab
/// (EvaluationView), and for a text classifier a tab that classifies typed sentences
/// (TextPredictionView); a hint when no run is selected.
/// Tags are saved when their line edit loses focus or on Return, notes on focus-out or Save:
/// the pane emits tagsEdited/notesEdited and the store write happens elsewhere.
class RunDetailsPane : public QWidget
{
    Q_OBJECT
public:
    enum Tab
    {
        OverviewTab,
        EvaluationTab,
        PredictionTab ///< shown for text classifiers only (TextPredictionView::offersPrediction)
    };

    explicit RunDetailsPane(QWidget *parent = nullptr);
    ~RunDetailsPane() override;

    void showDetails(const RunDetails &details);
    /// Nothing selected: the hint replaces the tables.
    void showHint();
    /// The selected run could not be read.
    void showUnavailable(qint64 runId, const QString &reason);
    /// The workspace of the runs (for evaluating them).
    void setWorkspaceDir(const QString &dir);

    /// The run shown, or -1.
    qint64 runId() const { return m_runId; }
    bool isShowingDetails() const;
    QString titleText() const;
    KeyValueTable *infoTable() const { return m_info; }
    KeyValueTable *paramsTable() const { return m_params; }
    KeyValueTable *metricsTable() const { return m_metrics; }
    MessagePanel *messagePanel() const { return m_message; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QPushButton *saveNotesButton() const { return m_saveNotes; }
    QTabWidget *tabs() const { return m_tabs; }
    EvaluationView *evaluationView() const { return m_evaluation; }
    TextPredictionView *predictionView() const { return m_prediction; }

    void setLocale(const QLocale &locale);
    /// A store that cannot be written: tags and notes are shown but cannot be edited.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    /// "a, b": trimmed, without empty or repeated tags.
    static QString normalizedTags(const QString &tags);

Q_SIGNALS:
    void tagsEdited(qint64 runId, const QString &tags);
    void notesEdited(qint64 runId, const QString &notes);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void saveTags();
    void saveNotes();
    void updateEvaluationActivity();

    QStackedWidget *m_stack;
    MessagePanel *m_message;
    QWidget *m_content;
    QLabel *m_title;
    QTabWidget *m_tabs;
    KeyValueTable *m_info;
    QLineEdit *m_tags;
    QPlainTextEdit *m_notes;
    QPushButton *m_saveNotes;
    KeyValueTable *m_params;
    KeyValueTable *m_metrics;
    EvaluationView *m_evaluation;
    TextPredictionView *m_prediction;
    qint64 m_runId = -1;
    bool m_readOnly = false;
    QString m_savedTags; ///< the tags as stored (or as last saved)
    QString m_savedNotes;
    QLocale m_locale;
};

} // namespace mf
