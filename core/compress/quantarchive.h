#pragma once
// How quantised layers are saved: plain tensors in a torch::serialize archive (int8 values,
// float64 scales, int64 zero points), so that a reloaded layer computes bit for bit what the
// saved one did, and the file is about a quarter of the float layer's.

#include "core/compress/quantparams.h"
#include "core/util/error.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace mf {

/// Writes a quantised tensor under `key`_int8, _scales, _zero_points, _axis (-1: one scale).
void writeQuantizedTensor(torch::serialize::OutputArchive &archive, const std::string &key,
                          const torch::Tensor &tensor);
torch::Tensor readQuantizedTensor(torch::serialize::InputArchive &archive, const std::string &key);

void writeQuantParams(torch::serialize::OutputArchive &archive, const std::string &key,
                      const QuantParams &params);
QuantParams readQuantParams(torch::serialize::InputArchive &archive, const std::string &key);

/// A few integers under `key` (layer kind, flags, geometry).
void writeIntegers(torch::serialize::OutputArchive &archive, const std::string &key,
                   const std::vector<std::int64_t> &values);
/// Throws Error unless `key` holds `count` integers.
std::vector<std::int64_t> readIntegers(torch::serialize::InputArchive &archive,
                                       const std::string &key, std::size_t count);

/// `read(archive)`, with LibTorch's error for a missing or malformed entry turned into an
/// mf::Error saying that the archive holds no `what` ("quantised convolution").
template <typename Read>
auto readLayerState(torch::serialize::InputArchive &archive, const std::string &what, Read read)
{
    try {
        return read(archive);
    } catch (const c10::Error &error) {
        throw Error("The archive holds no " + what + ": " + error.what_without_backtrace());
    }
}

/// `read` of the archive in the file at `path`; mf::Error naming the file otherwise.
template <typename Read>
auto readLayerStateFile(const std::string &path, const std::string &what, Read read)
{
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        return read(archive);
    } catch (const c10::Error &error) {
        throw Error("\"" + path + "\" is not a saved " + what + ": " +
                    error.what_without_backtrace());
    } catch (const Error &error) {
        throw Error("\"" + path + "\": " + error.what());
    }
}

} // namespace mf
