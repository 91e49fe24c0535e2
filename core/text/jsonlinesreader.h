#pragma once

#include "core/text/textdataset.h"

#include <string>

namespace mf {

/// Reads a JSON Lines file: one object per line holding the text (a string) and the label (a
/// string or an integer) under the keys `options` names. Lines that are not such an object are
/// skipped and listed; blank lines are ignored. Throws mf::DataError for an empty file or one
/// without a usable line.
TextDataset readJsonLines(const std::string &path, const TextLoadOptions &options);

} // namespace mf
