#pragma once
// How quantised layers are saved: plain tensors in a torch::serialize archive (int8 values,
// float64 scales, int64 zero points), so that a reloaded layer computes bit for bit what the
// saved one did, and the file is about a quarter of the float layer's.

#include "core/compress/quantparams.h"

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

} // namespace mf
