#include "core/train/optimizerfactory.h"

#include "core/train/plannedadam.h"
#include "core/util/error.h"

namespace mf {

bool isKnownOptimizer(const std::string &name)
{
    return name == "sgd" || name == "momentum" || name == "nesterov" || name == "adagrad" ||
           name == "adam" || name == "adamw" || name == "rmsprop";
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimizerConfig &config,
                                                       std::vector<torch::Tensor> parameters)
{
    using namespace torch::optim;
    const std::string &name = config.name;
    if (!isKnownOptimizer(name))
        throw ConfigError("optimizer.name: unknown optimizer \"" + name +
                          "\" (expected sgd, momentum, nesterov, adagrad, adam, adamw or rmsprop)");
    const double momentum = config.effectiveMomentum();
    if (name == "nesterov" && !(momentum > 0.0))
        throw ConfigError("optimizer.momentum: nesterov needs a momentum greater than 0");
    try {
        if (name == "sgd")
            return std::make_unique<SGD>(
                std::move(parameters),
                SGDOptions(config.learningRate).weight_decay(config.weightDecay));
        if (name == "momentum" || name == "nesterov")
            return std::make_unique<SGD>(std::move(parameters),
                                         SGDOptions(config.learningRate)
                                             .momentum(momentum)
                                             .nesterov(name == "nesterov")
                                             .weight_decay(config.weightDecay));
        if (name == "adagrad")
            return std::make_unique<Adagrad>(std::move(parameters),
                                             AdagradOptions(config.learningRate)
                                                 .eps(config.epsilon)
                                                 .weight_decay(config.weightDecay));
        if (name == "adam")
            return std::make_unique<PlannedAdam>(std::move(parameters),
                                                 AdamOptions(config.learningRate)
                                                     .betas({config.beta1, config.beta2})
                                                     .eps(config.epsilon)
                                                     .weight_decay(config.weightDecay));
        if (name == "adamw")
            return std::make_unique<PlannedAdamW>(std::move(parameters),
                                                  AdamWOptions(config.learningRate)
                                                      .betas({config.beta1, config.beta2})
                                                      .eps(config.epsilon)
                                                      .weight_decay(config.weightDecay));
        return std::make_unique<RMSprop>(std::move(parameters),
                                         RMSpropOptions(config.learningRate)
                                             .alpha(config.alpha)
                                             .eps(config.epsilon)
                                             .momentum(momentum)
                                             .weight_decay(config.weightDecay));
    } catch (const c10::Error &error) {
        // LibTorch range checks (negative rate, beta outside [0, 1), ...).
        throw ConfigError("optimizer: " + name +
                          " rejects its settings: " + error.what_without_backtrace());
    }
}

void setLearningRate(torch::optim::Optimizer &optimizer, double rate)
{
    using namespace torch::optim;
    for (auto &group : optimizer.param_groups()) {
        auto &options = group.options();
        if (auto *sgd = dynamic_cast<SGDOptions *>(&options))
            sgd->lr(rate);
        else if (auto *adam = dynamic_cast<AdamOptions *>(&options))
            adam->lr(rate);
        else if (auto *adamw = dynamic_cast<AdamWOptions *>(&options))
            adamw->lr(rate);
        else if (auto *adagrad = dynamic_cast<AdagradOptions *>(&options))
            adagrad->lr(rate);
        else if (auto *rmsprop = dynamic_cast<RMSpropOptions *>(&options))
            rmsprop->lr(rate);
        else
            options.set_lr(rate);
    }
}

} // namespace mf
