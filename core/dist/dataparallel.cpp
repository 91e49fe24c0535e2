#include "core/dist/dataparallel.h"

#include "core/dist/joindataparallel.h"

#include <map>

namespace mf {

std::shared_ptr<DataParallel> joinDataParallel(const DistEnvironment &environment,
                                               std::chrono::milliseconds timeout)
{
    return std::make_shared<DataParallel>(Collectives::connect(environment, timeout));
}

DataParallel::DataParallel(std::shared_ptr<Collectives> collectives, GradientBucketing bucketing)
    : m_collectives(std::move(collectives)), m_bucketing(bucketing)
{
}

void DataParallel::broadcastModule(torch::nn::Module &module)
{
    std::map<torch::ScalarType, std::vector<torch::Tensor>> byType;
    for (const torch::Tensor &parameter : module.parameters())
        byType[parameter.scalar_type()].push_back(parameter);
    for (const torch::Tensor &buffer : module.buffers())
        if (buffer.defined())
            byType[buffer.scalar_type()].push_back(buffer);
    torch::NoGradGuard noGrad;
    for (auto &[type, tensors] : byType) {
        std::vector<torch::Tensor> flat;
        for (const torch::Tensor &tensor : tensors)
            flat.push_back(tensor.reshape({-1}));
        torch::Tensor joined = torch::cat(flat);
        m_collectives->broadcast(joined, 0);
        std::int64_t offset = 0;
        for (torch::Tensor &tensor : tensors) {
            tensor.copy_(joined.narrow(0, offset, tensor.numel()).view(tensor.sizes()));
            offset += tensor.numel();
        }
    }
}

std::unique_ptr<GradientReducer> DataParallel::reducer(std::vector<torch::Tensor> parameters) const
{
    return std::make_unique<GradientReducer>(m_collectives, std::move(parameters), m_bucketing);
}

void DataParallel::sum(std::vector<double> &values)
{
    if (values.empty())
        return;
    torch::Tensor tensor = torch::tensor(values, torch::kFloat64);
    m_collectives->allreduceSum(tensor).wait();
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = tensor[static_cast<std::int64_t>(i)].item<double>();
}

} // namespace mf
