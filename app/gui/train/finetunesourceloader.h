#pragma once

#include "app/gui/train/finetunesource.h"

#include <QObject>
#include <QString>

namespace mf {

/// Lists the runs a new run can start from: the finished runs of a workspace's store that kept a
/// checkpoint, newest first. The store is read off the GUI thread.
/// Threading: GUI thread; `loaded` and `failed` are emitted on it.
class FineTuneSourceLoader : public QObject
{
    Q_OBJECT
public:
    explicit FineTuneSourceLoader(QObject *parent = nullptr);
    ~FineTuneSourceLoader() override;

    /// Reads the store of `workspaceDir` in the background; only the answer to the latest
    /// request is delivered. A store that cannot be read delivers nothing: the Runs section
    /// says why, and the list offered stays as it was.
    void load(const QString &workspaceDir);

Q_SIGNALS:
    void loaded(const mf::FineTuneSources &sources);

private:
    quint64 m_latest = 0;
};

} // namespace mf
