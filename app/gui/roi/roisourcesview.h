#pragma once

#include "core/roi/runfill.h"
#include "core/roi/scenario.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace mf {

/// Where the scenario's measured figures came from: the runs it was filled from, and what the
/// last fill wrote (input, value, source) and left alone (notes).
class RoiSourcesView : public QWidget
{
    Q_OBJECT
public:
    explicit RoiSourcesView(QWidget *parent = nullptr);
    ~RoiSourcesView() override;

    void setScenario(const roi::Scenario &scenario);
    void setReport(const roi::FillReport &report);
    void clearReport();
    const roi::FillReport &report() const { return m_report; }

    QLabel *runsLabel() const { return m_runs; }
    QTreeWidget *filledList() const { return m_filled; }
    QLabel *notesLabel() const { return m_notes; }

private:
    void showReport();

    roi::FillReport m_report;
    QString m_currency;
    QLabel *m_runs;
    QTreeWidget *m_filled;
    QLabel *m_notes;
};

} // namespace mf
