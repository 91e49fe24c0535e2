#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace mf {

class MainWindow;

/// Renders every enabled section, and then the whole window, to PNG files: section-<key>.png and
/// mainwindow.png. Waits for the runs to load and selects the first run, so that the pictures
/// show what a user would see.
class ScreenshotWriter : public QObject
{
    Q_OBJECT
public:
    ScreenshotWriter(MainWindow *window, const QString &directory, QObject *parent = nullptr);
    ~ScreenshotWriter() override;

    /// Starts; finished() follows once every file is written or something failed.
    void start();
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

    MainWindow *m_window;
    QString m_directory;
    QStringList m_written;
    QString m_error;
    bool m_rendering = false;
};

} // namespace mf
