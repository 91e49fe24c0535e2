#pragma once

#include <QObject>
#include <QString>

class QThread;

namespace mf {

/// Writes a run's model file (.mfmodel, the file `modelforge-cli eval` and `predict` load) on
/// a thread of its own, one at a time.
/// Threading: call from the GUI thread; the signals arrive on it.
class ModelFileSaver : public QObject
{
    Q_OBJECT
public:
    explicit ModelFileSaver(QObject *parent = nullptr);
    ~ModelFileSaver() override;

    bool busy() const { return m_thread != nullptr; }
    /// Starts writing run `runId` of the workspace `workspaceDir` to `path`; false while an
    /// earlier save is still running.
    bool save(qint64 runId, const QString &workspaceDir, const QString &path);

Q_SIGNALS:
    /// `precision`: "fp32", "fp32 sparse" or "int8".
    void saved(qint64 runId, const QString &path, const QString &precision, qint64 bytes);
    void failed(qint64 runId, const QString &path, const QString &reason);

private:
    QThread *m_thread = nullptr;
};

} // namespace mf
