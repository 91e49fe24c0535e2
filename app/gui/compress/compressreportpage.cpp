#include "app/gui/compress/compressreportpage.h"

#include "app/gui/compress/paretochart.h"
#include "app/gui/runs/modelfilesaver.h"
#include "core/compress/compressionreport.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mf {

namespace {

QTableWidgetItem *numberItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget *makeTable(const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setWordWrap(false);
    return table;
}

} // namespace

CompressReportPage::CompressReportPage(QWidget *parent)
    : QWizardPage(parent),
      m_table(makeTable({tr("Model"), tr("Technique"), tr("Parameters"), tr("Non-zero"),
                         tr("File KiB"), tr("Batch 1 ms"), tr("Batch 1 p95"), tr("Batch 64 ms"),
                         tr("Batch 64 p95"), tr("Samples/s"), tr("Accuracy"), tr("Delta"),
                         tr("Size ratio"), tr("Speed-up"), tr("Notes")})),
      m_sizeChart(new ParetoChart), m_latencyChart(new ParetoChart),
      m_layers(makeTable({tr("Variant"), tr("Layer"), tr("Precision"), tr("Reason")})),
      m_exportJson(new QPushButton(tr("Export JSON…"))),
      m_exportCsv(new QPushButton(tr("Export CSV…"))),
      m_saveModel(new QPushButton(tr("Save Model File…"))), m_saver(new ModelFileSaver(this))
{
    setTitle(tr("Report"));
    setSubTitle(tr("Measured on this machine. Latency is the median (and p95) of forward passes "
                   "after warm-up; speed-up is at batch 64."));
    setFinalPage(true);
    m_table->setObjectName(QStringLiteral("compressReportTable"));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_layers->setObjectName(QStringLiteral("compressLayerTable"));
    m_layers->horizontalHeader()->setStretchLastSection(true);
    m_exportJson->setObjectName(QStringLiteral("exportJson"));
    m_exportCsv->setObjectName(QStringLiteral("exportCsv"));
    connect(m_exportJson, &QPushButton::clicked, this, [this] { chooseAndExport(true); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseAndExport(false); });
    m_saveModel->setObjectName(QStringLiteral("saveModelFile"));
    m_saveModel->setToolTip(tr("Write the selected model as one file that modelforge-cli eval "
                               "and predict load"));
    connect(m_saveModel, &QPushButton::clicked, this, &CompressReportPage::chooseAndSaveModel);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            &CompressReportPage::updateSaveButton);
    m_savedNote = new QLabel;
    m_savedNote->setObjectName(QStringLiteral("saveModelNote"));
    m_savedNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_saver, &ModelFileSaver::saved, this,
            [this](qint64 runId, const QString &path, const QString &precision, qint64 bytes) {
                m_savedNote->setText(tr("Saved the %1 model of run #%2 to %3 (%4).")
                                         .arg(precision, QString::number(runId),
                                              QDir::toNativeSeparators(path),
                                              QLocale().formattedDataSize(bytes)));
                updateSaveButton();
            });
    connect(m_saver, &ModelFileSaver::failed, this,
            [this](qint64 runId, const QString &path, const QString &reason) {
                m_savedNote->setText(QString());
                updateSaveButton();
                QMessageBox::warning(
                    this, tr("Save Model File"),
                    tr("Could not save the model of run #%1 to %2: %3")
                        .arg(QString::number(runId), QDir::toNativeSeparators(path), reason));
            });
    updateSaveButton();

    auto *charts = new QWidget;
    auto *chartsLayout = new QHBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(m_sizeChart);
    chartsLayout->addWidget(m_latencyChart);
    auto *tabs = new QTabWidget;
    tabs->addTab(charts, tr("Trade-offs"));
    tabs->addTab(m_layers, tr("Notes and int8 layers"));
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("compressReportSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(1, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_savedNote, 1);
    buttons->addWidget(m_saveModel);
    buttons->addWidget(m_exportJson);
    buttons->addWidget(m_exportCsv);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
}

CompressReportPage::~CompressReportPage() = default;

qint64 CompressReportPage::runOfRow(int row) const
{
    const QTableWidgetItem *name = m_table->item(row, 0);
    if (!name)
        return -1;
    // Measurements are named after their run: "run 12".
    bool ok = false;
    const qint64 run = name->text().section(QLatin1Char(' '), 1).toLongLong(&ok);
    return ok && name->text().startsWith(QLatin1String("run ")) ? run : -1;
}

bool CompressReportPage::saveModelFile(int row, const QString &path)
{
    const qint64 run = runOfRow(row);
    if (run < 0 || m_workspaceDir.isEmpty() || !m_saver->save(run, m_workspaceDir, path))
        return false;
    m_savedNote->setText(tr("Saving the model of run #%1…").arg(run));
    updateSaveButton();
    return true;
}

void CompressReportPage::chooseAndSaveModel()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const qint64 run = runOfRow(rows.first().row());
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Model File"),
        QDir(QDir::homePath()).filePath(QStringLiteral("run-%1.mfmodel").arg(run)),
        tr("ModelForge models (*.mfmodel)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".mfmodel");
    saveModelFile(rows.first().row(), path);
}

