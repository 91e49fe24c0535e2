#include "widgets/metricdashboard.h"

#include "widgets/metricchart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

#include <cmath>

namespace mf {

namespace {
constexpr int kSliderSteps = 99; // 0 .. 0.99 in hundredths
}

MetricDashboard::MetricDashboard(QWidget *parent)
    : QWidget(parent), m_smoothingSlider(new QSlider(Qt::Horizontal)), m_smoothingValue(new QLabel),
      m_xAxisBox(new QComboBox), m_logScale(new QCheckBox(tr("Log loss"))), m_grid(new QWidget)
{
    const QString titles[PanelCount] = {tr("Loss"), tr("Accuracy"), tr("Learning rate"),
                                        tr("Samples per second")};
    for (int p = 0; p < PanelCount; ++p) {
        m_charts[p] = new MetricChart;
        m_charts[p]->setTitle(titles[p]);
        m_charts[p]->setYAxisTitle(QString());
        m_charts[p]->setEmptyText(tr("No values yet"));
        m_charts[p]->setMinimumSize(200, 170);
    }
    // The loss is what a user watches during a run: it gets half the budget, so it redraws
    // about three times as often as the other panels.
    m_charts[LossPanel]->setRefreshBudget(kLiveRefreshBudget / 2.0);
    for (int p = AccuracyPanel; p < PanelCount; ++p)
        m_charts[p]->setRefreshBudget(kLiveRefreshBudget / 2.0 / (PanelCount - 1));
    m_charts[LearningRatePanel]->setSmoothing(0.0);

    m_smoothingSlider->setRange(0, kSliderSteps);
    m_smoothingSlider->setValue(60);
    m_smoothingSlider->setToolTip(
        tr("Exponential moving average with TensorBoard's debiasing; 0 shows the raw values."));
    m_smoothingValue->setMinimumWidth(
        m_smoothingValue->fontMetrics().horizontalAdvance(QStringLiteral("0.00")) + 4);
    m_xAxisBox->addItem(tr("Step"), int(XAxis::Step));
    m_xAxisBox->addItem(tr("Epoch"), int(XAxis::Epoch));
    m_xAxisBox->addItem(tr("Wall time (s)"), int(XAxis::WallTime));
    m_logScale->setToolTip(tr("Logarithmic y axis for the loss"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Smoothing")));
    controls->addWidget(m_smoothingSlider, 1);
    controls->addWidget(m_smoothingValue);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("X axis")));
    controls->addWidget(m_xAxisBox);
    controls->addSpacing(12);
    controls->addWidget(m_logScale);
    controls->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_grid, 1);
    new QGridLayout(m_grid);
    m_grid->layout()->setContentsMargins(0, 0, 0, 0);
    layoutCharts();

    connect(m_smoothingSlider, &QSlider::valueChanged, this, [this](int value) {
        for (int p = 0; p < PanelCount; ++p)
            if (p != LearningRatePanel)
                m_charts[p]->setSmoothing(value / 100.0);
        updateSmoothingLabel();
    });
    connect(m_xAxisBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setXAxis(XAxis(m_xAxisBox->itemData(index).toInt())); });
    connect(m_logScale, &QCheckBox::toggled, this,
            [this](bool on) { m_charts[LossPanel]->setLogScale(on); });
    setSmoothing(0.6);
    updateSmoothingLabel();
}

MetricDashboard::~MetricDashboard() = default;

int MetricDashboard::panelForMetric(const QString &metricKey)
{
    if (metricKey == QLatin1String("lr"))
        return LearningRatePanel;
    if (metricKey == QLatin1String("samples_per_second"))
        return ThroughputPanel;
    if (metricKey.endsWith(QLatin1String("loss")))
        return LossPanel;
    if (metricKey.endsWith(QLatin1String("accuracy")))
        return AccuracyPanel;
    return -1;
}

