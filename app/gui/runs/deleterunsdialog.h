#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QCheckBox;
class QLabel;
class QPushButton;

namespace mf {

/// Asks before runs are deleted, naming each of them, and offers to delete their files (the
/// run directories with checkpoints and cached evaluations) too; that is off by default.
class DeleteRunsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Run
    {
        qint64 id = 0;
        QString name;
    };
    /// At most this many runs are named; the rest are counted.
    static constexpr int kNamedRuns = 12;

    /// `runsDirectory`: where the run directories are (<workspace>/runs).
    DeleteRunsDialog(const QList<Run> &runs, const QString &runsDirectory,
                     QWidget *parent = nullptr);
    ~DeleteRunsDialog() override;

    bool deleteFiles() const;
    QString text() const;
    QCheckBox *deleteFilesBox() const { return m_deleteFiles; }
    QPushButton *deleteButton() const { return m_deleteButton; }

private:
    QLabel *m_text;
    QCheckBox *m_deleteFiles;
    QPushButton *m_deleteButton;
};

} // namespace mf