void CompressReportPage::updateSaveButton()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_saveModel->setEnabled(rows.size() == 1 && runOfRow(rows.first().row()) >= 0 &&
                            !m_saver->busy() && !m_workspaceDir.isEmpty());
}

void CompressReportPage::setReport(const SharedReport &shared)
{
    m_report = shared;
    m_savedNote->setText(QString());
    m_table->setRowCount(0);
    m_layers->setRowCount(0);
    if (!m_report)
        return;
    const CompressionReport &report = *m_report;
    const QLocale locale;
    const auto ms = [&](double value) { return locale.toString(value, 'f', 3); };
    m_table->setRowCount(0);
    QVector<ParetoPoint> bySize, byLatency;
    const auto addRow = [&](const VariantMeasurement &m, const QString &technique,
                            const QString &notes) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const VariantDelta delta = m.deltaAgainst(report.source);
        const bool isSource = row == 0;
        const QString name = QString::fromStdString(m.name);
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(row, 1, new QTableWidgetItem(technique));
        m_table->setItem(row, 2, numberItem(locale.toString(qint64(m.parameters))));
        m_table->setItem(row, 3, numberItem(locale.toString(qint64(m.nonZeroParameters))));
        m_table->setItem(row, 4, numberItem(locale.toString(double(m.fileBytes) / 1024.0, 'f', 1)));
        m_table->setItem(row, 5, numberItem(ms(m.batch1.medianMs)));
        m_table->setItem(row, 6, numberItem(ms(m.batch1.p95Ms)));
        m_table->setItem(row, 7, numberItem(ms(m.batch64.medianMs)));
        m_table->setItem(row, 8, numberItem(ms(m.batch64.p95Ms)));
        m_table->setItem(row, 9, numberItem(locale.toString(m.throughput, 'f', 0)));
        m_table->setItem(
            row, 10, numberItem(locale.toString(m.accuracy * 100.0, 'f', 2) + QLatin1Char('%')));
        m_table->setItem(
            row, 11,
            numberItem(isSource ? QString() : locale.toString(delta.accuracyPoints, 'f', 2)));
        m_table->setItem(
            row, 12, numberItem(isSource ? QString() : locale.toString(delta.sizeRatio, 'f', 3)));
        m_table->setItem(row, 13,
                         numberItem(isSource ? QString()
                                             : locale.toString(delta.speedupBatch64, 'f', 2) +
                                                   QStringLiteral("×")));
        m_table->setItem(row, 14, new QTableWidgetItem(notes));
        const QString label = isSource ? tr("source") : technique;
        bySize.append({label, double(m.fileBytes) / 1024.0, m.accuracy * 100.0});
        byLatency.append({label, m.batch64.medianMs, m.accuracy * 100.0});
    };
    addRow(report.source, tr("source"), QString());
    m_layers->setRowCount(0);
    const auto addLayerRow = [&](const QString &variant, const QString &layer,
                                 const QString &precision, const QString &reason) {
        const int row = m_layers->rowCount();
        m_layers->insertRow(row);
        m_layers->setItem(row, 0, new QTableWidgetItem(variant));
        m_layers->setItem(row, 1, new QTableWidgetItem(layer));
        m_layers->setItem(row, 2, new QTableWidgetItem(precision));
        m_layers->setItem(row, 3, new QTableWidgetItem(reason));
        m_layers->item(row, 3)->setToolTip(reason);
    };
    for (const ReportedVariant &variant : report.variants) {
        const QString technique = QString::fromStdString(variant.technique);
        QStringList notes;
        for (const std::string &note : variant.notes) {
            notes.append(QString::fromStdString(note));
            addLayerRow(technique, QString(), tr("note"), QString::fromStdString(note));
        }
        for (const LayerDecision &layer : variant.layers)
            addLayerRow(technique, QString::fromStdString(layer.layer),
                        QString::fromStdString(layer.precision),
                        QString::fromStdString(layer.reason));
        addRow(variant.measurement, technique, notes.join(QStringLiteral("; ")));
    }
    m_table->resizeColumnsToContents();
    m_sizeChart->setPoints(tr("Accuracy against file size"), tr("File size (KiB)"),
                           tr("Accuracy (%)"), bySize);
    m_latencyChart->setPoints(tr("Accuracy against latency"), tr("Batch-64 latency (ms)"),
                              tr("Accuracy (%)"), byLatency);
}

bool CompressReportPage::exportJson(const QString &path)
{
    if (!m_report)
        return false;
    try {
        m_report->writeJson(QFile::encodeName(path).toStdString());
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Export Report"), QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

bool CompressReportPage::exportCsv(const QString &path)
{
    if (!m_report)
        return false;
    try {
        m_report->writeCsv(QFile::encodeName(path).toStdString());
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Export Report"), QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

void CompressReportPage::chooseAndExport(bool json)
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Report"),
        QDir::home().filePath(json ? QStringLiteral("compression-report.json")
                                   : QStringLiteral("compression-report.csv")),
        json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    if (json)
        exportJson(path);
    else
        exportCsv(path);
}

} // namespace mf
