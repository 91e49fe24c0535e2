#pragma once

#include "core/augment/augmentpipeline.h"

#include <nlohmann/json.hpp>

#include <string>

namespace mf {

/// Reads and checks the augmentation pipeline saved in `path`. Every problem throws
/// mf::ConfigError starting with the path: "<path>: cannot open: ...", "<path>: byte 12: not
/// valid JSON" or "<path>: operations[2].padding: must be ...".
AugmentPipeline loadAugmentPipeline(const std::string &path);

/// Writes `pipeline` as indented JSON to `path` atomically (readers see the old file or the new
/// one). Throws mf::Error naming the path when it cannot be written.
void saveAugmentPipeline(const std::string &path, const AugmentPipeline &pipeline);

/// Checks JSON text that came from `path` (only named in messages), as loadAugmentPipeline does.
AugmentPipeline parseAugmentPipeline(const std::string &text, const std::string &path);

} // namespace mf
