#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/deploy/deployedmodel.h"

#include <optional>
#include <string>

namespace mf::cli {

/// A run id ("12") or nullopt for anything else (a model file's path).
std::optional<std::int64_t> runIdArgument(const std::string &argument);

/// The model a command names: an exported model file, or run `id` of the workspace (exported
/// in memory first, as `export-model` would write it).
DeployedModel loadModelArgument(const std::string &argument, const std::string &workspace);

} // namespace mf::cli
