#include "core/augment/pipelinefile.h"

#include "core/util/atomicfile.h"
#include "core/util/error.h"

namespace mf {

AugmentPipeline parseAugmentPipeline(const std::string &text, const std::string &path)
{
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error &error) {
        throw ConfigError(path + ": byte " + std::to_string(error.byte) + ": not valid JSON");
    }
    try {
        return AugmentPipeline::fromJson(json);
    } catch (const ConfigError &error) {
        throw ConfigError(path + ": " + error.what());
    }
}

AugmentPipeline loadAugmentPipeline(const std::string &path)
{
    std::string text;
    try {
        text = readWholeFile(path);
    } catch (const Error &error) {
        throw ConfigError(error.what()); // "<path>: cannot open: <reason>"
    }
    return parseAugmentPipeline(text, path);
}

void saveAugmentPipeline(const std::string &path, const AugmentPipeline &pipeline)
{
    writeFileAtomically(path, pipeline.toJson().dump(2) + "\n");
}

} // namespace mf
