#include "core/text/textpipelinefile.h"

#include "core/util/error.h"
#include "core/util/jsonconfigfile.h"

namespace mf {

TextAugmentPipeline loadTextAugmentPipeline(const std::string &path)
{
    const nlohmann::json json = readJsonConfigFile(path);
    try {
        return TextAugmentPipeline::fromJson(json);
    } catch (const ConfigError &error) {
        throw ConfigError(path + ": " + error.what());
    }
}

} // namespace mf
