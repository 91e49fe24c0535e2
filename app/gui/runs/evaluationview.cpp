#include "app/gui/runs/evaluationview.h"

#include "app/gui/runs/confusionmatrixview.h"
#include "app/gui/runs/mistakegallery.h"
#include "app/gui/runs/runevaluator.h"
#include "widgets/messagepanel.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace mf {

namespace {

/// A table cell that sorts by its number, not by its text.
class NumberItem : public QTableWidgetItem
{
public:
    NumberItem(const QString &text, double value) : QTableWidgetItem(text), m_value(value)
    {
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem &other) const override
    {
        const auto *number = dynamic_cast<const NumberItem *>(&other);
        return number ? m_value < number->m_value : QTableWidgetItem::operator<(other);
    }

private:
    double m_value;
};

bool qualifies(RunStatus status)
{
    return status == RunStatus::Finished || status == RunStatus::Stopped;
}

/// The newest checkpoint artifact, or nullptr.
const Artifact *newestCheckpoint(const std::vector<Artifact> &artifacts)
{
    const Artifact *newest = nullptr;
    for (const Artifact &artifact : artifacts)
        if (artifact.kind == "checkpoint" &&
            (!newest || artifact.epoch > newest->epoch ||
             (artifact.epoch == newest->epoch && artifact.id > newest->id)))
            newest = &artifact;
    return newest;
}

} // namespace

