#include "core/text/textpipelinefile.h"

#include "core/util/atomicfile.h"
#include "core/util/error.h"

namespace mf {

TextAugmentPipeline loadTextAugmentPipeline(const std::string &path)
{
    std::string text;
    try {
        text = readWholeFile(path);
    } catch (const Error &error) {
        throw ConfigError(error.what());
    }
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error &error) {
        throw ConfigError(path + ": byte " + std::to_string(error.byte) + ": not valid JSON");
    }
    try {
        return TextAugmentPipeline::fromJson(json);
    } catch (const ConfigError &error) {
        throw ConfigError(path + ": " + error.what());
    }
}

} // namespace mf
