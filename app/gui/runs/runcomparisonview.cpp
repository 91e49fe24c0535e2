#include "app/gui/runs/runcomparisonview.h"

#include "app/gui/runs/configdiffmodel.h"
#include "widgets/messagepanel.h"
#include "widgets/metricchart.h"
#include "widgets/metricdashboard.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mf {

RunComparisonView::RunComparisonView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel), m_stack(new QStackedWidget),
      m_message(new MessagePanel), m_dashboard(new MetricDashboard),
      m_configModel(new ConfigDiffModel(this)), m_configView(new QTableView),
      m_showIdentical(new QCheckBox(tr("Show identical values"))), m_configCaption(new QLabel)
{
    setObjectName(QStringLiteral("runComparisonView"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);

    m_dashboard->setObjectName(QStringLiteral("comparisonDashboard"));

    m_configView->setObjectName(QStringLiteral("configDiffTable"));
    m_configView->setModel(m_configModel);
    m_configView->verticalHeader()->hide();
    m_configView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_configView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_configView->setAlternatingRowColors(true);
    m_configView->setShowGrid(false);
    m_configView->setWordWrap(false);
    m_configView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_configView->horizontalHeader()->setStretchLastSection(true);
    m_configView->verticalHeader()->setDefaultSectionSize(m_configView->fontMetrics().height() + 6);
    m_showIdentical->setObjectName(QStringLiteral("showIdenticalParams"));
    connect(m_showIdentical, &QCheckBox::toggled, this, [this](bool on) {
        m_configModel->setShowIdentical(on);
        updateConfigCaption();
    });
    m_configCaption->setWordWrap(true);

    auto *configBox = new QGroupBox(tr("Configuration differences"));
    auto *configLayout = new QVBoxLayout(configBox);
    configLayout->setContentsMargins(6, 6, 6, 6);
    auto *configTop = new QHBoxLayout;
    configTop->addWidget(m_configCaption, 1);
    configTop->addWidget(m_showIdentical);
    configLayout->addLayout(configTop);
    configLayout->addWidget(m_configView, 1);

    auto *content = new QSplitter(Qt::Vertical);
    content->setChildrenCollapsible(false);
    content->addWidget(m_dashboard);
    content->addWidget(configBox);
    content->setStretchFactor(0, 3);
    content->setStretchFactor(1, 1);
    configBox->setMinimumHeight(configBox->fontMetrics().height() * 12);

    m_stack->addWidget(m_message);
    m_stack->addWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);
}

RunComparisonView::~RunComparisonView() = default;

void RunComparisonView::showLoading(const QList<qint64> &runIds)
{
    m_runIds = runIds;
    const QLocale locale;
    m_title->setText(tr("Comparing %1 runs").arg(locale.toString(runIds.size())));
    QStringList names;
    for (qint64 id : runIds)
        names.append(QStringLiteral("#%1").arg(id));
    m_message->setMessage(MessagePanel::Kind::Information, tr("Loading metrics…"),
                          names.join(QStringLiteral(", ")));
    m_stack->setCurrentWidget(m_message);
}

void RunComparisonView::showMetrics(const RunsMetrics &metrics)
{
    m_runIds = metrics.runIds;
    const QLocale locale;
    m_title->setText(tr("Comparing %1 runs").arg(locale.toString(int(metrics.runs.size()))));
    if (metrics.runs.size() < 2) {
        m_message->setMessage(MessagePanel::Kind::Information, tr("Nothing to compare"),
                              tr("Fewer than two of the selected runs still exist."));
        m_stack->setCurrentWidget(m_message);
        return;
    }
    m_dashboard->clear();
    QVector<ConfigDiffModel::Column> columns;
    bool anyPoints = false;
    for (const RunMetrics &run : metrics.runs) {
        const QString name = QString::fromStdString(run.run.name);
        columns.append(
            {run.run.id, QStringLiteral("#%1 %2").arg(run.run.id).arg(name), run.params});
        for (const RunMetricSeries &series : run.series) {
            if (MetricDashboard::panelForMetric(series.key) < 0 || series.samples.isEmpty())
                continue;
            anyPoints = true;
            m_dashboard->addSamples(series.key, comparisonSeriesName(run.run.id, series.key),
                                    series.samples,
                                    series.perEpoch ? MetricDashboard::Density::Sparse
                                                    : MetricDashboard::Density::Dense);
        }
    }
    // Loaded at once, so drawn at once instead of at the charts' live-update pace.
    m_dashboard->refreshNow();
    m_configModel->setRuns(columns);
    updateConfigCaption();
    m_stack->setCurrentIndex(1);
    const QString emptyText =
        anyPoints ? tr("Not logged by these runs") : tr("None of these runs logged metrics");
    for (int panel = 0; panel < MetricDashboard::PanelCount; ++panel)
        m_dashboard->chart(MetricDashboard::Panel(panel))->setEmptyText(emptyText);
}

void RunComparisonView::showError(const QString &reason)
{
    m_message->setMessage(MessagePanel::Kind::Error, tr("Cannot compare the runs"), reason);
    m_stack->setCurrentWidget(m_message);
}

bool RunComparisonView::isShowingMetrics() const
{
    return m_stack->currentIndex() == 1;
}

QString RunComparisonView::titleText() const
{
    return m_title->text();
}

QString RunComparisonView::messageText() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

void RunComparisonView::updateConfigCaption()
{
    const QLocale locale;
    const int differing = m_configModel->differingKeyCount();
    if (m_configModel->rowCount() == 0)
        m_configCaption->setText(differing == 0 && !m_showIdentical->isChecked()
                                     ? tr("The runs have the same parameters.")
                                     : tr("No parameters recorded."));
    else
        m_configCaption->setText(differing == 1
                                     ? tr("1 parameter differs.")
                                     : tr("%1 parameters differ.").arg(locale.toString(differing)));
}

} // namespace mf
