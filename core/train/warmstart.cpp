#include "core/train/warmstart.h"

#include "core/store/runrecord.h"
#include "core/train/checkpoint.h"
#include "core/train/runmodel.h"
#include "core/util/error.h"
#include "core/util/shapetext.h"

#include <map>

namespace mf {

namespace {

std::string modelType(const TrainConfig &config)
{
    return config.model.is_object() ? config.model.value("type", std::string()) : std::string();
}

std::string shapeOf(const torch::Tensor &tensor)
{
    return shapeText(std::vector<std::int64_t>(tensor.sizes().begin(), tensor.sizes().end()));
}

} // namespace

WarmStart WarmStart::fromCheckpoint(std::int64_t parentRun, const TrainConfig &parentConfig,
                                    const Artifact &checkpoint, const TrainConfig &child)
{
    const std::string parentType = modelType(parentConfig);
    const std::string childType = modelType(child);
    if (parentType != childType)
        throw ConfigError("Run " + std::to_string(parentRun) + " trained a \"" + parentType +
                          "\" model; a \"" + childType +
                          "\" model cannot start from its checkpoint (the same names would hold "
                          "other weights). Fine-tune from a run of model type \"" +
                          childType + "\"");
    const CheckpointHeader header = Checkpoint::readHeader(checkpoint.path);
    torch::nn::Sequential parent =
        buildRunModel(parentConfig, header.sampleShape, header.numClasses);
    Checkpoint::load(checkpoint.path, parentConfig, header.sampleShape, header.numClasses, *parent,
                     nullptr, torch::kCPU, checkpoint.sha256);

    WarmStart start;
    start.m_parentRun = parentRun;
    start.m_parentConfig = parentConfig;
    for (const auto &item : parent->named_parameters()) {
        start.m_tensors.emplace_back(item.key(), item.value().detach().clone());
        start.m_parameterNames.push_back(item.key());
    }
    for (const auto &item : parent->named_buffers())
        start.m_tensors.emplace_back(item.key(), item.value().detach().clone());
    return start;
}

WarmStartReport WarmStart::apply(torch::nn::Module &model) const
{
    std::map<std::string, torch::Tensor> own;
    std::map<std::string, bool> isParameter;
    for (const auto &item : model.named_parameters()) {
        own[item.key()] = item.value();
        isParameter[item.key()] = true;
    }
    for (const auto &item : model.named_buffers())
        own[item.key()] = item.value();

    WarmStartReport report;
    report.parentRun = m_parentRun;
    std::vector<std::pair<torch::Tensor, torch::Tensor>> copies;
    std::map<std::string, bool> matched;
    for (const auto &[name, tensor] : m_tensors) {
        const auto found = own.find(name);
        if (found == own.end()) {
            report.skipped.push_back(name + ": not in this model");
        } else if (!found->second.sizes().equals(tensor.sizes())) {
            report.skipped.push_back(name + ": shape " + shapeOf(tensor) + " in run " +
                                     std::to_string(m_parentRun) + ", " + shapeOf(found->second) +
                                     " here");
        } else {
            copies.emplace_back(found->second, tensor);
            matched[name] = true;
            report.loaded.push_back(name);
            if (isParameter.count(name) > 0)
                report.loadedParameters.push_back(name);
        }
    }
    if (report.loadedParameters.empty())
        throw ConfigError(
            "Nothing to fine-tune from run " + std::to_string(m_parentRun) +
            ": none of its parameters has the name and shape of one of this "
            "model's (" +
            (report.skipped.empty() ? std::string("it has none") : report.skipped.front()) +
            (report.skipped.size() > 1 ? ", ..." : "") + ")");
    for (const auto &item : own)
        if (matched.count(item.first) == 0)
            report.fresh.push_back(item.first);
    torch::NoGradGuard noGrad;
    for (auto &[target, source] : copies)
        target.copy_(source.to(target.device(), target.scalar_type()));
    return report;
}

} // namespace mf