void MetricDashboard::addSamples(const QString &metricKey, const QString &series,
                                 const QVector<MetricSample> &samples, Density density,
                                 const QColor &color)
{
    const int panel = panelForMetric(metricKey);
    if (panel < 0)
        return;
    auto it = m_series.find(series);
    if (it == m_series.end()) {
        it = m_series.insert(series, Series{panel, {}});
        MetricChart *chart = m_charts[panel];
        chart->setSeries(series, {});
        chart->setSeriesColor(series, color);
        if (density == Density::Sparse) {
            chart->setSeriesSmoothed(series, false);
            chart->setSeriesPenStyle(series, Qt::DashLine);
            chart->setPointMarkersVisible(series, true);
        }
    }
    it->samples += samples;
    m_charts[it->panel]->appendPoints(series, toPoints(samples));
}

void MetricDashboard::setChartLegendsShown(bool shown)
{
    for (MetricChart *chart : m_charts)
        chart->setLegendShown(shown);
}

void MetricDashboard::clear()
{
    m_series.clear();
    for (MetricChart *chart : m_charts)
        chart->clear();
}

void MetricDashboard::refreshNow()
{
    for (MetricChart *chart : m_charts)
        chart->refreshNow();
}

void MetricDashboard::setXAxis(XAxis axis)
{
    const int index = m_xAxisBox->findData(int(axis));
    if (m_xAxisBox->currentIndex() != index) {
        m_xAxisBox->setCurrentIndex(index); // re-enters through the signal
        return;
    }
    if (axis == m_xAxis)
        return;
    m_xAxis = axis;
    redrawAll();
    Q_EMIT xAxisChanged(axis);
}

void MetricDashboard::setSmoothing(double weight)
{
    m_smoothingSlider->setValue(int(std::lround(qBound(0.0, weight, 0.99) * 100.0)));
}

double MetricDashboard::smoothing() const
{
    return m_smoothingSlider->value() / 100.0;
}

void MetricDashboard::setLossLogScale(bool on)
{
    m_logScale->setChecked(on);
}

bool MetricDashboard::lossLogScale() const
{
    return m_logScale->isChecked();
}

void MetricDashboard::setSingleRow(bool singleRow)
{
    if (singleRow == m_singleRow)
        return;
    m_singleRow = singleRow;
    layoutCharts();
}

QVector<MetricSample> MetricDashboard::samples(const QString &series) const
{
    return m_series.value(series).samples;
}

double MetricDashboard::xOf(const MetricSample &sample) const
{
    switch (m_xAxis) {
    case XAxis::Epoch:
        return sample.epoch;
    case XAxis::WallTime:
        return sample.wallSeconds;
    case XAxis::Step:
        break;
    }
    return sample.step;
}

QVector<QPointF> MetricDashboard::toPoints(const QVector<MetricSample> &samples) const
{
    QVector<QPointF> points;
    points.reserve(samples.size());
    for (const MetricSample &s : samples)
        points.append(QPointF(xOf(s), s.value));
    return points;
}

void MetricDashboard::redrawAll()
{
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it)
        m_charts[it->panel]->setSeries(it.key(), toPoints(it->samples));
    for (MetricChart *chart : m_charts) {
        chart->setXAxisTitle(xTitle());
        chart->resetView();
    }
}

void MetricDashboard::layoutCharts()
{
    auto *grid = static_cast<QGridLayout *>(m_grid->layout());
    for (int p = 0; p < PanelCount; ++p) {
        grid->removeWidget(m_charts[p]);
        if (m_singleRow)
            grid->addWidget(m_charts[p], 0, p);
        else
            grid->addWidget(m_charts[p], p / 2, p % 2);
    }
    for (MetricChart *chart : m_charts)
        chart->setXAxisTitle(xTitle());
}

void MetricDashboard::updateSmoothingLabel()
{
    m_smoothingValue->setText(QString::number(smoothing(), 'f', 2));
}

QString MetricDashboard::xTitle() const
{
    switch (m_xAxis) {
    case XAxis::Epoch:
        return tr("Epoch");
    case XAxis::WallTime:
        return tr("Wall time (s)");
    case XAxis::Step:
        break;
    }
    return tr("Step");
}

} // namespace mf
