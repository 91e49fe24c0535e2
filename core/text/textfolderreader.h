#pragma once

#include "core/text/textdataset.h"

#include <string>

namespace mf {

/// True when `path` is a folder laid out as train/<label>/*.txt (aclImdb) or <label>/*.txt.
bool isTextFolder(const std::string &path);

/// Reads an aclImdb-style folder: <root>/train/<label>/*.txt and, when present,
/// <root>/test/<label>/*.txt, or a root that holds <label>/*.txt folders directly (train only).
/// A label folder is a sub-folder with at least one .txt file; "unsup" and, when there is a test
/// part, folders not present in both parts are ignored. Classes are the label folders sorted by
/// name, documents come class by class with files sorted by name. Empty files are skipped and
/// listed. Throws mf::DataError when there is no label folder or a file cannot be read.
TextDatasetBundle readTextFolder(const std::string &path);

} // namespace mf
