// Int8 inference against fp32 and against PyTorch's own int8 (torch.ao.quantization, peer
// script), on the 2-conv Fashion-MNIST CNN (static int8), the MLP 784-1024-1024-10 (dynamic
// int8) and a bidirectional LSTM text classifier (dynamic int8 of the LSTM and the output
// layer; 64-token documents, vocabulary 20000, embedding 64, hidden 128): median and p95
// milliseconds of a forward pass at batch 1 and 64, the engine and the
// per-layer precision the planner chose with its reasons, and the size of the saved model.
// Then pruning: the CNN with half its channels removed (pruneChannels) against the full one
// and against PyTorch's half-width CNN, and PyTorch's 80%-sparse layer dense vs sparse.
// Random weights and inputs: only time and size are compared here. Not a pass/fail test. The
// fp32 CNN and MLP are timed in NCHW with ATen's kernels and in the layout and layer kernels
// the compression report picks for them (core/compress/inferencelayout.h); the int8 rows'
// "x vs fp32" is against the latter. For the static int8 CNN, the 3x target's status and what
// one batch-64 forward of fp32 and of int8 runs on oneDNN, with each kernel's instruction set;
// for half the channels, the 2.5x target's status, timed in turns as the report does, and the
// same for the full and the half network side by side.
//
//     build/tests/benchmarks/bench_compress [threads]
#include "core/compress/channelpruning.h"
#include "core/compress/inferencelayout.h"
#include "core/compress/inputquantizer.h"
#include "core/compress/quantengine.h"
#include "core/compress/quantizationplanner.h"
#include "core/compress/quantmaxpool.h"
#include "core/compress/variantmeasurement.h"
#include "core/compress/widthunfoldedconv.h"
#include "core/kernels/processormodel.h"
#include "core/models/modelfactory.h"
#include "core/train/environmentinfo.h"
#include "core/util/torchthreads.h"

#include "onednntrace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#ifndef MODELFORGE_PEER_QUANT_SCRIPT
#error "MODELFORGE_PEER_QUANT_SCRIPT must name peer_pytorch_quant.py"
#endif

