#include "app/gui/runs/runcomparisonview.h"

#include "app/gui/runs/configdiffmodel.h"
#include "widgets/colorlegend.h"
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

#include <map>

namespace mf {

namespace {

/// The widest a run's column in the differences table starts; its header elides in the middle.
constexpr int kMaxConfigColumnWidth = 260;

/// The step at which a run's first epoch ended, read from any per-epoch series; -1 if none.
double firstEpochEndStep(const RunMetrics &run)
{
    for (const RunMetricSeries &series : run.series) {
        if (!series.perEpoch)
            continue;
        for (const MetricSample &sample : series.samples)
            if (sample.epoch == 1.0)
                return sample.step;
    }
    return -1.0;
}

} // namespace

RunComparisonView::RunComparisonView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel), m_stack(new QStackedWidget),
      m_message(new MessagePanel), m_dashboard(new MetricDashboard),
      m_configModel(new ConfigDiffModel(this)), m_configView(new QTableView),
      m_showIdentical(new QCheckBox(tr("Show identical values"))), m_configCaption(new QLabel),
      m_legend(new ColorLegend), m_alignment(new QLabel)
{
    setObjectName(QStringLiteral("runComparisonView"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);

    m_dashboard->setObjectName(QStringLiteral("comparisonDashboard"));
    // One legend above the charts names each run once; per-chart legends of eight series each
    // left no room for their names.
    m_dashboard->setChartLegendsShown(false);
    m_legend->setObjectName(QStringLiteral("comparisonLegend"));
    m_alignment->setObjectName(QStringLiteral("comparisonAlignment"));
    m_alignment->setWordWrap(true);
    m_alignment->setTextFormat(Qt::PlainText);
    m_alignment->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_alignment->hide();
    connect(m_dashboard, &MetricDashboard::xAxisChanged, this,
            &RunComparisonView::updateAlignmentNote);

    m_configView->setObjectName(QStringLiteral("configDiffTable"));
    m_configView->setModel(m_configModel);
    m_configView->verticalHeader()->hide();
    m_configView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_configView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_configView->setAlternatingRowColors(true);
    m_configView->setShowGrid(false);
    m_configView->setWordWrap(false);
    m_configView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_configView->horizontalHeader()->setStretchLastSection(true);
    m_configView->horizontalHeader()->setTextElideMode(Qt::ElideMiddle);
    m_configView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_configView->setTextElideMode(Qt::ElideMiddle);
    m_configView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
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

    auto *charts = new QWidget;
    auto *chartsLayout = new QVBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(m_legend);
    chartsLayout->addWidget(m_alignment);
    chartsLayout->addWidget(m_dashboard, 1);

    auto *content = new QSplitter(Qt::Vertical);
    content->setObjectName(QStringLiteral("comparisonSplitter"));
    content->setChildrenCollapsible(false);
    content->addWidget(charts);
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
    m_colors.clear();
    QVector<ConfigDiffModel::Column> columns;
    QVector<ColorLegend::Entry> entries;
    bool anyPoints = false;
    bool anyTrainPerEpoch = false;
    std::map<double, QStringList> runsByEpochEnd;
    for (std::size_t i = 0; i < metrics.runs.size(); ++i) {
        const RunMetrics &run = metrics.runs[i];
        const QColor color = MetricChart::paletteColor(int(i));
        m_colors.insert(run.run.id, color);
        const QString title =
            QStringLiteral("#%1 %2").arg(run.run.id).arg(QString::fromStdString(run.run.name));
        columns.append({run.run.id, title, run.params, color});
        entries.append({color, title});
        const double epochEnd = firstEpochEndStep(run);
        if (epochEnd > 0.0)
            runsByEpochEnd[epochEnd].append(QStringLiteral("#%1").arg(run.run.id));
        for (const RunMetricSeries &series : run.series) {
            const int panel = MetricDashboard::panelForMetric(series.key);
            if (panel < 0 || series.samples.isEmpty())
                continue;
            anyPoints = true;
            const QString name = comparisonSeriesName(run.run.id, series.key);
            m_dashboard->addSamples(series.key, name, series.samples,
                                    series.perEpoch ? MetricDashboard::Density::Sparse
                                                    : MetricDashboard::Density::Dense,
                                    color);
            // Validation is dashed; any other per-epoch series (training accuracy) dotted.
            if (series.perEpoch && !series.key.startsWith(QLatin1String("val_"))) {
                m_dashboard->chart(MetricDashboard::Panel(panel))
                    ->setSeriesPenStyle(name, Qt::DotLine);
                anyTrainPerEpoch = true;
            }
        }
    }
    QVector<ColorLegend::StyleKey> styles{
        {Qt::SolidLine, 2.0, 1.0, false, tr("smoothed")},
        {Qt::SolidLine, 1.0, 0.3, false, tr("raw")},
        {Qt::DashLine, 2.0, 1.0, true, tr("validation, per epoch")},
    };
    if (anyTrainPerEpoch)
        styles.append({Qt::DotLine, 2.0, 1.0, true, tr("training, per epoch")});
    m_legend->setEntries(entries, styles);
    m_unevenEpochs.clear();
    if (runsByEpochEnd.size() > 1) {
        const QLocale locale;
        for (const auto &[step, runs] : runsByEpochEnd)
            m_unevenEpochs.append(
                tr("%1: %2 steps")
                    .arg(runs.join(QStringLiteral(", ")), locale.toString(qint64(step))));
        // Step n of one run is not step n of another: align them by epoch unless the user
        // chose wall time.
        if (m_dashboard->xAxis() == MetricDashboard::XAxis::Step)
            m_dashboard->setXAxis(MetricDashboard::XAxis::Epoch);
    }
    updateAlignmentNote();
    // Loaded at once, so drawn at once instead of at the charts' live-update pace.
    m_dashboard->refreshNow();
    m_configModel->setRuns(columns);
    fitConfigColumns();
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

QString RunComparisonView::alignmentText() const
{
    return m_alignment->isHidden() ? QString() : m_alignment->text();
}

QColor RunComparisonView::runColor(qint64 runId) const
{
    return m_colors.value(runId);
}

void RunComparisonView::updateAlignmentNote()
{
    if (m_unevenEpochs.isEmpty()) {
        m_alignment->clear();
        m_alignment->hide();
        return;
    }
    const QString perEpoch = m_unevenEpochs.join(QStringLiteral("; "));
    m_alignment->setText(
        m_dashboard->xAxis() == MetricDashboard::XAxis::Step
            ? tr("Steps do not compare: an epoch ends at a different step in each run (%1). "
                 "Choose Epoch to align them.")
                  .arg(perEpoch)
            : tr("An epoch ends at a different step in each run (%1), as with different batch "
                 "sizes: steps do not compare, epochs do.")
                  .arg(perEpoch));
    m_alignment->show();
}

void RunComparisonView::fitConfigColumns()
{
    m_configView->resizeColumnsToContents();
    QHeaderView *header = m_configView->horizontalHeader();
    for (int column = 0; column < header->count(); ++column)
        if (header->sectionSize(column) > kMaxConfigColumnWidth)
            header->resizeSection(column, kMaxConfigColumnWidth);
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
