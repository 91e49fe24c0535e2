#pragma once

#include <QColor>
#include <QHash>
#include <QString>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;

namespace mf {

class MetricChart;

/// One logged value with every x it can be drawn against.
struct MetricSample
{
    double step = 0.0;
    double epoch = 0.0; ///< fractional for per-step values: (epoch - 1) + batch / batches
    double wallSeconds = 0.0;
    double value = 0.0;
};

/// The dashboard of a run (or of several overlaid runs): loss, accuracy, learning-rate and
/// throughput charts over a shared x axis (step, epoch or wall time), with one smoothing slider
/// and a log-scale switch for the loss. Series keep every sample, so switching the x axis redraws
/// from full data. Live updates are paced so that the four charts together take at most
/// kLiveRefreshBudget of one core (see RefreshPacer), half of it for the loss. GUI thread only.
class MetricDashboard : public QWidget
{
    Q_OBJECT
public:
    enum Panel
    {
        LossPanel,
        AccuracyPanel,
        LearningRatePanel,
        ThroughputPanel,
        PanelCount
    };
    enum class XAxis
    {
        Step,
        Epoch,
        WallTime
    };
    Q_ENUM(XAxis)
    /// Dense series (one point per step) are smoothed; sparse ones (one per epoch) are drawn raw
    /// with a marker on each point.
    enum class Density
    {
        Dense,
        Sparse
    };

    /// The share of one core the dashboard's data-driven refreshes may take, all charts
    /// together. Training on every core of a small machine loses about this share of its
    /// throughput to the charts, so it is kept low; zoom and settings refresh at once.
    static constexpr double kLiveRefreshBudget = 0.02;

    explicit MetricDashboard(QWidget *parent = nullptr);
    ~MetricDashboard() override;

    /// The panel a metric key belongs to ("train_loss", "val_accuracy", "lr",
    /// "samples_per_second"); -1 for keys no panel shows.
    static int panelForMetric(const QString &metricKey);

    /// Appends samples to series `series` of the panel of `metricKey` (ignored when no panel
    /// shows the key). `series` is the legend name and must be unique within the dashboard.
    /// Sparse series are drawn dashed with a marker on each point. A valid `color` replaces
    /// the panel's next palette colour (a comparison gives each run one).
    void addSamples(const QString &metricKey, const QString &series,
                    const QVector<MetricSample> &samples, Density density = Density::Dense,
                    const QColor &color = QColor());
    /// Whether each chart draws its own legend (the default); a comparison names its runs once
    /// for all charts instead.
    void setChartLegendsShown(bool shown);
    void clear();
    /// Draws pending data now instead of at the charts' next coalesced refresh.
    void refreshNow();

    void setXAxis(XAxis axis);
    XAxis xAxis() const { return m_xAxis; }
    /// 0 to 0.99; applies to every dense series.
    void setSmoothing(double weight);
    double smoothing() const;
    void setLossLogScale(bool on);
    bool lossLogScale() const;
    /// Shows the panels in one row (wide pages) or a 2x2 grid (the default).
    void setSingleRow(bool singleRow);

    MetricChart *chart(Panel panel) const { return m_charts[panel]; }
    QSlider *smoothingSlider() const { return m_smoothingSlider; }
    QComboBox *xAxisBox() const { return m_xAxisBox; }
    QCheckBox *logScaleBox() const { return m_logScale; }
    /// The samples held for `series`, in arrival order.
    QVector<MetricSample> samples(const QString &series) const;

Q_SIGNALS:
    void xAxisChanged(mf::MetricDashboard::XAxis axis);

private:
    struct Series
    {
        int panel = 0;
        QVector<MetricSample> samples;
    };

    double xOf(const MetricSample &sample) const;
    QVector<QPointF> toPoints(const QVector<MetricSample> &samples) const;
    void redrawAll();
    void layoutCharts();
    void updateSmoothingLabel();
    QString xTitle() const;

    MetricChart *m_charts[PanelCount] = {};
    QHash<QString, Series> m_series;
    QSlider *m_smoothingSlider;
    QLabel *m_smoothingValue;
    QComboBox *m_xAxisBox;
    QCheckBox *m_logScale;
    QWidget *m_grid;
    XAxis m_xAxis = XAxis::Step;
    bool m_singleRow = false;
};

} // namespace mf