EvaluationView::EvaluationView(QWidget *parent)
    : QWidget(parent), m_evaluator(new RunEvaluator(this)), m_stack(new QStackedWidget),
      m_message(new MessagePanel), m_busyPage(new QWidget), m_busyText(new QLabel),
      m_busyBar(new QProgressBar), m_resultPage(new QWidget), m_summary(new QLabel),
      m_tabs(new QTabWidget), m_matrixScroll(new QScrollArea), m_matrix(new ConfusionMatrixView),
      m_classTable(new QTableWidget), m_gallery(new MistakeGallery)
{
    setObjectName(QStringLiteral("evaluationView"));

    m_busyText->setAlignment(Qt::AlignCenter);
    m_busyText->setWordWrap(true);
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(240);
    m_busyBar->setTextVisible(false);
    auto *busyLayout = new QVBoxLayout(m_busyPage);
    busyLayout->addStretch(1);
    busyLayout->addWidget(m_busyText);
    busyLayout->addWidget(m_busyBar, 0, Qt::AlignHCenter);
    busyLayout->addStretch(2);

    m_summary->setObjectName(QStringLiteral("evaluationSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_matrixScroll->setWidget(m_matrix);
    m_matrixScroll->setWidgetResizable(true);
    m_matrixScroll->setFrameShape(QFrame::NoFrame);

    m_classTable->setObjectName(QStringLiteral("classMetricsTable"));
    m_classTable->setColumnCount(5);
    m_classTable->setHorizontalHeaderLabels(
        {tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    m_classTable->verticalHeader()->hide();
    m_classTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_classTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_classTable->setAlternatingRowColors(true);
    m_classTable->setShowGrid(false);
    m_classTable->setWordWrap(false);
    m_classTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 5; ++column)
        m_classTable->horizontalHeader()->setSectionResizeMode(column,
                                                               QHeaderView::ResizeToContents);
    m_classTable->verticalHeader()->setDefaultSectionSize(m_classTable->fontMetrics().height() + 6);

    m_tabs->setObjectName(QStringLiteral("evaluationTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_matrixScroll, tr("Confusion matrix"));
    m_tabs->addTab(m_classTable, tr("Per class"));
    m_tabs->addTab(m_gallery, tr("Mistakes"));

    auto *resultLayout = new QVBoxLayout(m_resultPage);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(m_summary);
    resultLayout->addWidget(m_tabs, 1);

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_busyPage);
    m_stack->addWidget(m_resultPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_evaluator, &RunEvaluator::finished, this, &EvaluationView::onFinished);
    connect(m_evaluator, &RunEvaluator::failed, this, &EvaluationView::onFailed);
    clear();
}

EvaluationView::~EvaluationView() = default;

void EvaluationView::setWorkspaceDir(const QString &dir)
{
    if (dir == m_workspaceDir)
        return;
    m_workspaceDir = dir;
    clear();
}

void EvaluationView::clear()
{
    m_evaluator->cancelPending();
    m_runId = -1;
    m_runKey.clear();
    m_evaluation = RunEvaluation();
    showMessage(false, tr("No run selected"),
                tr("Select a finished run to see how its best checkpoint classifies the test "
                   "set."));
    setState(State::NoRun);
}

void EvaluationView::setRun(const RunDetails &details)
{
    const RunRecord &run = details.run;
    const Artifact *checkpoint = newestCheckpoint(details.artifacts);
    const QString key =
        QStringLiteral("%1/%2/%3")
            .arg(run.id)
            .arg(int(run.status))
            .arg(checkpoint ? QString::fromStdString(checkpoint->sha256) : QString());
    if (key == m_runKey)
        return;
    m_evaluator->cancelPending();
    m_runId = run.id;
    m_runKey = key;
    m_evaluation = RunEvaluation();
    const QLocale locale;
    if (!qualifies(run.status)) {
        showMessage(false, tr("Not evaluated yet"),
                    run.status == RunStatus::Running
                        ? tr("Run #%1 is still training. Its checkpoint is evaluated once it has "
                             "finished.")
                              .arg(locale.toString(run.id))
                        : tr("Only finished or stopped runs are evaluated. Resume run #%1 to "
                             "finish it.")
                              .arg(locale.toString(run.id)));
        setState(State::NotApplicable);
        return;
    }
    if (!checkpoint) {
        showMessage(false, tr("No checkpoint"),
                    tr("Run #%1 saved no checkpoint (it ended before its first epoch did), so "
                       "there is no model to evaluate.")
                        .arg(locale.toString(run.id)));
        setState(State::NotApplicable);
        return;
    }
    setState(State::Waiting);
    m_busyText->setText(tr("Evaluating run #%1…").arg(locale.toString(run.id)));
    m_stack->setCurrentWidget(m_busyPage);
    if (m_active)
        start();
}

void EvaluationView::setActive(bool active)
{
    m_active = active;
    if (m_active && m_state == State::Waiting)
        start();
}

void EvaluationView::start()
{
    if (m_workspaceDir.isEmpty()) {
        showMessage(true, tr("Evaluation failed"), tr("No workspace is open."));
        setState(State::Error);
        return;
    }
    m_stack->setCurrentWidget(m_busyPage);
    setState(State::Busy);
    m_evaluator->evaluate(m_runId, m_workspaceDir);
}

void EvaluationView::onFinished(const RunEvaluation &evaluation)
{
    if (evaluation.runId != m_runId || m_state != State::Busy)
        return;
    m_evaluation = evaluation;
    const QLocale locale;
    const QString split = splitName(evaluation.split);
    double macroF1 = 0.0;
    for (double f1 : evaluation.f1)
        macroF1 += f1;
    if (!evaluation.f1.isEmpty())
        macroF1 /= double(evaluation.f1.size());
    const bool tokens = !evaluation.tokenObjective.isEmpty();
    QString summary =
        !tokens
            ? tr("Accuracy %1 · loss %2 · macro F1 %3 on %4 %5 samples")
                  .arg(locale.toString(evaluation.accuracy * 100.0, 'f', 2) + QLatin1Char('%'),
                       locale.toString(evaluation.loss, 'g', 4), locale.toString(macroF1, 'f', 3),
                       locale.toString(evaluation.samples), split)
        : evaluation.tokenObjective == QLatin1String("masked_tokens")
            ? tr("Masked-token accuracy %1 · loss %2 on %3 %4 documents")
                  .arg(locale.toString(evaluation.accuracy * 100.0, 'f', 2) + QLatin1Char('%'),
                       locale.toString(evaluation.loss, 'g', 4),
                       locale.toString(evaluation.samples), split)
            : tr("Next-token accuracy %1 · loss %2 · perplexity %3 on %4 %5 documents")
                  .arg(locale.toString(evaluation.accuracy * 100.0, 'f', 2) + QLatin1Char('%'),
                       locale.toString(evaluation.loss, 'g', 4),
                       locale.toString(std::exp(evaluation.loss), 'f', 2),
                       locale.toString(evaluation.samples), split);
    if (tokens)
        summary += QLatin1Char('\n') + tr("A pre-training run predicts tokens, not classes: "
                                          "fine-tune a classifier from it to get per-class "
                                          "results.");
    summary +=
        QLatin1Char('\n') + tr("Checkpoint of epoch %1 (%2)%3")
                                .arg(locale.toString(evaluation.checkpointEpoch),
                                     QFileInfo(evaluation.checkpointPath).fileName(),
                                     evaluation.fromCache ? tr(", result cached") : QString());
    if (evaluation.split == RunEvaluation::Split::Validation)
        summary += QLatin1Char('\n') +
                   tr("The dataset has no test part: the validation split was evaluated.");
    if (!evaluation.cacheProblem.isEmpty())
        summary += QLatin1Char('\n') +
                   tr("The result could not be cached: %1").arg(evaluation.cacheProblem);
    m_summary->setText(summary);
    m_summary->setToolTip(QDir::toNativeSeparators(evaluation.checkpointPath));
    m_matrix->setMatrix(evaluation.classNames, evaluation.confusion);
    fillClassTable(evaluation);
    m_gallery->setMistakes(evaluation.mistakes, evaluation.classNames, evaluation.imagesAvailable,
                           split);
    m_tabs->setTabText(m_tabs->indexOf(m_gallery),
                       tr("Mistakes (%1)").arg(locale.toString(evaluation.mistakes.size())));
    m_tabs->setVisible(!tokens);
    m_stack->setCurrentWidget(m_resultPage);
    setState(State::Ready);
    Q_EMIT evaluationShown(evaluation.runId);
}

void EvaluationView::onFailed(qint64 runId, EvaluationProblem problem, const QString &message)
{
    if (runId != m_runId || m_state != State::Busy)
        return;
    switch (problem) {
    case EvaluationProblem::NoCheckpoint:
        showMessage(false, tr("No checkpoint"),
                    tr("The checkpoint files of this run are gone, so there is no model to "
                       "evaluate.\n\n%1")
                        .arg(message));
        break;
    case EvaluationProblem::DatasetMissing:
        showMessage(true, tr("Dataset not found"),
                    tr("The run was trained on %1, but nothing is there any more. Put the dataset "
                       "back at that path to evaluate the run.")
                        .arg(message.isEmpty() ? tr("an unnamed dataset") : message));
        break;
    case EvaluationProblem::Failed:
        showMessage(true, tr("Evaluation failed"), message);
        break;
    }
    setState(State::Error);
}

void EvaluationView::fillClassTable(const RunEvaluation &evaluation)
{
    const QLocale locale;
    const QVector<qint64> support = evaluation.support();
    m_classTable->setSortingEnabled(false);
    m_classTable->clearContents();
    m_classTable->setRowCount(int(evaluation.classNames.size()));
    for (int k = 0; k < evaluation.classNames.size(); ++k) {
        const auto figure = [&](const QVector<double> &values) {
            const double value = k < values.size() ? values[k] : 0.0;
            return new NumberItem(locale.toString(value, 'f', 3), value);
        };
        m_classTable->setItem(k, 0, new QTableWidgetItem(evaluation.classNames[k]));
        m_classTable->setItem(k, 1, figure(evaluation.precision));
        m_classTable->setItem(k, 2, figure(evaluation.recall));
        m_classTable->setItem(k, 3, figure(evaluation.f1));
        const qint64 count = k < support.size() ? support[k] : 0;
        m_classTable->setItem(k, 4, new NumberItem(locale.toString(count), double(count)));
    }
    m_classTable->setSortingEnabled(true);
}

QString EvaluationView::splitName(RunEvaluation::Split split) const
{
    return split == RunEvaluation::Split::Test ? tr("test") : tr("validation");
}

void EvaluationView::showMessage(bool error, const QString &title, const QString &text)
{
    m_message->setMessage(error ? MessagePanel::Kind::Error : MessagePanel::Kind::Information,
                          title, text);
    m_stack->setCurrentWidget(m_message);
}

QString EvaluationView::messageTitle() const
{
    return m_stack->currentWidget() == m_message ? m_message->title() : QString();
}

QString EvaluationView::messageText() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

QString EvaluationView::summaryText() const
{
    return m_state == State::Ready ? m_summary->text() : QString();
}

void EvaluationView::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace mf
