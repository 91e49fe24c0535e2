#include "app/gui/runs/rundetailspane.h"

#include "app/gui/format/displayformat.h"
#include "app/gui/runs/evaluationview.h"
#include "app/gui/runs/textpredictionview.h"
#include "widgets/keyvaluetable.h"
#include "widgets/messagepanel.h"

#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace mf {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

/// The length of the JSON array stored as param `key` (0 when absent or not an array).
qint64 jsonArraySize(const std::map<std::string, std::string> &params, const char *key)
{
    const auto found = params.find(key);
    if (found == params.end())
        return 0;
    const nlohmann::json array = nlohmann::json::parse(found->second, nullptr, false);
    return array.is_array() ? qint64(array.size()) : 0;
}

QGroupBox *group(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(content);
    return box;
}

} // namespace

RunDetailsPane::RunDetailsPane(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_message(new MessagePanel),
      m_content(new QWidget), m_title(new QLabel), m_tabs(new QTabWidget),
      m_info(new KeyValueTable), m_tags(new QLineEdit), m_notes(new QPlainTextEdit),
      m_saveNotes(new QPushButton(tr("Save notes"))), m_params(new KeyValueTable),
      m_metrics(new KeyValueTable), m_evaluation(new EvaluationView),
      m_prediction(new TextPredictionView)
{
    setObjectName(QStringLiteral("runDetailsPane"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_info->setObjectName(QStringLiteral("runInfoTable"));
    m_info->setHeaderLabels(tr("Property"), tr("Value"));
    m_info->horizontalHeader()->hide();
    m_params->setObjectName(QStringLiteral("runParamsTable"));
    m_params->setHeaderLabels(tr("Parameter"), tr("Value"));
    m_params->setEmptyText(tr("No parameters recorded."));
    m_metrics->setObjectName(QStringLiteral("runMetricsTable"));
    m_metrics->setHeaderLabels(tr("Metric"), tr("Last value"));
    m_metrics->setEmptyText(tr("No metrics logged."));

    m_tags->setObjectName(QStringLiteral("runTagsEdit"));
    connect(m_tags, &QLineEdit::editingFinished, this, &RunDetailsPane::saveTags);
    m_notes->setObjectName(QStringLiteral("runNotesEdit"));
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 5 + 12);
    m_notes->installEventFilter(this);
    m_saveNotes->setObjectName(QStringLiteral("saveRunNotes"));
    m_saveNotes->setEnabled(false);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        m_saveNotes->setEnabled(m_runId >= 0 && m_notes->toPlainText() != m_savedNotes);
    });
    connect(m_saveNotes, &QPushButton::clicked, this, &RunDetailsPane::saveNotes);
    setReadOnly(false); // the placeholders

    auto *annotations = new QGroupBox(tr("Tags and notes"));
    auto *annotationLayout = new QFormLayout(annotations);
    annotationLayout->setContentsMargins(6, 6, 6, 6);
    annotationLayout->addRow(tr("Tags"), m_tags);
    annotationLayout->addRow(tr("Notes"), m_notes);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_saveNotes);
    annotationLayout->addRow(saveRow);

    auto *overview = new QWidget;
    auto *overviewLayout = new QVBoxLayout(overview);
    overviewLayout->setContentsMargins(8, 8, 8, 8);
    overviewLayout->setSpacing(10);
    overviewLayout->addWidget(group(tr("Run"), m_info, overview));
    overviewLayout->addWidget(annotations);
    overviewLayout->addWidget(group(tr("Parameters"), m_params, overview));
    overviewLayout->addWidget(group(tr("Final metrics"), m_metrics, overview));
    overviewLayout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(overview);

    m_tabs->setObjectName(QStringLiteral("runDetailsTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->insertTab(OverviewTab, scroll, tr("Overview"));
    m_tabs->insertTab(EvaluationTab, m_evaluation, tr("Evaluation"));
    m_tabs->insertTab(PredictionTab, m_prediction, tr("Predict"));
    m_tabs->setTabVisible(PredictionTab, false);
    connect(m_tabs, &QTabWidget::currentChanged, this, &RunDetailsPane::updateEvaluationActivity);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(8, 8, 8, 0);
    contentLayout->setSpacing(6);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_tabs, 1);

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showHint();
}

