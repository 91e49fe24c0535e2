#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace mf {

/// `text`, read from `path`, as JSON; mf::ConfigError "<path>: byte N: not valid JSON"
/// otherwise. For settings files a user saves and picks (pipelines).
nlohmann::json parseJsonConfig(const std::string &text, const std::string &path);

/// The JSON file at `path`: mf::ConfigError "<path>: cannot open: <reason>" or as
/// parseJsonConfig().
nlohmann::json readJsonConfigFile(const std::string &path);

} // namespace mf
