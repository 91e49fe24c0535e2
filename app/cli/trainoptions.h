#pragma once

#include "core/train/trainconfig.h"

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace mf::cli {

/// Every TrainConfig field as a command-line flag. Values come from the defaults, then from
/// `--config file.json`, then from the flags actually given, so a flag always wins over the file.
class TrainOptions
{
public:
    explicit TrainOptions(CLI::App &command);

    /// Builds the configuration; throws mf::ConfigError for a bad --config file or flag value.
    TrainConfig resolve() const;

    const std::string &runName() const { return m_runName; }

private:
    template <typename T, typename Apply>
    void flag(CLI::App &command, const std::string &names, const std::string &help, Apply apply);

    std::string m_configFile;
    std::string m_runName;
    std::string m_modelType;
    std::vector<std::function<void(TrainConfig &)>> m_overrides;
    std::vector<std::function<void(nlohmann::json &)>> m_modelOverrides;
};

} // namespace mf::cli