RunDetailsPane::~RunDetailsPane() = default;

void RunDetailsPane::setLocale(const QLocale &locale)
{
    m_locale = locale;
}

void RunDetailsPane::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_tags->setReadOnly(readOnly);
    m_tags->setClearButtonEnabled(!readOnly);
    m_notes->setReadOnly(readOnly);
    m_saveNotes->setVisible(!readOnly);
    const QString placeholder = tr("The workspace is read-only");
    m_tags->setPlaceholderText(readOnly ? placeholder
                                        : tr("Comma-separated, e.g. baseline, sweep-3"));
    m_notes->setPlaceholderText(readOnly ? placeholder
                                         : tr("What this run tried, what it showed…"));
}

void RunDetailsPane::setWorkspaceDir(const QString &dir)
{
    m_evaluation->setWorkspaceDir(dir);
    m_prediction->setWorkspaceDir(dir);
}

QString RunDetailsPane::normalizedTags(const QString &tags)
{
    QStringList result;
    for (const QString &part : tags.split(QLatin1Char(','))) {
        const QString tag = part.simplified();
        if (!tag.isEmpty() && !result.contains(tag))
            result.append(tag);
    }
    return result.join(QStringLiteral(", "));
}

void RunDetailsPane::showDetails(const RunDetails &details)
{
    const RunRecord &run = details.run;
    const bool sameRun = run.id == m_runId;
    if (!sameRun) {
        // Edits still in the editors belong to the run shown so far.
        saveTags();
        saveNotes();
    }
    m_runId = run.id;
    const QString name = run.name.empty() ? tr("Unnamed run") : fromStd(run.name);
    m_title->setText(tr("%1 (#%2)").arg(name, m_locale.toString(qint64(run.id))));

    QList<KeyValueTable::Entry> info;
    info.append({tr("Status"), DisplayFormat::statusText(run.status)});
    if (!run.failureReason.empty())
        info.append({tr("Failure reason"), fromStd(run.failureReason)});
    info.append({tr("Dataset"), fromStd(run.dataset)});
    info.append({tr("Model"), fromStd(run.model)});
    info.append({tr("Device"), fromStd(run.device)});
    info.append({tr("Versions"), fromStd(run.versions)});
    if (!run.host.empty())
        info.append({tr("Host"), fromStd(run.host)});
    info.append({tr("Started"), DisplayFormat::dateTimeText(run.startedAtMs, m_locale)});
    info.append(
        {tr("Ended"), run.endedAtMs > 0
                          ? DisplayFormat::dateTimeText(run.endedAtMs, m_locale)
                          : (run.status == RunStatus::Running ? tr("still running") : QString())});
    info.append({tr("Duration"), DisplayFormat::durationText(
                                     DisplayFormat::durationMs(run, details.takenAtMs), m_locale)});
    int checkpoints = 0;
    for (const Artifact &artifact : details.artifacts)
        checkpoints += artifact.kind == "checkpoint" ? 1 : 0;
    info.append({tr("Checkpoints"), m_locale.toString(checkpoints)});
    if (details.parent) {
        const auto technique = details.params.find(kCompressionParam);
        const QString parent = tr("#%1 %2").arg(m_locale.toString(qint64(details.parent->id)),
                                                fromStd(details.parent->name));
        QString made = parent;
        if (technique != details.params.end())
            made = tr("%1, by %2").arg(parent, fromStd(technique->second));
        else if (details.params.count("finetune.loaded") > 0)
            made = tr("%1, fine-tuned: %2 tensors loaded, %3 new, %4 skipped")
                       .arg(parent,
                            m_locale.toString(jsonArraySize(details.params, "finetune.loaded")),
                            m_locale.toString(jsonArraySize(details.params, "finetune.new")),
                            m_locale.toString(jsonArraySize(details.params, "finetune.skipped")));
        info.append({tr("Made from"), made});
    }
    if (!details.children.empty()) {
        QStringList children;
        for (const RunRecord &child : details.children)
            children.append(
                tr("#%1 %2").arg(m_locale.toString(qint64(child.id)), fromStd(child.name)));
        info.append({tr("Made from it"), children.join(QLatin1Char('\n'))});
    }
    m_info->setEntries(info);

    // A reload of the same run keeps what the user is typing.
    const QString tags = fromStd(run.tags);
    if (!sameRun || m_tags->text() == m_savedTags)
        m_tags->setText(tags);
    m_savedTags = tags;
    const QString notes = fromStd(run.notes);
    if (!sameRun || m_notes->toPlainText() == m_savedNotes)
        m_notes->setPlainText(notes);
    m_savedNotes = notes;
    m_saveNotes->setEnabled(m_notes->toPlainText() != m_savedNotes);

    QList<KeyValueTable::Entry> params;
    for (const auto &[key, value] : details.params)
        params.append({fromStd(key), DisplayFormat::parameterText(fromStd(key), fromStd(value))});
    m_params->setEntries(params);

    QList<KeyValueTable::Entry> metrics;
    for (const auto &[key, value] : details.latestMetrics)
        metrics.append({fromStd(key), DisplayFormat::metricText(value, m_locale)});
    m_metrics->setEntries(metrics);

    m_evaluation->setRun(details);
    const bool predicts = TextPredictionView::offersPrediction(details);
    if (predicts)
        m_prediction->setRun(details);
    else
        m_prediction->clear();
    m_tabs->setTabVisible(PredictionTab, predicts);
    m_stack->setCurrentIndex(1);
    updateEvaluationActivity();
}

