#pragma once

#include <QColor>
#include <QIcon>

namespace mf {

/// A small filled circle in `color`, rendered crisply at 16 and 32 pixels; a mild status marker.
QIcon dotIcon(const QColor &color);

} // namespace mf
