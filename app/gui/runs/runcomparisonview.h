#pragma once

#include "app/gui/store/runmetrics.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QStackedWidget;
class QTableView;

namespace mf {

class ConfigDiffModel;
class MessagePanel;
class MetricDashboard;

/// Several runs side by side: their curves overlaid in one MetricDashboard (series "#12
/// train_loss"; per-epoch metrics drawn sparse) and a table of the parameters whose values
/// differ between them, with a switch to list the identical ones too.
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

private:
    void updateConfigCaption();

    QLabel *m_title;
    QStackedWidget *m_stack;
    MessagePanel *m_message;
    MetricDashboard *m_dashboard;
    ConfigDiffModel *m_configModel;
    QTableView *m_configView;
    QCheckBox *m_showIdentical;
    QLabel *m_configCaption;
    QList<qint64> m_runIds;
};

} // namespace mf