void RunDetailsPane::showHint()
{
    saveTags();
    saveNotes();
    m_runId = -1;
    m_evaluation->clear();
    m_prediction->clear();
    m_message->setMessage(MessagePanel::Kind::Information, tr("No run selected"),
                          tr("Select a run to see its status, parameters and final metrics, or "
                             "several runs to compare them."));
    m_stack->setCurrentIndex(0);
    updateEvaluationActivity();
}

void RunDetailsPane::showUnavailable(qint64 runId, const QString &reason)
{
    m_runId = -1;
    m_evaluation->clear();
    m_prediction->clear();
    m_message->setMessage(MessagePanel::Kind::Error,
                          tr("Cannot show run #%1").arg(m_locale.toString(runId)), reason);
    m_stack->setCurrentIndex(0);
    updateEvaluationActivity();
}

bool RunDetailsPane::isShowingDetails() const
{
    return m_stack->currentIndex() == 1;
}

QString RunDetailsPane::titleText() const
{
    return m_title->text();
}

bool RunDetailsPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_notes && event->type() == QEvent::FocusOut)
        saveNotes();
    return QWidget::eventFilter(watched, event);
}

void RunDetailsPane::saveTags()
{
    if (m_runId < 0 || m_readOnly)
        return;
    const QString tags = normalizedTags(m_tags->text());
    if (tags != m_tags->text())
        m_tags->setText(tags);
    if (tags == m_savedTags)
        return;
    m_savedTags = tags;
    Q_EMIT tagsEdited(m_runId, tags);
}

void RunDetailsPane::saveNotes()
{
    const QString notes = m_notes->toPlainText();
    if (m_runId < 0 || m_readOnly || notes == m_savedNotes)
        return;
    m_savedNotes = notes;
    m_saveNotes->setEnabled(false);
    Q_EMIT notesEdited(m_runId, notes);
}

void RunDetailsPane::updateEvaluationActivity()
{
    m_evaluation->setActive(isShowingDetails() && m_tabs->currentIndex() == EvaluationTab);
}

} // namespace mf
