#include "core/dist/dataparallel.h"

#include "core/dist/allreducewithgradient.h"
#include "core/dist/broadcasttensors.h"
#include "core/dist/joinjob.h"

namespace mf {

std::shared_ptr<DataParallel> joinDataParallel(const DistEnvironment &environment,
                                               std::chrono::milliseconds timeout,
                                               const std::function<bool()> &abandoned)
{
    return std::make_shared<DataParallel>(Collectives::connect(environment, timeout, abandoned));
}

DataParallel::DataParallel(std::shared_ptr<Collectives> collectives, GradientBucketing bucketing)
    : m_collectives(std::move(collectives)), m_tensors(m_collectives), m_bucketing(bucketing)
{
}

void DataParallel::useDevice(const torch::Device &device)
{
    m_tensors = m_collectives->forTensorsOn(device);
}

void DataParallel::broadcastModule(torch::nn::Module &module)
{
    broadcastTensors(*m_tensors, stateTensors(module), 0);
}

std::unique_ptr<GradientReducer> DataParallel::reducer(std::vector<torch::Tensor> parameters) const
{
    return std::make_unique<GradientReducer>(m_tensors, std::move(parameters), m_bucketing);
}

torch::Tensor DataParallel::sumWithGradient(const torch::Tensor &local) const
{
    return allReduceSumWithGradient(m_tensors, local);
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
