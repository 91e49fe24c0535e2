#pragma once

#include "core/train/trainevents.h"

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace mf {

/// Accumulates predicted vs true class counts over batches.
class ConfusionMatrix
{
public:
    /// classes must be at least 1 (mf::ConfigError otherwise).
    explicit ConfusionMatrix(std::int64_t classes);

    /// predicted, target: int64 class indices of equal length; out-of-range values: mf::Error.
    void add(const torch::Tensor &predicted, const torch::Tensor &target);

    /// Per-class precision, recall and F1 (0 when undefined), the matrix and `meanLoss`.
    EvalReport report(double meanLoss) const;

    std::int64_t total() const { return m_total; }
    double accuracy() const;
    std::int64_t classes() const { return m_classes; }
    /// counts[true * classes + predicted]
    const std::vector<std::int64_t> &counts() const { return m_counts; }

private:
    std::int64_t m_classes;
    std::int64_t m_total = 0;
    std::vector<std::int64_t> m_counts;
};

} // namespace mf
