#pragma once

#include <QString>

namespace mf {

/// Where Debian's dataset-fashion-mnist package installs Fashion-MNIST, installed or not (the
/// presets name it).
QString fashionMnistPath();
/// The same when it is installed; empty when it is not (nothing to offer then).
QString installedFashionMnistPath();

} // namespace mf
