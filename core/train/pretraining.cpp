#include "core/train/pretraining.h"

#include "core/train/batchsource.h"

namespace mf {

namespace {

constexpr double kChosen = 0.15;
constexpr double kMasked = 0.8;
constexpr double kRandom = 0.1;
constexpr std::int64_t kFirstOrdinaryId = 2; // after <pad> and <unk>
constexpr std::uint64_t kMaskingStream = 5;

} // namespace

std::optional<PretrainObjective> pretrainObjectiveOf(const TrainConfig &config)
{
    if (config.objective == "masked_tokens")
        return PretrainObjective::MaskedTokens;
    if (config.objective == "next_token")
        return PretrainObjective::NextToken;
    return std::nullopt;
}

TokenTask maskTokens(const torch::Tensor &ids, std::int64_t maskId, at::Generator &generator)
{
    const torch::Tensor cpu = ids.to(torch::kCPU, torch::kLong);
    const torch::Tensor real = cpu.ne(0);
    const auto floats = torch::TensorOptions(torch::kFloat32);
    torch::Tensor chosen = torch::rand(cpu.sizes(), generator, floats).lt(kChosen) & real;
    if (chosen.sum().item<std::int64_t>() == 0 && real.any().item<bool>()) {
        // A short batch can draw nothing: predict its first real token rather than no token.
        const torch::Tensor first = real.flatten().nonzero()[0];
        chosen.view({-1}).index_put_({first}, true);
    }
    const torch::Tensor roll = torch::rand(cpu.sizes(), generator, floats);
    const torch::Tensor masked = chosen & roll.lt(kMasked);
    const torch::Tensor randomised = chosen & roll.ge(kMasked) & roll.lt(kMasked + kRandom);
    const std::int64_t ordinary = std::max<std::int64_t>(maskId - kFirstOrdinaryId, 1);
    const torch::Tensor randomIds =
        torch::randint(ordinary, cpu.sizes(), generator, torch::kLong) + kFirstOrdinaryId;

    TokenTask task;
    task.inputs = torch::where(masked, torch::full_like(cpu, maskId),
                               torch::where(randomised, randomIds, cpu))
                      .to(ids.device());
    task.targets = torch::where(chosen, cpu, torch::full_like(cpu, kIgnoredToken)).to(ids.device());
    return task;
}

TokenTask nextTokenTask(const torch::Tensor &ids)
{
    const torch::Tensor tokens = ids.to(torch::kLong);
    const auto length = tokens.size(1);
    torch::Tensor next = torch::full_like(tokens, 0);
    if (length > 1)
        next.narrow(1, 0, length - 1).copy_(tokens.narrow(1, 1, length - 1));
    TokenTask task;
    task.inputs = tokens;
    task.targets = torch::where(next.ne(0), next, torch::full_like(next, kIgnoredToken));
    return task;
}

TokenTask tokenTask(PretrainObjective objective, const torch::Tensor &ids, std::int64_t vocabSize,
                    std::uint64_t seed, int epoch, std::int64_t batch)
{
    if (objective == PretrainObjective::NextToken)
        return nextTokenTask(ids);
    at::Generator generator = at::detail::createCPUGenerator(
        epochSeed(epochSeed(seed, epoch, kMaskingStream), static_cast<int>(batch), 0));
    return maskTokens(ids, vocabSize - 1, generator);
}

std::pair<torch::Tensor, torch::Tensor> predictTokens(torch::nn::Sequential &model,
                                                      const TokenTask &task)
{
    torch::Tensor x = task.inputs;
    const auto end = model->end();
    for (auto layer = model->begin(); layer + 1 != end; ++layer)
        x = layer->forward(x);
    const torch::Tensor predicted = task.targets.ne(kIgnoredToken);
    const torch::Tensor states = x.index({predicted}); // [M, H]
    return {(end - 1)->forward(states), task.targets.index({predicted})};
}

torch::Tensor tokenLoss(const torch::Tensor &logits, const torch::Tensor &targets)
{
    namespace F = torch::nn::functional;
    return F::cross_entropy(logits.reshape({-1, logits.size(-1)}), targets.reshape({-1}),
                            F::CrossEntropyFuncOptions().ignore_index(kIgnoredToken));
}

std::pair<torch::Tensor, torch::Tensor> tokenHits(const torch::Tensor &logits,
                                                  const torch::Tensor &targets)
{
    const torch::Tensor predicted = targets.ne(kIgnoredToken);
    const torch::Tensor right = logits.detach().argmax(-1).eq(targets) & predicted;
    return {right.sum(), predicted.sum()};
}

EvalReport evaluatePretraining(torch::nn::Sequential &model, const BatchSource &source,
                               PretrainObjective objective, std::int64_t vocabSize,
                               std::int64_t batchSize, std::uint64_t seed)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = model->is_training();
    model->eval();
    double lossSum = 0.0;
    std::int64_t right = 0;
    std::int64_t predicted = 0;
    const std::int64_t batches = source.batchCount(batchSize);
    for (std::int64_t b = 0; b < batches; ++b) {
        const BatchSource::Batch batch = source.batch(b, batchSize);
        const TokenTask task = tokenTask(objective, batch.inputs, vocabSize, seed, 0, b);
        const auto [logits, targets] = predictTokens(model, task);
        const auto [hits, count] = tokenHits(logits, targets);
        const std::int64_t n = count.item<std::int64_t>();
        if (n == 0)
            continue;
        lossSum += tokenLoss(logits, targets).item<double>() * static_cast<double>(n);
        right += hits.item<std::int64_t>();
        predicted += n;
    }
    model->train(wasTraining);
    EvalReport report;
    report.samples = source.size();
    report.tokenObjective =
        objective == PretrainObjective::MaskedTokens ? "masked_tokens" : "next_token";
    if (predicted > 0) {
        report.loss = lossSum / static_cast<double>(predicted);
        report.accuracy = static_cast<double>(right) / static_cast<double>(predicted);
    }
    return report;
}

} // namespace mf