namespace {

using Forward = std::function<torch::Tensor(const torch::Tensor &)>;

struct Latency
{
    double median = 0.0;
    double p95 = 0.0;
};

Latency latencyOn(const Forward &forward, const torch::Tensor &input, int repetitions)
{
    torch::NoGradGuard noGrad;
    for (int i = 0; i < 5; ++i)
        forward(input);
    std::vector<double> samples;
    for (int i = 0; i < repetitions; ++i) {
        const auto start = std::chrono::steady_clock::now();
        forward(input);
        samples.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(samples.begin(), samples.end());
    // p95 by nearest rank: the smallest sample with at least 95% of the samples at or below it.
    const auto rank = static_cast<std::size_t>(std::ceil(0.95 * double(samples.size())));
    return {samples[samples.size() / 2], samples[std::max<std::size_t>(rank, 1) - 1]};
}

Latency latency(const Forward &forward, std::int64_t batch, int repetitions)
{
    return latencyOn(forward, torch::randn({batch, 1, 28, 28}), repetitions);
}

std::uintmax_t savedBytes(const std::shared_ptr<torch::nn::Module> &module, const std::string &name)
{
    const std::string path =
        (std::filesystem::temp_directory_path() / ("mf-bench-compress-" + name + ".pt")).string();
    torch::save(module, path);
    const std::uintmax_t bytes = std::filesystem::file_size(path);
    std::filesystem::remove(path);
    return bytes;
}

nlohmann::json peer(int threads)
{
    const std::string command = std::string("/usr/bin/python3 ") + MODELFORGE_PEER_QUANT_SCRIPT +
                                " --threads " + std::to_string(threads) + " 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE *)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string output;
    char buffer[4096];
    while (pipe && std::fgets(buffer, sizeof buffer, pipe.get()) != nullptr)
        output += buffer;
    return nlohmann::json::parse(output, nullptr, false);
}

void printRow(const char *what, const Latency &one, const Latency &batch,
              const nlohmann::json &peerRow, double fp32Batch)
{
    std::printf("  %-34s b1 %6.2f / %6.2f ms   b64 %7.2f / %7.2f ms   x%.2f vs fp32", what,
                one.median, one.p95, batch.median, batch.p95, fp32Batch / batch.median);
    if (peerRow.is_object()) {
        const double peer64 = peerRow["64"][0].get<double>();
        std::printf("   | PyTorch b1 %6.2f  b64 %7.2f ms  ours/peer b64 speed %.2f",
                    peerRow["1"][0].get<double>(), peer64, peer64 / batch.median);
    }
    std::printf("\n");
}

/// What one batch-64 forward of `forward` runs on oneDNN, primitive by primitive with the
/// instruction set of each implementation, and the rest of its `medianMillis`.
void printOneDnnTrace(const char *what, const Forward &forward, double medianMillis)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor input = torch::randn({64, 1, 28, 28});
    const std::vector<mfbench::OneDnnPrimitive> primitives =
        mfbench::traceOneDnn([&] { forward(input); }, 9);
    if (primitives.empty()) {
        std::printf("    %s: oneDNN's verbose mode reported nothing\n", what);
        return;
    }
    double onednn = 0.0;
    for (const mfbench::OneDnnPrimitive &primitive : primitives) {
        std::printf("    %-5s %-13s %-30s %-58s %6.3f ms\n", what, primitive.kind.c_str(),
                    primitive.implementation.c_str(), primitive.problem.c_str(), primitive.millis);
        onednn += primitive.millis;
    }
    std::printf("    %-5s oneDNN %.3f ms of the %.3f ms median; the rest is ATen's own kernels "
                "(pooling, ReLU, BLAS, quantisation) and the calls between them\n",
                what, onednn, medianMillis);
}

/// What one batch-64 forward of the full and of the half-width network runs on oneDNN, primitive
/// beside primitive with how much less each takes, then the rest of each median (ATen's and our
/// own kernels: pooling, ReLU, BLAS, the flatten copy, and the calls between them).
void printPrunedTrace(const Forward &full, const Forward &half, double fullMillis,
                      double halfMillis)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor input = torch::randn({64, 1, 28, 28});
    const std::vector<mfbench::OneDnnPrimitive> a = mfbench::traceOneDnn([&] { full(input); }, 9);
    const std::vector<mfbench::OneDnnPrimitive> b = mfbench::traceOneDnn([&] { half(input); }, 9);
    if (a.empty() || a.size() != b.size()) {
        printOneDnnTrace("full", full, fullMillis);
        printOneDnnTrace("half", half, halfMillis);
        return;
    }
    double onednnFull = 0.0, onednnHalf = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        std::printf("    %-12s %-20s %-54s %6.3f ms  %-54s %6.3f ms  x%.2f\n", a[i].kind.c_str(),
                    a[i].implementation.c_str(), a[i].problem.c_str(), a[i].millis,
                    b[i].problem.c_str(), b[i].millis, a[i].millis / b[i].millis);
        onednnFull += a[i].millis;
        onednnHalf += b[i].millis;
    }
    std::printf("    the rest: full %.3f ms, half %.3f ms, x%.2f\n", fullMillis - onednnFull,
                halfMillis - onednnHalf, (fullMillis - onednnFull) / (halfMillis - onednnHalf));
}

