#include "app/cli/modelargument.h"

#include "core/deploy/modelbundle.h"

#include <cctype>

namespace mf::cli {

std::optional<std::int64_t> runIdArgument(const std::string &argument)
{
    if (argument.empty() || argument.size() > 18)
        return std::nullopt;
    for (const char c : argument)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
    return std::stoll(argument);
}

DeployedModel loadModelArgument(const std::string &argument, const std::string &workspace)
{
    if (const std::optional<std::int64_t> run = runIdArgument(argument)) {
        SessionOptions options;
        options.workspaceDir = workspace;
        return DeployedModel::fromBytes(ModelBundle::exportRun(*run, options), "run " + argument);
    }
    return DeployedModel::load(argument);
}

} // namespace mf::cli
