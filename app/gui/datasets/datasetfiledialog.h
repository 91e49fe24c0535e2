#pragma once

#include <QFileDialog>

namespace mf {

/// A dialog that opens a dataset. In Folder mode it lists folders only and Open chooses the
/// folder selected, or the one shown (the standard layouts, MNIST, CIFAR, image classes, are
/// folders). In File mode it lists dataset files (and folders to walk into); Open with a folder
/// selected still chooses that folder.
class DatasetFileDialog : public QFileDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Folder,
        File
    };

    explicit DatasetFileDialog(QWidget *parent = nullptr, const QString &directory = QString(),
                               Mode mode = Mode::File);
    ~DatasetFileDialog() override;

    /// The file or folder chosen; empty until the dialog was accepted.
    QString chosenPath() const { return m_chosen; }

public Q_SLOTS:
    void accept() override;

private:
    QString m_chosen;
};

} // namespace mf
