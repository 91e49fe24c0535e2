#pragma once

#include <QFileDialog>

namespace mf {

/// A file dialog that opens a file or a folder: a dataset may be either (an MNIST or image
/// folder, a CSV file). Double-clicking a folder enters it; Open with a folder selected (or with
/// nothing selected, the folder shown) chooses that folder.
class DatasetFileDialog : public QFileDialog
{
    Q_OBJECT
public:
    explicit DatasetFileDialog(QWidget *parent = nullptr, const QString &directory = QString());
    ~DatasetFileDialog() override;

    /// The file or folder chosen; empty until the dialog was accepted.
    QString chosenPath() const { return m_chosen; }

public Q_SLOTS:
    void accept() override;

private:
    QString m_chosen;
};

} // namespace mf
