#include "core/util/jsonconfigfile.h"

#include "core/util/atomicfile.h"
#include "core/util/error.h"

namespace mf {

nlohmann::json parseJsonConfig(const std::string &text, const std::string &path)
{
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error &error) {
        throw ConfigError(path + ": byte " + std::to_string(error.byte) + ": not valid JSON");
    }
}

nlohmann::json readJsonConfigFile(const std::string &path)
{
    std::string text;
    try {
        text = readWholeFile(path);
    } catch (const Error &error) {
        throw ConfigError(error.what()); // "<path>: cannot open: <reason>"
    }
    return parseJsonConfig(text, path);
}

} // namespace mf
