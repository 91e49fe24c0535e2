#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace mf {

class MainWindow;

/// Renders every enabled section, and then the whole window, to PNG files: section-<key>.png and
/// mainwindow.png. Waits for the runs to load and selects the first run (or the runs asked
/// for: several are compared), so that the pictures show what a user would see.
class ScreenshotWriter : public QObject
{
    Q_OBJECT
public:
    ScreenshotWriter(MainWindow *window, const QString &directory, QObject *parent = nullptr);
    ~ScreenshotWriter() override;

    /// Starts; finished() follows once every file is written or something failed.
    void start();
    /// Selects these runs in the Runs section instead of the first one; call before start().
    void setRunSelection(const QList<qint64> &runIds) { m_selection = runIds; }
    QStringList writtenFiles() const { return m_written; }
    QString errorString() const { return m_error; }

    /// How long to wait for the store before rendering whatever is shown.
    static constexpr int loadTimeoutMs = 15000;

Q_SIGNALS:
    void finished(bool ok);

private:
    void onRunsReady();
    void render();
    bool save(QWidget *widget, const QString &fileName);
    void finish(bool ok);
    QString selectionText() const;

    MainWindow *m_window;
    QString m_directory;
    QStringList m_written;
    QString m_error;
    QList<qint64> m_selection;
    bool m_rendering = false;
    bool m_selecting = false;
};

} // namespace mf
