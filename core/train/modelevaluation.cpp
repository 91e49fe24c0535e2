#include "core/train/modelevaluation.h"

#include "core/train/batchsource.h"
#include "core/train/confusionmatrix.h"
#include "core/train/losses.h"

#include <algorithm>

namespace mf {

namespace {

/// Restores a module's training flag when an evaluation ends, however it ends.
class EvalModeScope
{
public:
    explicit EvalModeScope(torch::nn::Module &module)
        : m_module(module), m_wasTraining(module.is_training())
    {
        m_module.eval();
    }
    ~EvalModeScope() { m_module.train(m_wasTraining); }
    EvalModeScope(const EvalModeScope &) = delete;
    EvalModeScope &operator=(const EvalModeScope &) = delete;

private:
    torch::nn::Module &m_module;
    bool m_wasTraining;
};

/// The wrong predictions, most confident first (ties: lower index first), at most `limit`.
/// All three tensors hold one value per sample, on the CPU.
std::vector<Misclassification> mostConfidentMistakes(const torch::Tensor &predicted,
                                                     const torch::Tensor &targets,
                                                     const torch::Tensor &confidence,
                                                     std::size_t limit)
{
    const torch::Tensor wrong = predicted.ne(targets).nonzero().flatten().contiguous();
    const torch::Tensor wrongPredicted = predicted.index_select(0, wrong).contiguous();
    const torch::Tensor wrongTargets = targets.index_select(0, wrong).contiguous();
    const torch::Tensor wrongConfidence =
        confidence.index_select(0, wrong).to(torch::kFloat64).contiguous();
    const std::int64_t *index = wrong.data_ptr<std::int64_t>();
    const std::int64_t *guess = wrongPredicted.data_ptr<std::int64_t>();
    const std::int64_t *truth = wrongTargets.data_ptr<std::int64_t>();
    const double *probability = wrongConfidence.data_ptr<double>();
    std::vector<Misclassification> mistakes(static_cast<std::size_t>(wrong.size(0)));
    for (std::size_t i = 0; i < mistakes.size(); ++i)
        mistakes[i] = {index[i], truth[i], guess[i], probability[i]};
    const auto moreConfident = [](const Misclassification &a, const Misclassification &b) {
        return a.confidence != b.confidence ? a.confidence > b.confidence : a.index < b.index;
    };
    const std::size_t kept = std::min(limit, mistakes.size());
    std::partial_sort(mistakes.begin(), mistakes.begin() + static_cast<std::ptrdiff_t>(kept),
                      mistakes.end(), moreConfident);
    mistakes.resize(kept);
    return mistakes;
}

} // namespace

EvalReport evaluateModel(torch::nn::Sequential &model, const BatchSource &source,
                         const std::string &loss, std::int64_t batchSize, std::int64_t numClasses)
{
    torch::NoGradGuard noGrad;
    EvalModeScope evalMode(*model);
    const std::int64_t batches = source.batchCount(batchSize);
    const std::vector<torch::Tensor> parameters = model->parameters();
    const torch::Device device =
        parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
    torch::Tensor lossSum = torch::zeros({}, torch::TensorOptions(torch::kFloat64).device(device));
    std::vector<torch::Tensor> predicted;
    std::vector<torch::Tensor> confidences;
    std::vector<torch::Tensor> targets;
    predicted.reserve(static_cast<std::size_t>(batches));
    confidences.reserve(static_cast<std::size_t>(batches));
    targets.reserve(static_cast<std::size_t>(batches));
    for (std::int64_t b = 0; b < batches; ++b) {
        const BatchSource::Batch batch = source.batch(b, batchSize);
        const torch::Tensor logits = model->forward(batch.inputs);
        const torch::Tensor batchLoss = computeLoss(loss, logits, batch.labels);
        lossSum += batchLoss.to(torch::kFloat64) * static_cast<double>(batch.labels.size(0));
        const auto [confidence, prediction] = torch::softmax(logits, 1).max(1);
        predicted.push_back(prediction);
        confidences.push_back(confidence);
        targets.push_back(batch.labels);
    }
    ConfusionMatrix matrix(numClasses);
    torch::Tensor allPredicted, allTargets;
    if (!predicted.empty()) {
        allPredicted = torch::cat(predicted).to(torch::kCPU);
        allTargets = torch::cat(targets).to(torch::kCPU);
        matrix.add(allPredicted, allTargets);
    }
    const double meanLoss =
        source.size() > 0 ? lossSum.item<double>() / static_cast<double>(source.size()) : 0.0;
    EvalReport report = matrix.report(meanLoss);
    if (!predicted.empty())
        report.mistakes =
            mostConfidentMistakes(allPredicted, allTargets, torch::cat(confidences).to(torch::kCPU),
                                  EvalReport::kMaxMistakes);
    return report;
}

} // namespace mf