void benchModel(const char *title, const nlohmann::json &spec, mf::QuantMode mode,
                const nlohmann::json &peerFp32, const nlohmann::json &peerInt8)
{
    torch::nn::Sequential model = mf::buildModel(spec, {1, 28, 28}, 10, 1);
    model->eval();
    const Forward fp32 = [&](const torch::Tensor &x) { return model->forward(x); };
    std::printf("%s (%s int8), median / p95\n", title,
                mode == mf::QuantMode::Static ? "static" : "dynamic");
    const Latency nchwBatch = latency(fp32, 64, 40);
    printRow("fp32 NCHW", latency(fp32, 1, 200), nchwBatch, peerFp32, nchwBatch.median);
    // The compression report times fp32 models in the layout measured faster for each: int8
    // is compared with that, not with a slower fp32.
    const mf::InferenceLayout layout = mf::InferenceLayout::choose(model, {1, 28, 28});
    const Latency fp32Batch = latency(layout.forward(), 64, 40);
    printRow(layout.channelsLast() ? "fp32 channels-last (as the report)"
                                   : "fp32 NCHW (as the report)",
             latency(layout.forward(), 1, 200), fp32Batch, peerFp32, fp32Batch.median);
    if (!layout.note().empty())
        std::printf("  fp32: %s\n", layout.note().c_str());

    std::vector<torch::Tensor> calibration;
    for (int i = 0; i < 8; ++i)
        calibration.push_back(torch::randn({64, 1, 28, 28}));
    mf::QuantPlannerOptions options;
    options.mode = mode;
    mf::QuantPlan plan =
        mf::planQuantization(model, calibration, torch::randn({64, 1, 28, 28}), options);
    for (const auto &[engine, millis] : plan.engineMillis) {
        mf::setQuantEngine(mf::quantEngineFromName(engine));
        std::set<std::string> all;
        for (const mf::QuantizableLayer &layer : mf::quantizableLayers(model, mode))
            all.insert(layer.name);
        mf::QuantizedSequential every(
            model, mode, all,
            mode == mf::QuantMode::Static
                ? mf::calibrate(model, calibration, mf::ObserverKind::MinMax)
                : mf::Calibration{});
        const Forward forward = [&](const torch::Tensor &x) { return every->forward(x); };
        printRow(("int8, every layer, " + engine).c_str(), latency(forward, 1, 200),
                 latency(forward, 64, 40),
                 peerInt8.is_object() ? peerInt8.value(engine, nlohmann::json()) : nlohmann::json(),
                 fp32Batch.median);
    }
    mf::setQuantEngine(plan.engine);
    std::printf("  planner: engine %s;", mf::quantEngineName(plan.engine));
    for (const mf::QuantLayerDecision &decision : plan.layers)
        std::printf(" %s %s (%s);", decision.layer.c_str(), decision.int8 ? "int8" : "fp32",
                    decision.reason.c_str());
    std::printf("\n");
    const Forward planned = [&](const torch::Tensor &x) { return plan.model->forward(x); };
    const Latency plannedBatch = latency(planned, 64, 40);
    printRow("int8 as planned", latency(planned, 1, 200), plannedBatch,
             peerInt8.is_object()
                 ? peerInt8.value(mf::quantEngineName(plan.engine), nlohmann::json())
                 : nlohmann::json(),
             fp32Batch.median);
    if (mode == mf::QuantMode::Static) {
        std::printf("  input quantisation: b1 %s; b64 %s\n",
                    mf::InputQuantizer::summary(torch::randn({1, 1, 28, 28})).c_str(),
                    mf::InputQuantizer::summary(torch::randn({64, 1, 28, 28})).c_str());
        std::printf("  int8 max pooling: b64 %s\n", mf::QuantMaxPool::summary(64).c_str());
        std::printf("  single-channel convolution: b1 %s; b64 %s\n",
                    mf::WidthUnfoldedConv::summary(1).c_str(),
                    mf::WidthUnfoldedConv::summary(64).c_str());
        const double speedUp = fp32Batch.median / plannedBatch.median;
        std::printf("  target, static int8 at least 3x faster than fp32 at b64: x%.2f, %s; what "
                    "one forward runs on oneDNN, median of 9:\n",
                    speedUp, speedUp >= 3.0 ? "met" : "not met");
        printOneDnnTrace("fp32", layout.forward(), fp32Batch.median);
        printOneDnnTrace("int8", planned, plannedBatch.median);
    }
    const double fp32Bytes = double(savedBytes(model.ptr(), "fp32"));
    const double int8Bytes = double(savedBytes(plan.model.ptr(), "int8"));
    std::printf("  saved file: fp32 %.0f KiB, int8 as planned %.0f KiB (%.3f of fp32)\n\n",
                fp32Bytes / 1024.0, int8Bytes / 1024.0, int8Bytes / fp32Bytes);
}

