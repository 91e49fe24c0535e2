#include "core/compress/quantizationplanner.h"

#include "core/compress/quantengine.h"
#include "core/compress/variantmeasurement.h"
#include "core/util/error.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

namespace mf {

namespace {

double medianMillis(const std::function<void()> &work)
{
    using Clock = std::chrono::steady_clock;
    for (int i = 0; i < 3; ++i)
        work();
    std::vector<double> samples;
    for (int i = 0; i < 9; ++i) {
        const auto start = Clock::now();
        work();
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

std::string millisText(double millis)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f ms", millis);
    return text;
}

} // namespace

QuantPlan planQuantization(const torch::nn::Sequential &source,
                           const std::vector<torch::Tensor> &calibration,
                           const torch::Tensor &timingBatch, const QuantPlannerOptions &options)
{
    const std::vector<QuantizableLayer> layers = quantizableLayers(source, options.mode);
    if (layers.empty())
        throw ConfigError(options.mode == QuantMode::Static
                              ? "the model has no convolution or linear layer to quantise"
                              : "the model has no linear or recurrent layer to quantise "
                                "dynamically");
    const std::vector<c10::QEngine> engines = quantEngines();
    if (engines.empty())
        throw ConfigError("this LibTorch build offers no int8 engine");

    torch::NoGradGuard noGrad;
    const Calibration calibrated =
        options.mode == QuantMode::Static
            ? calibrate(source, calibration, options.observer, options.percentile)
            : Calibration{};
    const auto build = [&](const std::set<std::string> &int8) {
        return QuantizedSequential(source, options.mode, int8, calibrated);
    };
    const auto timed = [&](QuantizedSequential &model) {
        return options.timer ? options.timer(*model)
                             : medianMillis([&] { model->forward(timingBatch); });
    };

    std::set<std::string> all;
    for (const QuantizableLayer &layer : layers)
        all.insert(layer.name);

    QuantPlan plan;
    {
        torch::nn::Sequential sequential = source;
        plan.floatMillis =
            options.timer ? -1.0 : medianMillis([&] { sequential->forward(timingBatch); });
    }
    for (c10::QEngine engine : engines) {
        setQuantEngine(engine);
        QuantizedSequential model = build(all);
        plan.engineMillis.emplace_back(quantEngineName(engine), timed(model));
    }
    std::sort(plan.engineMillis.begin(), plan.engineMillis.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    plan.engine = quantEngineFromName(plan.engineMillis.front().first);
    setQuantEngine(plan.engine);

    QuantizedSequential everyLayer = build(all);
    const double allInt8 = options.timer ? timed(everyLayer) : -1.0;
    std::set<std::string> chosen = all;
    for (const QuantizableLayer &layer : layers) {
        std::set<std::string> without = all;
        without.erase(layer.name);
        QuantizedSequential model = build(without);
        QuantLayerDecision decision;
        decision.layer = layer.name;
        if (options.timer) {
            decision.int8Millis = allInt8;
            decision.floatMillis = timed(model);
        } else {
            // The two models take turns, so that a slow moment of the machine does not decide.
            const std::vector<LatencyStats> pair =
                measureLatencies({[&](const torch::Tensor &x) { return everyLayer->forward(x); },
                                  [&](const torch::Tensor &x) { return model->forward(x); }},
                                 timingBatch, 3, 9);
            decision.int8Millis = pair[0].medianMs;
            decision.floatMillis = pair[1].medianMs;
        }
        decision.int8 = decision.int8Millis <= decision.floatMillis;
        decision.reason = (decision.int8 ? "faster in int8: " : "slower in int8: ") +
                          millisText(decision.int8Millis) + " with it in int8, " +
                          millisText(decision.floatMillis) + " in fp32";
        if (!decision.int8)
            chosen.erase(layer.name);
        plan.layers.push_back(decision);
    }

    if (options.accuracy) {
        torch::nn::Sequential sequential = source;
        const double base =
            options.accuracy([&](const torch::Tensor &x) { return sequential->forward(x); }, {});
        for (QuantLayerDecision &decision : plan.layers) {
            if (!decision.int8)
                continue;
            QuantizedSequential alone = build({decision.layer});
            decision.accuracyAlone = options.accuracy(
                [&](const torch::Tensor &x) { return alone->forward(x); }, alone->int8Layers());
            const double cost = (base - decision.accuracyAlone) * 100.0;
            if (cost > options.accuracyBudget) {
                decision.int8 = false;
                chosen.erase(decision.layer);
                char text[160];
                std::snprintf(text, sizeof text,
                              "costs %.2f points of accuracy alone, more than the budget of %.2f",
                              cost, options.accuracyBudget);
                decision.reason = text;
            }
        }
    }
    plan.model = build(chosen);
    return plan;
}

} // namespace mf
