#include "core/augment/augmentoperation.h"

#include "core/augment/augmentparams.h"
#include "core/models/specreader.h"
#include "core/util/error.h"

#include <torch/torch.h>

#include <algorithm>

namespace mf {

AugmentOperation::AugmentOperation(double probability) : m_probability(1.0)
{
    setProbability(probability, "probability");
}

AugmentOperation::~AugmentOperation() = default;

void AugmentOperation::setProbability(double probability, const std::string &key)
{
    requireNumber(key, probability, 0.0, 1.0);
    m_probability = probability;
}

nlohmann::json AugmentOperation::toJson() const
{
    nlohmann::json json = {{"op", name()}, {"probability", m_probability}};
    json.update(parameters());
    return json;
}

void AugmentOperation::readJson(const nlohmann::json &spec, const std::string &prefix)
{
    const SpecReader reader(spec, prefix);
    const std::vector<std::string> keys = parameterKeys();
    for (auto it = spec.begin(); it != spec.end(); ++it) {
        const std::string &key = it.key();
        if (key != "op" && key != "enabled" && key != "probability" &&
            std::find(keys.begin(), keys.end(), key) == keys.end())
            reader.fail(key, "unknown key for operation \"" + name() + "\"");
    }
    if (reader.has("probability"))
        setProbability(readNumber(reader, "probability", m_probability),
                       reader.keyName("probability"));
    readParameters(reader);
}

std::vector<std::int64_t> AugmentOperation::selectedRows(const torch::Tensor &applyMask)
{
    const torch::Tensor mask = applyMask.to(torch::kCPU, torch::kBool).contiguous();
    const bool *data = mask.data_ptr<bool>();
    std::vector<std::int64_t> rows;
    for (std::int64_t i = 0; i < mask.numel(); ++i)
        if (data[i])
            rows.push_back(i);
    return rows;
}

void AugmentOperation::transformRows(
    torch::Tensor &batch, const std::vector<std::int64_t> &rows,
    const std::function<torch::Tensor(const torch::Tensor &)> &transform)
{
    if (rows.empty())
        return;
    if (static_cast<std::int64_t>(rows.size()) == batch.size(0)) {
        batch = transform(batch);
        return;
    }
    const torch::Tensor index =
        torch::tensor(rows, torch::TensorOptions().dtype(torch::kLong)).to(batch.device());
    batch.index_copy_(0, index, transform(batch.index_select(0, index)));
}

torch::Tensor AugmentOperation::valuesOn(const std::vector<float> &values, torch::IntArrayRef shape,
                                         const torch::Tensor &batch)
{
    return torch::tensor(values, torch::TensorOptions().dtype(torch::kFloat))
        .view(shape)
        .to(batch.device());
}

void AugmentOperation::record(std::vector<nlohmann::json> *drawn, std::int64_t row,
                              nlohmann::json values)
{
    if (drawn)
        drawn->at(static_cast<std::size_t>(row)) = std::move(values);
}

} // namespace mf
