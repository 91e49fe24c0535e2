#include "core/dist/broadcasttensors.h"

#include <map>

namespace mf {

void broadcastTensors(Collectives &collectives, const std::vector<torch::Tensor> &tensors, int root)
{
    std::map<torch::ScalarType, std::vector<torch::Tensor>> byType;
    for (const torch::Tensor &tensor : tensors)
        byType[tensor.scalar_type()].push_back(tensor);
    torch::NoGradGuard noGrad;
    for (auto &[type, group] : byType) {
        std::vector<torch::Tensor> flat;
        for (const torch::Tensor &tensor : group)
            flat.push_back(tensor.reshape({-1}));
        torch::Tensor joined = torch::cat(flat);
        collectives.broadcast(joined, root);
        std::int64_t offset = 0;
        for (torch::Tensor &tensor : group) {
            tensor.copy_(joined.narrow(0, offset, tensor.numel()).view(tensor.sizes()));
            offset += tensor.numel();
        }
    }
}

std::vector<torch::Tensor> stateTensors(const torch::nn::Module &module)
{
    std::vector<torch::Tensor> tensors = module.parameters();
    for (const torch::Tensor &buffer : module.buffers())
        if (buffer.defined())
            tensors.push_back(buffer);
    return tensors;
}

} // namespace mf
