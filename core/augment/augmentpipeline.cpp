#include "core/augment/augmentpipeline.h"

#include "core/augment/augmentfactory.h"
#include "core/augment/augmentrandom.h"
#include "core/models/specreader.h"
#include "core/util/error.h"
#include "core/util/shapetext.h"

#include <torch/torch.h>

namespace mf {

namespace {

std::string knownNames()
{
    std::string text;
    const std::vector<std::string> &names = augmentOperationNames();
    for (std::size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return text;
}

std::vector<std::int64_t> indexList(const torch::Tensor &sampleIndices, std::int64_t count)
{
    if (!sampleIndices.defined() || sampleIndices.dim() != 1 || sampleIndices.size(0) != count ||
        sampleIndices.is_floating_point() || sampleIndices.scalar_type() == torch::kBool)
        throw Error("augmentation needs one integer sample index per image (" +
                    std::to_string(count) + " images, indices of shape " +
                    (sampleIndices.defined() ? shapeText(sampleIndices.sizes().vec())
                                             : std::string("none")) +
                    ")");
    const torch::Tensor cpu = sampleIndices.to(torch::kCPU, torch::kLong).contiguous();
    return std::vector<std::int64_t>(cpu.data_ptr<std::int64_t>(),
                                     cpu.data_ptr<std::int64_t>() + count);
}

} // namespace

AugmentPipeline::AugmentPipeline(std::vector<AugmentOp> ops) : m_ops(std::move(ops)) {}

void AugmentPipeline::add(std::shared_ptr<const AugmentOperation> operation, bool enabled)
{
    m_ops.push_back(AugmentOp{std::move(operation), enabled});
}

nlohmann::json AugmentPipeline::toJson() const
{
    nlohmann::json operations = nlohmann::json::array();
    for (const AugmentOp &op : m_ops) {
        nlohmann::json item = op.operation->toJson();
        item["enabled"] = op.enabled;
        operations.push_back(std::move(item));
    }
    return {{"operations", std::move(operations)}};
}

AugmentPipeline AugmentPipeline::fromJson(const nlohmann::json &json, const std::string &prefix)
{
    if (!json.is_object())
        throw ConfigError((prefix.empty() ? std::string("augmentation pipeline") : prefix) +
                          ": must be a JSON object");
    const SpecReader reader(json, prefix);
    reader.rejectUnknown({"operations"});
    AugmentPipeline pipeline;
    if (!reader.has("operations"))
        return pipeline;
    const nlohmann::json &operations = reader.value("operations");
    if (!operations.is_array())
        reader.fail("operations", "must be an array of operations");
    for (std::size_t i = 0; i < operations.size(); ++i) {
        const std::string itemKey = prefix + "operations[" + std::to_string(i) + "]";
        const nlohmann::json &item = operations[i];
        if (!item.is_object())
            throw ConfigError(itemKey + ": must be a JSON object");
        const SpecReader itemReader(item, itemKey + ".");
        const std::string name = itemReader.requiredText("op");
        std::unique_ptr<AugmentOperation> operation = makeAugmentOperation(name);
        if (!operation)
            itemReader.fail("op",
                            "unknown operation \"" + name + "\" (expected " + knownNames() + ")");
        const bool enabled = itemReader.boolean("enabled", true);
        operation->readJson(item, itemKey + ".");
        pipeline.add(std::move(operation), enabled);
    }
    return pipeline;
}

torch::Tensor AugmentPipeline::apply(const torch::Tensor &images, std::uint64_t seed, int epoch,
                                     const torch::Tensor &sampleIndices,
                                     std::vector<std::vector<nlohmann::json>> *drawnPerSample) const
{
    if (!images.defined() || images.dim() != 4)
        throw Error("augmentation needs a batch of images [N, C, H, W] (got shape " +
                    (images.defined() ? shapeText(images.sizes().vec()) : std::string("none")) +
                    ")");
    const bool isByte = images.scalar_type() == torch::kByte;
    if (!isByte && !images.is_floating_point())
        throw Error("augmentation needs uint8 or floating-point images");
    const std::int64_t count = images.size(0);
    const std::vector<std::int64_t> indices = indexList(sampleIndices, count);

    // A fresh tensor in every case: the operations work in place.
    torch::Tensor batch =
        isByte ? images.to(torch::kFloat).div_(255.0) : images.to(torch::kFloat, false, true);
    if (drawnPerSample)
        drawnPerSample->assign(static_cast<std::size_t>(count), {});
    std::vector<nlohmann::json> drawn;
    for (std::size_t i = 0; i < m_ops.size(); ++i) {
        const AugmentOp &op = m_ops[i];
        if (!op.enabled)
            continue;
        const AugmentOperation &operation = *op.operation;
        AugmentRandom rng(seed, epoch, indices, static_cast<int>(i));
        torch::Tensor mask = torch::empty({count}, torch::kBool);
        bool *selected = mask.data_ptr<bool>();
        for (std::int64_t row = 0; row < count; ++row)
            selected[row] = operation.alwaysApplied() || rng.uniform(row) < operation.probability();
        if (drawnPerSample)
            drawn.assign(static_cast<std::size_t>(count), nullptr);
        try {
            operation.apply(batch, mask, rng, drawnPerSample ? &drawn : nullptr);
        } catch (const ConfigError &e) {
            throw ConfigError("operations[" + std::to_string(i) + "]: " + e.what());
        }
        if (!drawnPerSample)
            continue;
        for (std::int64_t row = 0; row < count; ++row) {
            if (!selected[row])
                continue;
            nlohmann::json entry = {{"op", operation.name()}, {"index", i}};
            if (drawn[static_cast<std::size_t>(row)].is_object())
                entry.update(drawn[static_cast<std::size_t>(row)]);
            (*drawnPerSample)[static_cast<std::size_t>(row)].push_back(std::move(entry));
        }
    }
    return batch;
}

} // namespace mf
