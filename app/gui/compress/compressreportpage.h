#pragma once

#include "app/gui/compress/compresssettings.h"

#include <QWizardPage>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace mf {

class ModelFileSaver;
class ParetoChart;

/// Step 4 of the Compress wizard: the measured source and variants in a table, two Pareto
/// charts (accuracy against file size and against batch-64 latency), the notes and int8 layer
/// decisions, export to JSON or CSV, and each model saved as a file the CLI loads.
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

    /// The workspace the report's runs are in, for saving their model files.
    void setWorkspaceDir(const QString &dir) { m_workspaceDir = dir; }
    /// The run of table row `row` (the source or a variant), or -1.
    qint64 runOfRow(int row) const;
    /// Writes the model file of the run in table row `row` on a thread of its own.
    bool saveModelFile(int row, const QString &path);
    ModelFileSaver *modelFileSaver() const { return m_saver; }
    QPushButton *saveModelButton() const { return m_saveModel; }

private:
    void chooseAndExport(bool json);
    void chooseAndSaveModel();
    void updateSaveButton();

    SharedReport m_report;
    QTableWidget *m_table;
    ParetoChart *m_sizeChart;
    ParetoChart *m_latencyChart;
    QTableWidget *m_layers;
    QPushButton *m_exportJson;
    QPushButton *m_exportCsv;
    QPushButton *m_saveModel;
    QLabel *m_savedNote = nullptr;
    ModelFileSaver *m_saver;
    QString m_workspaceDir;
};

} // namespace mf
