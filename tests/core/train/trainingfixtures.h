#pragma once
// Small in-memory datasets and configs shared by the training engine tests.

#include "core/data/dataset.h"
#include "core/train/trainconfig.h"
#include "core/train/trainer.h"
#include "tests/support/testdata.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace mf::trainingfixtures {

/// testdata::makeImageSet as a Dataset: class k has a bright square at its own place.
inline Dataset imageDataset(int count, int classes, std::uint32_t seed, int channels = 1,
                            int size = 8)
{
    testdata::ImageSet set = testdata::makeImageSet(count, classes, channels, size, size, seed);
    Dataset dataset;
    dataset.kind = DatasetKind::Image;
    dataset.inputs =
        torch::from_blob(set.pixels.data(), {count, channels, size, size}, torch::kUInt8).clone();
    dataset.labels = torch::from_blob(set.labels.data(), {count}, torch::kUInt8).to(torch::kInt64);
    for (int k = 0; k < classes; ++k)
        dataset.classNames.push_back("class" + std::to_string(k));
    dataset.format = "idx";
    dataset.source = "memory";
    return dataset;
}

/// A small MLP with dropout (so the dropout RNG is exercised), Adam, one thread, 3 epochs.
inline TrainConfig smallConfig()
{
    TrainConfig config;
    config.dataset = "memory";
    config.model = {{"type", "mlp"}, {"hidden", {32}}, {"dropout", 0.1}};
    config.optimizer.name = "adam";
    config.optimizer.learningRate = 0.01;
    config.epochs = 3;
    config.batchSize = 32;
    config.validationFraction = 0.25;
    config.seed = 7;
    config.threads = 1;
    config.device = "cpu";
    return config;
}

/// Trainer options whose kernel plan is the reference everywhere (ATen, NCHW), whatever this
/// machine measures: trainers compared weight for weight use the same kernels.
inline TrainerOptions referenceKernels()
{
    TrainerOptions options;
    options.kernels.timer = [](const std::string &, const std::string &candidate) {
        return candidate == "aten" || candidate == "nchw" ? 1.0 : 2.0;
    };
    return options;
}

/// All parameters of a model flattened into one CPU tensor (a copy).
inline torch::Tensor flatParameters(torch::nn::Module &model)
{
    std::vector<torch::Tensor> flat;
    for (const torch::Tensor &parameter : model.parameters())
        flat.push_back(parameter.detach().to(torch::kCPU).reshape({-1}).clone());
    return torch::cat(flat);
}

} // namespace mf::trainingfixtures
