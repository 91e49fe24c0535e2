#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

namespace mf {

/// Hinton, Vinyals & Dean's knowledge-distillation loss ("Distilling the Knowledge in a Neural
/// Network", 2015), averaged over the batch:
///     alpha * T^2 * KL(softmax(teacher / T) || softmax(student / T))
///   + (1 - alpha) * cross_entropy(student, labels)
/// The T^2 keeps the soft term's gradients the same size whatever the temperature. `teacher`
/// carries no gradient (it is detached here); `student` and `teacher` are logits [N, classes],
/// `labels` class indices [N]. Throws mf::ConfigError for T <= 0 or alpha outside [0, 1].
struct DistillationLoss
{
    double temperature = 4.0;
    double alpha = 0.9;

    torch::Tensor operator()(const torch::Tensor &student, const torch::Tensor &teacher,
                             const torch::Tensor &labels) const;
};

} // namespace mf
