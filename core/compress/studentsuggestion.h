#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <vector>

namespace mf {

/// A student for distilling a teacher: the same spec with every width ("hidden"; "conv" and
/// "fc"; a resnet's "channels") divided by the smallest of 2, 3, 4, 5, 6, 7, 8, 10, 12, ... (about
/// 25% apart) that brings its parameter count to at most `fraction` of the teacher's (1/8 by
/// default), each width at least 1. Throws ConfigError for a spec that does not build for the data.
nlohmann::json suggestStudent(const nlohmann::json &teacher,
                              const std::vector<std::int64_t> &inputShape, std::int64_t numClasses,
                              double fraction = 0.125);

} // namespace mf
