#include "app/gui/datasets/datasetfiledialog.h"

#include <QFileInfo>

namespace mf {

DatasetFileDialog::DatasetFileDialog(QWidget *parent, const QString &directory)
    : QFileDialog(parent, tr("Open Dataset"), directory)
{
    setObjectName(QStringLiteral("datasetFileDialog"));
    // The platform dialogs choose files or folders, never either.
    setOption(QFileDialog::DontUseNativeDialog);
    setFileMode(QFileDialog::ExistingFile);
    setAcceptMode(QFileDialog::AcceptOpen);
    setNameFilters({tr("Datasets (*.csv *.tsv *.jsonl *.ndjson *.bin *.gz *-ubyte *ubyte)"),
                    tr("All files (*)")});
    setLabelText(QFileDialog::Accept, tr("&Open"));
}

DatasetFileDialog::~DatasetFileDialog() = default;

void DatasetFileDialog::accept()
{
    const QStringList selected = selectedFiles();
    const QString path = selected.isEmpty() ? directory().absolutePath() : selected.first();
    const QFileInfo info(path);
    if (info.isDir()) {
        m_chosen = info.absoluteFilePath();
        QDialog::accept();
        return;
    }
    QFileDialog::accept();
    if (result() == QDialog::Accepted)
        m_chosen = info.absoluteFilePath();
}

} // namespace mf
