#pragma once

#include "app/gui/compress/compresssettings.h"

#include <QWizardPage>

#include <memory>

class QPushButton;
class QTableWidget;

namespace mf {

class ParetoChart;

/// Step 4 of the Compress wizard: the measured source and variants in a table, two Pareto
/// charts (accuracy against file size and against batch-64 latency), the notes and int8 layer
/// decisions, and export to JSON or CSV.
class CompressReportPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CompressReportPage(QWidget *parent = nullptr);
    ~CompressReportPage() override;

    void setReport(const SharedReport &report);
    const CompressionReport *report() const { return m_report.get(); }
    QTableWidget *table() const { return m_table; }
    QTableWidget *layerTable() const { return m_layers; }
    ParetoChart *sizeChart() const { return m_sizeChart; }
    ParetoChart *latencyChart() const { return m_latencyChart; }

    bool exportJson(const QString &path);
    bool exportCsv(const QString &path);

private:
    void chooseAndExport(bool json);

    SharedReport m_report;
    QTableWidget *m_table;
    ParetoChart *m_sizeChart;
    ParetoChart *m_latencyChart;
    QTableWidget *m_layers;
    QPushButton *m_exportJson;
    QPushButton *m_exportCsv;
};

} // namespace mf
