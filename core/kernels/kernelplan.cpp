#include "core/kernels/kernelplan.h"

#include "core/models/maxpool.h"
#include "core/models/plannedconv2d.h"
#include "core/util/error.h"

namespace mf {

namespace {

/// The kernels a MaxPool may run besides the reference, in the order they are offered.
constexpr PoolKernel kPoolAlternatives[] = {PoolKernel::PoolFirst, PoolKernel::OneDnn,
                                            PoolKernel::Fused};

c10::MemoryFormat memoryFormat(TensorLayout layout)
{
    return layout == TensorLayout::Nhwc ? c10::MemoryFormat::ChannelsLast
                                        : c10::MemoryFormat::Contiguous;
}

/// `tensor` with the strides of `format`. Unlike contiguous(format) this also restrides a tensor
/// with one channel, whose two layouts hold the same bytes: ATen tells the layout a kernel should
/// run in from the strides, and contiguous() leaves [N, 1, H, W] with NCHW's.
torch::Tensor restrided(const torch::Tensor &tensor, c10::MemoryFormat format)
{
    if (tensor.suggest_memory_format() == format && tensor.is_contiguous(format))
        return tensor;
    return torch::empty_like(tensor, tensor.options(), format).copy_(tensor);
}

} // namespace

const char *layoutName(TensorLayout layout)
{
    return layout == TensorLayout::Nhwc ? "nhwc" : "nchw";
}

std::optional<TensorLayout> layoutFromName(const std::string &name)
{
    for (TensorLayout layout : {TensorLayout::Nchw, TensorLayout::Nhwc})
        if (name == layoutName(layout))
            return layout;
    return std::nullopt;
}

std::vector<TensorLayout> layoutCandidates(const torch::nn::Module &model)
{
    for (const auto &module : model.modules())
        if (dynamic_cast<const torch::nn::Conv2dImpl *>(module.get()) != nullptr)
            return {TensorLayout::Nchw, TensorLayout::Nhwc};
    return {TensorLayout::Nchw};
}

void applyLayout(torch::nn::Module &model, TensorLayout layout)
{
    torch::NoGradGuard noGrad;
    for (torch::Tensor parameter : model.parameters())
        if (parameter.dim() == 4)
            parameter.set_data(restrided(parameter, memoryFormat(layout)));
}

torch::Tensor inLayout(const torch::Tensor &batch, TensorLayout layout)
{
    if (batch.dim() != 4)
        return batch;
    // One channel and dense: the bytes are already in either order, so restride a view rather
    // than copy the whole batch on every forward pass (a sixtieth of the pruned CNN's).
    if (layout == TensorLayout::Nhwc && batch.size(1) == 1 && batch.is_contiguous() &&
        batch.suggest_memory_format() != c10::MemoryFormat::ChannelsLast)
        return batch.as_strided(batch.sizes(), c10::get_channels_last_strides_2d(batch.sizes()));
    return restrided(batch, memoryFormat(layout));
}

std::vector<PlannableLayer> plannableLayers(const torch::nn::Sequential &model,
                                            torch::Device device)
{
    std::vector<PlannableLayer> layers;
    const auto children = model->named_children();
    for (std::size_t i = 0; i < children.size(); ++i) {
        const auto &child = children[i].value();
        PlannableLayer layer{i, children[i].key(), {"aten"}};
        if (dynamic_cast<const PlannedConv2dImpl *>(child.get()) != nullptr) {
            if (PlannedConv2dImpl::runs(ConvKernel::Im2colGemm, device, torch::kFloat32))
                layer.kernels.push_back(convKernelName(ConvKernel::Im2colGemm));
        } else if (const auto *pool = dynamic_cast<const MaxPoolImpl *>(child.get())) {
            for (PoolKernel k : kPoolAlternatives)
                if (pool->runs(k, device, torch::kFloat32))
                    layer.kernels.push_back(poolKernelName(k));
        } else {
            continue;
        }
        layers.push_back(std::move(layer));
    }
    return layers;
}

std::string layerKernel(const torch::nn::Sequential &model, std::size_t index)
{
    const std::shared_ptr<torch::nn::Module> child = model->children().at(index);
    if (const auto *conv = dynamic_cast<const PlannedConv2dImpl *>(child.get()))
        return convKernelName(conv->kernel());
    if (const auto *pool = dynamic_cast<const MaxPoolImpl *>(child.get()))
        return poolKernelName(pool->kernel());
    return "aten";
}

void setLayerKernel(torch::nn::Sequential &model, std::size_t index, const std::string &kernel)
{
    const std::shared_ptr<torch::nn::Module> child = model->children().at(index);
    if (auto *conv = dynamic_cast<PlannedConv2dImpl *>(child.get())) {
        for (ConvKernel k : {ConvKernel::Aten, ConvKernel::Im2colGemm})
            if (kernel == convKernelName(k))
                return conv->setKernel(k);
    } else if (auto *pool = dynamic_cast<MaxPoolImpl *>(child.get())) {
        for (PoolKernel k : kPoolAlternatives)
            if (kernel == poolKernelName(k) && pool->runs(k, torch::kCPU, torch::kFloat32))
                return pool->setKernel(k);
        if (kernel == poolKernelName(PoolKernel::Aten))
            return pool->setKernel(PoolKernel::Aten);
    }
    throw ConfigError("layer " + std::to_string(index) + " has no kernel \"" + kernel + "\"");
}

} // namespace mf
