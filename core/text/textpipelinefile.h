#pragma once

#include "core/text/textaugmentpipeline.h"

#include <string>

namespace mf {

/// Reads and checks the text augmentation pipeline saved in `path` (the Augment page's text
/// pipelines, TextAugmentPipeline's JSON). Every problem throws mf::ConfigError starting with
/// the path: "<path>: cannot open: ...", "<path>: byte 12: not valid JSON" or
/// "<path>: operations[2].alpha: must be ...".
TextAugmentPipeline loadTextAugmentPipeline(const std::string &path);

} // namespace mf
