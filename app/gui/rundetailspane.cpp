#include "app/gui/rundetailspane.h"

#include "app/gui/displayformat.h"
#include "widgets/keyvaluetable.h"
#include "widgets/messagepanel.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mf {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
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
      m_content(new QWidget), m_title(new QLabel), m_info(new KeyValueTable),
      m_params(new KeyValueTable), m_metrics(new KeyValueTable)
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

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(8, 8, 8, 8);
    contentLayout->setSpacing(10);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(group(tr("Run"), m_info, m_content));
    contentLayout->addWidget(group(tr("Parameters"), m_params, m_content));
    contentLayout->addWidget(group(tr("Final metrics"), m_metrics, m_content));
    contentLayout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_content);

    m_stack->addWidget(m_message);
    m_stack->addWidget(scroll);
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

void RunDetailsPane::showDetails(const RunDetails &details)
{
    const RunRecord &run = details.run;
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
    if (!run.tags.empty())
        info.append({tr("Tags"), fromStd(run.tags)});
    if (!run.notes.empty())
        info.append({tr("Notes"), fromStd(run.notes)});
    m_info->setEntries(info);

    QList<KeyValueTable::Entry> params;
    for (const auto &[key, value] : details.params)
        params.append({fromStd(key), fromStd(value)});
    m_params->setEntries(params);

    QList<KeyValueTable::Entry> metrics;
    for (const auto &[key, value] : details.latestMetrics)
        metrics.append({fromStd(key), DisplayFormat::metricText(value, m_locale)});
    m_metrics->setEntries(metrics);

    m_stack->setCurrentIndex(1);
}

void RunDetailsPane::showHint()
{
    m_runId = -1;
    m_message->setMessage(MessagePanel::Kind::Information, tr("No run selected"),
                          tr("Select a run to see its status, parameters and final metrics."));
    m_stack->setCurrentIndex(0);
}

void RunDetailsPane::showUnavailable(qint64 runId, const QString &reason)
{
    m_runId = -1;
    m_message->setMessage(MessagePanel::Kind::Error,
                          tr("Cannot show run #%1").arg(m_locale.toString(runId)), reason);
    m_stack->setCurrentIndex(0);
}

bool RunDetailsPane::isShowingDetails() const
{
    return m_stack->currentIndex() == 1;
}

QString RunDetailsPane::titleText() const
{
    return m_title->text();
}

} // namespace mf
