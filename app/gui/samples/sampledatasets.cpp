#include "app/gui/samples/sampledatasets.h"

#include <QFileInfo>

namespace mf {

QString fashionMnistPath()
{
    return QStringLiteral("/usr/share/datasets/fashion-mnist");
}

QString installedFashionMnistPath()
{
    const QString path = fashionMnistPath();
    return QFileInfo(path).isDir() ? path : QString();
}

} // namespace mf
