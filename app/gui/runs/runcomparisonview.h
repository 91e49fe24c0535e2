#pragma once

#include "app/gui/store/runmetrics.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QStackedWidget;
class QTableView;

namespace mf {

class ColorLegend;
class ConfigDiffModel;
class MessagePanel;
class MetricDashboard;

/// Several runs side by side: their curves overlaid in one MetricDashboard (series "#12
/// train_loss"; per-epoch metrics drawn sparse) and a table of the parameters whose values
/// differ between them, with a switch to list the identical ones too. Each run has one colour
/// in every chart and in the table's header; each kind of series one line style, named once in
/// a legend above the charts. Runs whose epochs end at different steps are aligned by epoch.
class RunComparisonView : public QWidget
{
    Q_OBJECT
public:
    explicit RunComparisonView(QWidget *parent = nullptr);
    ~RunComparisonView() override;

    /// Shows that the runs' metrics are being read.
    void showLoading(const QList<qint64> &runIds);
    void showMetrics(const RunsMetrics &metrics);
    void showError(const QString &reason);

    /// The runs shown (or being loaded), by id.
    QList<qint64> runIds() const { return m_runIds; }
    bool isShowingMetrics() const;
    QString titleText() const;
    QString messageText() const;

    MetricDashboard *dashboard() const { return m_dashboard; }
    ConfigDiffModel *configModel() const { return m_configModel; }
    QTableView *configView() const { return m_configView; }
    QCheckBox *showIdenticalBox() const { return m_showIdentical; }
    ColorLegend *legend() const { return m_legend; }
    /// Why the runs are aligned by epoch (or should be); empty when their steps compare.
    QString alignmentText() const;
    /// The colour of run `runId` in the comparison shown (invalid for a run not shown).
    QColor runColor(qint64 runId) const;

private:
    void updateConfigCaption();
    void updateAlignmentNote();
    void fitConfigColumns();

    QLabel *m_title;
    QStackedWidget *m_stack;
    MessagePanel *m_message;
    MetricDashboard *m_dashboard;
    ConfigDiffModel *m_configModel;
    QTableView *m_configView;
    QCheckBox *m_showIdentical;
    QLabel *m_configCaption;
    ColorLegend *m_legend;
    QLabel *m_alignment;
    QList<qint64> m_runIds;
    QHash<qint64, QColor> m_colors;
    /// Steps per epoch of each run shown, "#12: 422"; empty when every run has the same.
    QStringList m_unevenEpochs;
};

} // namespace mf
