#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <string>

namespace mf {

/// A model file for unstructured-pruned weights: a float tensor that is more than half zeros is
/// kept as a bitmask of its non-zeros (one bit an element) and their values, the others dense.
/// At 80% sparsity a weight takes 0.2 x 4 + 1/8 = 0.925 bytes an element instead of 4: about
/// 0.23 of the dense file. (COO with int64 indices would take 0.2 x 20 = 4 bytes: no saving.)
/// Reading restores every tensor bitwise.
class SparseModelFile
{
public:
    /// Writes `model`'s parameters and buffers to `path` atomically. Throws Error when the
    /// file cannot be written.
    static void save(const torch::nn::Module &model, const std::string &path);
    /// Reads them into `model`, which must have the same names and shapes; DataError naming
    /// the file and the tensor otherwise, and then `model` is left as it was.
    static void load(torch::nn::Module &model, const std::string &path);

    /// The same format inside an archive of the caller's (a model bundle); `file` names the
    /// file in errors.
    static void write(const torch::nn::Module &model, torch::serialize::OutputArchive &archive);
    static void read(torch::nn::Module &model, torch::serialize::InputArchive &archive,
                     const std::string &file);
};

} // namespace mf
