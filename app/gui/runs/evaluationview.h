#pragma once

#include "app/gui/runs/runevaluation.h"
#include "app/gui/store/rundetails.h"

#include <QString>
#include <QWidget>

class QLabel;
class QProgressBar;
class QScrollArea;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace mf {

class ConfusionMatrixView;
class MessagePanel;
class MistakeGallery;
class RunEvaluator;

/// The evaluation of the selected run's checkpoint: accuracy and loss, a confusion-matrix
/// heatmap, per-class precision/recall/F1/support and the most confident mistakes. Finished and
/// stopped runs with a checkpoint qualify; the evaluation starts when the view is active (its
/// tab is shown) and runs on a RunEvaluator's thread, reusing the result cached in the run's
/// directory while the checkpoint is unchanged.
class EvaluationView : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        NoRun,         ///< nothing selected
        NotApplicable, ///< the run does not qualify; the message says why
        Waiting,       ///< qualifies; evaluated once the view is active
        Busy,
        Ready,
        Error
    };
    Q_ENUM(State)

    explicit EvaluationView(QWidget *parent = nullptr);
    ~EvaluationView() override;

    /// The workspace whose runs are shown (the run store's directory).
    void setWorkspaceDir(const QString &dir);
    /// Shows the run; keeps the current result while it is the same run with the same newest
    /// checkpoint.
    void setRun(const RunDetails &details);
    void clear();
    /// The view is on screen (its tab is current): a waiting run is evaluated now.
    void setActive(bool active);

    State state() const { return m_state; }
    qint64 runId() const { return m_runId; }
    const RunEvaluation &evaluation() const { return m_evaluation; }
    QString messageTitle() const;
    QString messageText() const;
    QString summaryText() const;

    ConfusionMatrixView *confusionView() const { return m_matrix; }
    QTableWidget *classTable() const { return m_classTable; }
    MistakeGallery *gallery() const { return m_gallery; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void stateChanged(mf::EvaluationView::State state);
    void evaluationShown(qint64 runId);

private:
    void setState(State state);
    void showMessage(bool error, const QString &title, const QString &text);
    void start();
    void onFinished(const RunEvaluation &evaluation);
    void onFailed(qint64 runId, EvaluationProblem problem, const QString &message);
    QString splitName(RunEvaluation::Split split) const;
    void fillClassTable(const RunEvaluation &evaluation);

    RunEvaluator *m_evaluator;
    QStackedWidget *m_stack;
    MessagePanel *m_message;
    QWidget *m_busyPage;
    QLabel *m_busyText;
    QProgressBar *m_busyBar;
    QWidget *m_resultPage;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QScrollArea *m_matrixScroll;
    ConfusionMatrixView *m_matrix;
    QTableWidget *m_classTable;
    MistakeGallery *m_gallery;
    QString m_workspaceDir;
    qint64 m_runId = -1;
    QString m_runKey; ///< run id and newest checkpoint: a change means evaluating again
    RunEvaluation m_evaluation;
    State m_state = State::NoRun;
    bool m_active = false;
};

} // namespace mf
