#include "tests/support/shotpath.h"

#include <QDir>
#include <QTemporaryDir>

namespace mf::test {

QString shotDir(const QTemporaryDir &fallback)
{
    const QString dir = qEnvironmentVariable("MODELFORGE_SHOT_DIR", fallback.path());
    QDir().mkpath(dir);
    return dir;
}

QString shotPath(const QTemporaryDir &fallback, const QString &name)
{
    return QDir(shotDir(fallback)).filePath(name);
}

} // namespace mf::test
