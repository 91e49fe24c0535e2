#pragma once
// A tiny two-class text corpus and a short text run on it, for the tests of inference on typed
// text (core, CLI and GUI). Torch-free: GUI tests include it.

#include "core/models/modelspec.h"
#include "core/train/trainingsession.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace mf::textrunfixture {

/// Filler words around "good" (class pos) or "bad" (class neg), which alone decides the class.
inline std::string review(std::mt19937 &random, bool positive)
{
    static const std::vector<std::string> filler = {"the",   "movie", "was",   "plot",
                                                    "actor", "quite", "story", "film",
                                                    "scene", "music", "ending"};
    std::uniform_int_distribution<std::size_t> pick(0, filler.size() - 1);
    std::string text;
    for (int i = 0; i < 3; ++i)
        text += filler[pick(random)] + " ";
    text += positive ? "good" : "bad";
    for (int i = 0; i < 2; ++i)
        text += " " + filler[pick(random)];
    return text;
}

/// A CSV text dataset ("text,label"; classes neg and pos) of `count` reviews.
inline void writeReviewsCsv(const std::string &path, int count, std::uint32_t seed)
{
    std::mt19937 random(seed);
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path);
    out << "text,label\n";
    for (int i = 0; i < count; ++i) {
        const bool positive = i % 2 == 0;
        out << review(random, positive) << (positive ? ",pos\n" : ",neg\n");
    }
}

/// A text run of model `type` on `dataset`: a few epochs, sequence length 12, one thread.
inline TrainConfig textRunConfig(const std::string &dataset, const std::string &type)
{
    TrainConfig config;
    config.dataset = dataset;
    config.model = defaultModelSpec(type);
    config.model.erase("vocab_size"); // the session takes the vocabulary's
    config.model["embedding_dim"] = 16;
    if (config.model.contains("hidden_size"))
        config.model["hidden_size"] = 16;
    config.optimizer.learningRate = type == "bag" ? 0.05 : 0.01; // Adam
    config.epochs = 6;
    config.batchSize = 16;
    config.validationFraction = 0.2;
    config.threads = 1;
    config.text.sequenceLength = 12;
    return config;
}

/// Trains `config` in `workspace` to the end; the run's id.
inline std::int64_t trainTextRun(const TrainConfig &config, const std::string &workspace)
{
    SessionOptions options;
    options.workspaceDir = workspace;
    options.runName = config.model.value("type", std::string("text")) + " on reviews";
    TrainingSession session(config, options);
    return session.run().runId;
}

/// Trains textRunConfig(dataset, type) in `workspace` to the end; the run's id.
inline std::int64_t trainTextRun(const std::string &dataset, const std::string &type,
                                 const std::string &workspace)
{
    return trainTextRun(textRunConfig(dataset, type), workspace);
}

} // namespace mf::textrunfixture