/// Structured pruning of half the CNN's channels (the smaller network pruneChannels() builds)
/// against the full network, in NCHW and in the layout and kernels the report picks for each,
/// beside PyTorch's full and half-width CNN; then PyTorch's 80%-sparse fc1, dense against sparse.
void benchPruning(const nlohmann::json &peers)
{
    const auto field = [&](const char *name) {
        return peers.is_object() ? peers.value(name, nlohmann::json()) : nlohmann::json();
    };
    const nlohmann::json spec = {{"type", "cnn"}};
    torch::nn::Sequential model = mf::buildModel(spec, {1, 28, 28}, 10, 1);
    model->eval();
    const mf::ChannelPruned pruned =
        mf::pruneChannels(model, spec, {1, 28, 28}, 10, 0.5, mf::ChannelNorm::L1);
    torch::nn::Sequential half = pruned.model;
    half->eval();
    std::printf("2-conv CNN, half of every layer's channels removed (fp32), median / p95\n");
    const Forward full = [&](const torch::Tensor &x) { return model->forward(x); };
    const Forward smaller = [&](const torch::Tensor &x) { return half->forward(x); };
    const Latency fullBatch = latency(full, 64, 40);
    printRow("full, NCHW", latency(full, 1, 200), fullBatch, field("cnn_fp32"), fullBatch.median);
    const Latency halfBatch = latency(smaller, 64, 40);
    printRow("half the channels, NCHW", latency(smaller, 1, 200), halfBatch, field("cnn_half_fp32"),
             fullBatch.median);
    const mf::InferenceLayout fullLayout = mf::InferenceLayout::choose(model, {1, 28, 28});
    const mf::InferenceLayout halfLayout = mf::InferenceLayout::choose(half, {1, 28, 28});
    const Latency fullChosen = latency(fullLayout.forward(), 64, 40);
    printRow(fullLayout.channelsLast() ? "full, channels-last (report)" : "full, NCHW (report)",
             latency(fullLayout.forward(), 1, 200), fullChosen, field("cnn_fp32_cl"),
             fullChosen.median);
    const Latency halfChosen = latency(halfLayout.forward(), 64, 40);
    printRow(halfLayout.channelsLast() ? "half, channels-last (report)" : "half, NCHW (report)",
             latency(halfLayout.forward(), 1, 200), halfChosen, field("cnn_half_fp32_cl"),
             fullChosen.median);
    std::printf("  full: %s\n  half: %s\n", fullLayout.note().c_str(), halfLayout.note().c_str());
    const auto peerRatio = [&](const char *fullName, const char *halfName) {
        const nlohmann::json a = field(fullName), b = field(halfName);
        return a.is_object() && b.is_object() ? a["64"][0].get<double>() / b["64"][0].get<double>()
                                              : 0.0;
    };
    std::printf("  half the channels at b64: x%.2f in NCHW, x%.2f as the report measures; "
                "PyTorch x%.2f in NCHW, x%.2f in channels-last (widths %s)\n",
                fullBatch.median / halfBatch.median, fullChosen.median / halfChosen.median,
                peerRatio("cnn_fp32", "cnn_half_fp32"),
                peerRatio("cnn_fp32_cl", "cnn_half_fp32_cl"), pruned.spec.dump().c_str());
    // As the report times them: in turns, so that a slow moment of the machine falls on both.
    const std::vector<mf::LatencyStats> inTurns = mf::measureLatencies(
        {fullLayout.forward(), halfLayout.forward()}, torch::randn({64, 1, 28, 28}), 5, 60);
    const double speedUp = inTurns[0].medianMs / inTurns[1].medianMs;
    std::printf("  target, half the channels at least 2.5x faster than fp32 at b64, timed in turns "
                "as the report does: %.2f against %.2f ms, x%.2f, %s; what one forward runs on "
                "oneDNN, median of 9, full then half:\n",
                inTurns[1].medianMs, inTurns[0].medianMs, speedUp,
                speedUp >= 2.5 ? "met" : "not met");
    printPrunedTrace(fullLayout.forward(), halfLayout.forward(), inTurns[0].medianMs,
                     inTurns[1].medianMs);
    const nlohmann::json sparse = field("sparse_fc1");
    if (sparse.is_object())
        std::printf("  PyTorch, fc1 (3136 -> 128) at 80%% L1-unstructured sparsity, b64: dense "
                    "%.3f ms, sparse COO %.3f ms (x%.1f slower): sparsity saves space, not "
                    "time, on this CPU\n",
                    sparse["dense"][0].get<double>(), sparse["sparse"][0].get<double>(),
                    sparse["sparse"][0].get<double>() / sparse["dense"][0].get<double>());
    std::printf("\n");
}

constexpr std::int64_t kVocabulary = 20000;
constexpr std::int64_t kTokens = 64;

/// Full-length documents of ordinary tokens: the recurrent encoder's slowest case.
torch::Tensor documents(std::int64_t batch)
{
    return torch::randint(2, kVocabulary, {batch, kTokens}, torch::kLong);
}

