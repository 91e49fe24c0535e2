#include "core/compress/sparsemodelfile.h"

#include "core/util/atomicfile.h"
#include "core/util/error.h"

#include <map>
#include <sstream>

namespace mf {

namespace {

constexpr std::int64_t kFormat = 1;

std::map<std::string, torch::Tensor> tensorsOf(const torch::nn::Module &model)
{
    std::map<std::string, torch::Tensor> tensors;
    for (const auto &item : model.named_parameters())
        tensors[item.key()] = item.value();
    for (const auto &item : model.named_buffers())
        tensors[item.key()] = item.value();
    return tensors;
}

/// One bit an element, least significant first: [ceil(N / 8)] uint8.
torch::Tensor packBits(const torch::Tensor &mask)
{
    const std::int64_t count = mask.numel();
    const std::int64_t bytes = (count + 7) / 8;
    torch::Tensor bits = torch::zeros({bytes * 8}, torch::kUInt8);
    bits.slice(0, 0, count).copy_(mask.flatten().to(torch::kUInt8));
    const torch::Tensor weights = torch::tensor({1, 2, 4, 8, 16, 32, 64, 128}, torch::kInt32);
    return (bits.view({bytes, 8}).to(torch::kInt32) * weights).sum(1).to(torch::kUInt8);
}

torch::Tensor unpackBits(const torch::Tensor &packed, std::int64_t count)
{
    const torch::Tensor shifts = torch::arange(8, torch::kInt32);
    const torch::Tensor bits = torch::bitwise_and(
        torch::bitwise_right_shift(packed.to(torch::kInt32).unsqueeze(1), shifts), 1);
    return bits.flatten().slice(0, 0, count).to(torch::kBool);
}

bool worthSparse(const torch::Tensor &tensor)
{
    return tensor.is_floating_point() && tensor.dim() >= 2 &&
           (tensor == 0).sum().item<std::int64_t>() * 2 > tensor.numel();
}

} // namespace

void SparseModelFile::save(const torch::nn::Module &model, const std::string &path)
{
    torch::serialize::OutputArchive archive;
    write(model, archive);
    std::ostringstream bytes;
    archive.save_to(bytes);
    writeFileAtomically(path, bytes.str());
}

void SparseModelFile::write(const torch::nn::Module &model,
                            torch::serialize::OutputArchive &archive)
{
    archive.write("format", torch::tensor(kFormat));
    for (const auto &[name, value] : tensorsOf(model)) {
        const torch::Tensor tensor = value.detach().to(torch::kCPU).contiguous();
        if (!worthSparse(tensor)) {
            archive.write("dense/" + name, tensor);
            continue;
        }
        const torch::Tensor mask = tensor != 0;
        archive.write("shape/" + name, torch::tensor(tensor.sizes().vec(), torch::kLong));
        archive.write("mask/" + name, packBits(mask));
        archive.write("values/" + name, tensor.masked_select(mask));
    }
}

void SparseModelFile::load(torch::nn::Module &model, const std::string &path)
{
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path);
    } catch (const std::exception &error) {
        throw DataError(path, "", std::string("not a model file: ") + error.what());
    }
    read(model, archive, path);
}

void SparseModelFile::read(torch::nn::Module &model, torch::serialize::InputArchive &archive,
                           const std::string &path)
{
    std::map<std::string, torch::Tensor> loaded;
    for (const auto &[name, target] : tensorsOf(model)) {
        torch::Tensor value;
        try {
            if (archive.try_read("dense/" + name, value)) {
                loaded[name] = value;
                continue;
            }
            torch::Tensor shape, mask, values;
            archive.read("shape/" + name, shape);
            archive.read("mask/" + name, mask);
            archive.read("values/" + name, values);
            const std::vector<std::int64_t> sizes(shape.data_ptr<std::int64_t>(),
                                                  shape.data_ptr<std::int64_t>() + shape.numel());
            const torch::Tensor present = unpackBits(mask, target.numel());
            value = torch::zeros(sizes, values.options());
            value.view(-1).masked_scatter_(present, values);
            loaded[name] = value;
        } catch (const c10::Error &) {
            throw DataError(path, name, "missing or unreadable");
        }
        if (loaded[name].sizes() != target.sizes())
            throw DataError(path, name, "its shape does not fit the model");
    }
    torch::NoGradGuard noGrad;
    for (auto &[name, target] : tensorsOf(model))
        target.copy_(loaded.at(name));
}

} // namespace mf
