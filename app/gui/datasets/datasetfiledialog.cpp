#include "app/gui/datasets/datasetfiledialog.h"

#include <QFileInfo>

namespace mf {

DatasetFileDialog::DatasetFileDialog(QWidget *parent, const QString &directory, Mode mode)
    : QFileDialog(parent,
                  mode == Mode::Folder ? tr("Open Dataset Folder") : tr("Open Dataset File"),
                  directory)
{
    setObjectName(QStringLiteral("datasetFileDialog"));
    // The platform dialogs choose files or folders, never either.
    setOption(QFileDialog::DontUseNativeDialog);
    setAcceptMode(QFileDialog::AcceptOpen);
    if (mode == Mode::Folder) {
        setFileMode(QFileDialog::Directory);
        setOption(QFileDialog::ShowDirsOnly);
    } else {
        setFileMode(QFileDialog::ExistingFile);
        setNameFilters({tr("Datasets (*.csv *.tsv *.jsonl *.ndjson *.bin *.gz *-ubyte *ubyte)"),
                        tr("All files (*)")});
    }
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