void benchText(const nlohmann::json &peerFp32, const nlohmann::json &peerInt8)
{
    const nlohmann::json spec = {{"type", "lstm"},
                                 {"vocab_size", kVocabulary},
                                 {"embedding_dim", 64},
                                 {"hidden_size", 128},
                                 {"bidirectional", true}};
    torch::nn::Sequential model = mf::buildModel(spec, {kTokens}, 2, 1);
    model->eval();
    std::printf("bidirectional LSTM text classifier, %lld tokens (dynamic int8), median / p95\n",
                static_cast<long long>(kTokens));
    const torch::Tensor one = documents(1);
    const torch::Tensor batch = documents(64);
    const Forward fp32 = [&](const torch::Tensor &x) { return model->forward(x); };
    const Latency fp32Batch = latencyOn(fp32, batch, 20);
    printRow("fp32", latencyOn(fp32, one, 100), fp32Batch, peerFp32, fp32Batch.median);
    mf::QuantPlannerOptions options;
    options.mode = mf::QuantMode::Dynamic;
    mf::QuantPlan plan = mf::planQuantization(model, {}, batch, options);
    for (const auto &[engine, millis] : plan.engineMillis) {
        mf::setQuantEngine(mf::quantEngineFromName(engine));
        mf::QuantizedSequential every(model, mf::QuantMode::Dynamic,
                                      std::set<std::string>{"encoder", "out"}, mf::Calibration{});
        const Forward forward = [&](const torch::Tensor &x) { return every->forward(x); };
        printRow(("int8 LSTM and output, " + engine).c_str(), latencyOn(forward, one, 100),
                 latencyOn(forward, batch, 20),
                 peerInt8.is_object() ? peerInt8.value(engine, nlohmann::json()) : nlohmann::json(),
                 fp32Batch.median);
    }
    mf::setQuantEngine(plan.engine);
    std::printf("  planner: engine %s;", mf::quantEngineName(plan.engine));
    for (const mf::QuantLayerDecision &decision : plan.layers)
        std::printf(" %s %s (%s);", decision.layer.c_str(), decision.int8 ? "int8" : "fp32",
                    decision.reason.c_str());
    std::printf("\n");
    mf::QuantizedSequential every(model, mf::QuantMode::Dynamic,
                                  std::set<std::string>{"encoder", "out"}, mf::Calibration{});
    const double fp32Bytes = double(savedBytes(model.ptr(), "lstm-fp32"));
    const double int8Bytes = double(savedBytes(every.ptr(), "lstm-int8"));
    std::printf("  saved file: fp32 %.0f KiB, int8 LSTM and output %.0f KiB (%.3f of fp32; the "
                "fp32 embedding is most of it)\n\n",
                fp32Bytes / 1024.0, int8Bytes / 1024.0, int8Bytes / fp32Bytes);
}

} // namespace

int main(int argc, char **argv)
{
    const int threads = mf::setTorchThreads(argc > 1 ? std::atoi(argv[1]) : 0);
    torch::manual_seed(1);
    std::string engines;
    for (c10::QEngine engine : mf::quantEngines())
        engines += std::string(engines.empty() ? "" : ", ") + mf::quantEngineName(engine);
    std::printf("%s, ATen CPU capability %s, %d thread(s), int8 engines: %s\n\n",
                mf::processorModel().c_str(), mf::cpuCapability().c_str(), threads,
                engines.c_str());
    const nlohmann::json peers = peer(threads);
    if (!peers.is_object())
        std::printf("(the PyTorch peer did not run: MODELFORGE_BENCH_DEPS=1 "
                    "packaging/install-deps.sh installs python3-torch)\n\n");
    const auto field = [&](const char *name) {
        return peers.is_object() ? peers.value(name, nlohmann::json()) : nlohmann::json();
    };
    benchModel("2-conv CNN", {{"type", "cnn"}}, mf::QuantMode::Static, field("cnn_fp32"),
               field("cnn"));
    benchModel("MLP 784-1024-1024-10", {{"type", "mlp"}, {"hidden", {1024, 1024}}},
               mf::QuantMode::Dynamic, field("mlp_fp32"), field("mlp"));
    benchText(field("lstm_fp32"), field("lstm"));
    benchPruning(peers);
    return 0;
}
