#pragma once

#include <QString>

class QTemporaryDir;

namespace mf::test {

/// Where a test writes the pictures of what it drives: $MODELFORGE_SHOT_DIR when set (to look
/// at them), else `fallback`. The folder is created.
QString shotDir(const QTemporaryDir &fallback);
/// shotDir(fallback)/name.
QString shotPath(const QTemporaryDir &fallback, const QString &name);

} // namespace mf::test
