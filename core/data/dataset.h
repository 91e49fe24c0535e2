#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mf {

enum class DatasetKind
{
    Image,
    Table,
    Text
};

/// A labelled dataset held in memory. Images stay uint8 until a batch is drawn, so a
/// 60,000-image set costs 47 MB, not 188.
struct Dataset
{
    DatasetKind kind = DatasetKind::Image;
    /// Image: uint8 [N, C, H, W]; Table: float32 [N, F]; Text: int64 [N, L] token ids, right-padded
    /// with Vocabulary::kPadId (0). Text inputs are neither normalised nor augmented.
    torch::Tensor inputs;
    torch::Tensor labels; ///< int64 [N], values in [0, classNames.size())
    std::vector<std::string> classNames;
    std::vector<std::string> featureNames; ///< Table only
    /// "idx", "cifar10", "cifar100", "imagefolder", "csv"; text: "aclimdb", "csv", "tsv", "jsonl"
    std::string format;
    std::string source; ///< the file or directory it came from

    std::int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
    std::int64_t numClasses() const { return static_cast<std::int64_t>(classNames.size()); }
    /// Shape of one sample: {C, H, W}, {F} or {L}.
    std::vector<std::int64_t> sampleShape() const;
    /// Rows `indices` (int64 tensor) of this dataset, sharing names and format.
    Dataset subset(const torch::Tensor &indices) const;
};

/// What a dataset path holds: the training part and, where the path has one, a test part.
struct DatasetBundle
{
    Dataset train;
    std::optional<Dataset> test;
};

} // namespace mf
