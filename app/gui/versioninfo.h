#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace mf {

/// The versions of ModelForge and of the libraries it runs on, for the About box.
class VersionInfo
{
public:
    /// (component, version) pairs: ModelForge, Qt (run time), LibTorch (build time), SQLite.
    static QList<QPair<QString, QString>> components();
    static QString modelForgeVersion();
};

} // namespace mf
