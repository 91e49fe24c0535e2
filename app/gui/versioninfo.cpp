#include "app/gui/versioninfo.h"

#include <sqlite3.h>
#include <torch/version.h>

namespace mf {

QList<QPair<QString, QString>> VersionInfo::components()
{
    return {
        {QStringLiteral("ModelForge"), modelForgeVersion()},
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("LibTorch"), QStringLiteral(TORCH_VERSION)},
        {QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion())},
    };
}

QString VersionInfo::modelForgeVersion()
{
    return QStringLiteral(MODELFORGE_VERSION);
}

} // namespace mf
