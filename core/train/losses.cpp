#include "core/train/losses.h"

#include "core/util/error.h"

namespace mf {

bool isKnownLoss(const std::string &name)
{
    return name == "cross_entropy" || name == "mse" || name == "bce";
}

torch::Tensor computeLoss(const std::string &name, const torch::Tensor &logits,
                          const torch::Tensor &targets)
{
    namespace F = torch::nn::functional;
    if (!isKnownLoss(name))
        throw ConfigError("loss: unknown loss \"" + name +
                          "\" (expected cross_entropy, mse or bce)");
    if (logits.dim() != 2 || targets.dim() != 1 || logits.size(0) != targets.size(0))
        throw Error("loss: expected logits [batch, classes] and targets [batch], got " +
                    std::to_string(logits.dim()) + "-d logits and " +
                    std::to_string(targets.dim()) + "-d targets of different batch sizes");
    if (name == "cross_entropy")
        return F::cross_entropy(logits, targets);
    const auto oneHot = F::one_hot(targets, logits.size(1)).to(logits.scalar_type());
    if (name == "mse")
        return F::mse_loss(torch::softmax(logits, 1), oneHot);
    return F::binary_cross_entropy_with_logits(logits, oneHot);
}

torch::Tensor weightPenalty(torch::nn::Module &model, double l1, double l2)
{
    const auto parameters = model.parameters(/*recurse=*/true);
    auto options = torch::TensorOptions().dtype(torch::kFloat32);
    if (!parameters.empty())
        options = options.device(parameters.front().device());
    torch::Tensor penalty = torch::zeros({}, options);
    if (l1 == 0.0 && l2 == 0.0)
        return penalty;
    // Norm-layer weights and all biases are 1-d, so dim > 1 keeps exactly the weight matrices
    // and convolution kernels.
    for (const auto &p : parameters) {
        if (p.dim() <= 1)
            continue;
        if (l1 != 0.0)
            penalty = penalty + l1 * p.abs().sum();
        if (l2 != 0.0)
            penalty = penalty + 0.5 * l2 * p.pow(2).sum();
    }
    return penalty;
}

} // namespace mf
