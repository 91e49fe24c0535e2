// Augmentation throughput: the batched pipeline (random crop with padding 4, horizontal flip,
// brightness and contrast jitter, normalisation) on 32 x 32 x 3 uint8 images in batches of
// 256, against torchvision applying the same transforms per sample in a DataLoader (the peer
// script). Prints both figures and their ratio; it is not a pass/fail test.
//
// Each batch allocates a few MB of tensors and frees them again; with glibc's default settings
// the heap shrinks after every batch and page-faults back, which costs more than the pixel
// work. The pipeline is therefore timed twice: as is, and after mf::keepFreedMemoryForReuse()
// (glibc keeps its heap; both executables call it at start-up).
#include "core/augment/augmentpipeline.h"
#include "core/util/allocatortuning.h"
#include "core/util/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <thread>

#ifndef MODELFORGE_PEER_AUGMENT_SCRIPT
#error "MODELFORGE_PEER_AUGMENT_SCRIPT must name peer_torchvision_augment.py"
#endif

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::int64_t kBatchSize = 256;
constexpr int kWarmupBatches = 3;

const char *const kPipeline = R"({"operations": [
    {"op": "random_crop", "padding": 4, "padding_mode": "zeros"},
    {"op": "horizontal_flip", "probability": 0.5},
    {"op": "brightness", "strength": 0.2},
    {"op": "contrast", "strength": 0.2},
    {"op": "normalize", "mean": [0.4914, 0.4822, 0.4465], "std": [0.2470, 0.2435, 0.2616]}
]})";

double benchmarkPipeline(int batches)
{
    const mf::AugmentPipeline pipeline =
        mf::AugmentPipeline::fromJson(nlohmann::json::parse(kPipeline));
    torch::manual_seed(0);
    const torch::Tensor images =
        torch::randint(0, 256, {batches * kBatchSize, 3, 32, 32}, torch::kByte);
    auto run = [&](int batch) {
        const std::int64_t first = batch * kBatchSize;
        return pipeline.apply(images.narrow(0, first, kBatchSize), 1, 0,
                              torch::arange(first, first + kBatchSize));
    };
    for (int b = 0; b < std::min(kWarmupBatches, batches); ++b)
        run(b);
    const auto start = Clock::now();
    for (int b = 0; b < batches; ++b)
        run(b);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return static_cast<double>(batches * kBatchSize) / seconds;
}

/// Runs the peer script and returns its images/s, or a negative value when it cannot run.
double runPeer(int batches, unsigned threads)
{
    const std::string command = std::string("/usr/bin/python3 ") + MODELFORGE_PEER_AUGMENT_SCRIPT +
                                " --batches " + std::to_string(batches) + " --batch-size " +
                                std::to_string(kBatchSize) + " --threads " +
                                std::to_string(threads) + " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE *)> pipe(::popen(command.c_str(), "r"), ::pclose);
    if (!pipe) {
        std::printf("cannot start the peer: %s\n", command.c_str());
        return -1.0;
    }
    std::string output;
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get()))
        output += buffer.data();
    const std::size_t lineStart = output.rfind('{');
    const auto parsed = lineStart == std::string::npos
                            ? nlohmann::json()
                            : nlohmann::json::parse(output.substr(lineStart), nullptr, false);
    if (!parsed.is_object() || !parsed.contains("images_per_second")) {
        std::printf("the peer printed no result:\n%s\n", output.c_str());
        return -1.0;
    }
    return parsed["images_per_second"].get<double>();
}

} // namespace

int main(int argc, char **argv)
{
    int batches = 50;
    bool withPeer = true;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--no-peer") == 0)
            withPeer = false;
        else if (std::strcmp(argv[i], "--batches") == 0 && i + 1 < argc)
            batches = std::max(1, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
            threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        else {
            std::printf("usage: %s [--batches N] [--threads N] [--no-peer]\n"
                        "threads default to the hardware threads, for both sides\n",
                        argv[0]);
            return 2;
        }
    }
    torch::set_num_threads(static_cast<int>(threads));
    std::printf("augmentation: crop(pad 4) + hflip + brightness/contrast 0.2 + normalize, "
                "32x32x3 uint8, batch %lld, %d batches, %u threads\n",
                static_cast<long long>(kBatchSize), batches, threads);
    try {
        const double ours = benchmarkPipeline(batches);
        std::printf("modelforge batched pipeline:       %10.0f images/s\n", ours);
        double tuned = 0.0;
#ifdef __GLIBC__
        mf::keepFreedMemoryForReuse(); // what modelforge and modelforge-cli do at start-up
        tuned = benchmarkPipeline(batches);
        std::printf("  the same, allocator as the apps: %10.0f images/s\n", tuned);
#endif
        if (!withPeer)
            return 0;
        const double peer = runPeer(batches, threads);
        if (peer <= 0.0)
            return 1;
        std::printf("torchvision per-sample DataLoader: %10.0f images/s\n", peer);
        std::printf("ratio: %.1fx", ours / peer);
        if (tuned > 0.0)
            std::printf(", %.1fx with the apps' allocator setting", tuned / peer);
        std::printf("   (target >= 10x)\n");
    } catch (const mf::Error &e) {
        std::printf("error: %s\n", e.what());
        return 1;
    }
    return 0;
}
