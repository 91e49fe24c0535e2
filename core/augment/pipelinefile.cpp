#include "core/augment/pipelinefile.h"

#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "core/util/jsonconfigfile.h"

namespace mf {

namespace {

AugmentPipeline pipelineFrom(const nlohmann::json &json, const std::string &path)
{
    try {
        return AugmentPipeline::fromJson(json);
    } catch (const ConfigError &error) {
        throw ConfigError(path + ": " + error.what());
    }
}

} // namespace

AugmentPipeline parseAugmentPipeline(const std::string &text, const std::string &path)
{
    return pipelineFrom(parseJsonConfig(text, path), path);
}

AugmentPipeline loadAugmentPipeline(const std::string &path)
{
    return pipelineFrom(readJsonConfigFile(path), path);
}

void saveAugmentPipeline(const std::string &path, const AugmentPipeline &pipeline)
{
    writeFileAtomically(path, pipeline.toJson().dump(2) + "\n");
}

} // namespace mf
