#include "core/train/checkpoint.h"

#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "core/util/sha256.h"
#include "core/util/shapetext.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <utility>

namespace mf {

namespace {

using Json = nlohmann::json;

const char *const kVersionKey = "format_version";
const char *const kHeaderKey = "header";
const char *const kModelKey = "model";
const char *const kOptimizerKey = "optimizer";
const char *const kDropoutGeneratorKey = "dropout_generator";

/// A checkpoint that reads fine but does not belong to the run it is loaded into.
struct Incompatible
{
    std::string reason;
};

Json finiteOrNull(double value)
{
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

double numberOrNan(const Json &value)
{
    return value.is_null() ? std::numeric_limits<double>::quiet_NaN() : value.get<double>();
}

Json headerToJson(const CheckpointHeader &header)
{
    const TrainingState &s = header.state;
    return Json{
        {"state",
         {{"epoch", s.epoch},
          {"global_step", s.globalStep},
          {"best_metric", finiteOrNull(s.bestMetric)},
          {"best_epoch", s.bestEpoch},
          {"best_val_accuracy", finiteOrNull(s.bestValAccuracy)},
          {"epochs_without_improvement", s.epochsWithoutImprovement},
          {"batch_in_epoch", s.batchInEpoch},
          {"epoch_loss_sum", finiteOrNull(s.epochLossSum)},
          {"epoch_samples", s.epochSamples},
          {"epoch_correct", s.epochCorrect},
          {"epoch_tokens", s.epochTokens},
          {"epoch_train_seconds", finiteOrNull(s.epochTrainSeconds)}}},
        {"normalization", {{"mean", header.normalization.mean}, {"std", header.normalization.std}}},
        {"config", header.configJson},
        {"sample_shape", header.sampleShape},
        {"num_classes", header.numClasses}};
}

CheckpointHeader headerFromJson(const Json &json, int version)
{
    CheckpointHeader header;
    header.formatVersion = version;
    const Json &s = json.at("state");
    header.state.epoch = s.at("epoch").get<int>();
    header.state.globalStep = s.at("global_step").get<std::int64_t>();
    header.state.bestMetric = numberOrNan(s.at("best_metric"));
    header.state.bestEpoch = s.at("best_epoch").get<int>();
    header.state.bestValAccuracy = numberOrNan(s.at("best_val_accuracy"));
    header.state.epochsWithoutImprovement = s.at("epochs_without_improvement").get<int>();
    if (version >= 2) {
        header.state.batchInEpoch = s.at("batch_in_epoch").get<std::int64_t>();
        header.state.epochLossSum = numberOrNan(s.at("epoch_loss_sum"));
        header.state.epochSamples = s.at("epoch_samples").get<std::int64_t>();
        header.state.epochCorrect = s.at("epoch_correct").get<std::int64_t>();
        header.state.epochTrainSeconds = numberOrNan(s.at("epoch_train_seconds"));
        // Written since pre-training runs; older version-2 files have none.
        header.state.epochTokens = s.value("epoch_tokens", std::int64_t{0});
    }
    header.normalization.mean = json.at("normalization").at("mean").get<std::vector<double>>();
    header.normalization.std = json.at("normalization").at("std").get<std::vector<double>>();
    header.configJson = json.at("config").get<std::string>();
    header.sampleShape = json.at("sample_shape").get<std::vector<std::int64_t>>();
    header.numClasses = json.at("num_classes").get<std::int64_t>();
    return header;
}

std::string firstLine(const std::string &text)
{
    const auto end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

/// Opens the archive and validates version and header; every failure becomes a DataError.
CheckpointHeader openArchive(const std::string &path, torch::serialize::InputArchive &archive,
                             c10::optional<torch::Device> device,
                             const std::string &expectedSha256 = {})
{
    const std::string bytes = readWholeFile(path);
    if (!expectedSha256.empty()) {
        const std::string actual = sha256Hex(bytes);
        if (actual != expectedSha256)
            throw DataError(path, "",
                            "its sha256 " + actual + " differs from the " + expectedSha256 +
                                " recorded in the run store: the checkpoint was changed after "
                                "it was written");
    }
    try {
        archive.load_from(bytes.data(), bytes.size(), device);
    } catch (const c10::Error &e) {
        throw DataError(path, "",
                        "not a readable checkpoint archive (" +
                            firstLine(e.what_without_backtrace()) + ")");
    }
    c10::IValue version;
    c10::IValue headerText;
    try {
        if (!archive.try_read(kVersionKey, version) || !version.isInt())
            throw DataError(path, "", "not a ModelForge checkpoint: it has no format version");
        if (version.toInt() < Checkpoint::kOldestReadableVersion ||
            version.toInt() > Checkpoint::kFormatVersion)
            throw DataError(path, "",
                            "checkpoint format version " + std::to_string(version.toInt()) +
                                " is not supported (this build reads versions " +
                                std::to_string(Checkpoint::kOldestReadableVersion) + " to " +
                                std::to_string(Checkpoint::kFormatVersion) + ")");
        if (!archive.try_read(kHeaderKey, headerText) || !headerText.isString())
            throw DataError(path, "", "the checkpoint has no header");
    } catch (const c10::Error &e) {
        throw DataError(path, "",
                        "corrupt checkpoint (" + firstLine(e.what_without_backtrace()) + ")");
    }
    CheckpointHeader header;
    try {
        header = headerFromJson(Json::parse(headerText.toStringRef()),
                                static_cast<int>(version.toInt()));
    } catch (const Json::exception &e) {
        throw DataError(path, "header", std::string("corrupt checkpoint header: ") + e.what());
    }
    const TrainingState &state = header.state;
    if (state.batchInEpoch < 0 || state.epochSamples < 0 || state.epochCorrect < 0 ||
        state.epochTokens < 0 ||
        state.epochCorrect > (state.epochTokens > 0 ? state.epochTokens : state.epochSamples) ||
        (state.insideEpoch() && state.epochSamples < state.batchInEpoch))
        throw DataError(path, "header", "corrupt checkpoint header: impossible epoch progress");
    if (state.insideEpoch()) {
        try {
            torch::Tensor generator;
            if (!archive.try_read(kDropoutGeneratorKey, generator, /*is_buffer=*/true) ||
                !generator.defined())
                throw DataError(path, "",
                                "the checkpoint was written inside epoch " +
                                    std::to_string(state.epoch + 1) +
                                    " but holds no dropout generator state");
            header.dropoutGeneratorState = generator.to(torch::kCPU).contiguous();
        } catch (const c10::Error &e) {
            throw DataError(path, "",
                            "corrupt checkpoint (" + firstLine(e.what_without_backtrace()) + ")");
        }
    }
    return header;
}

void checkCompatible(const CheckpointHeader &header, const TrainConfig &config,
                     const std::vector<std::int64_t> &sampleShape, std::int64_t numClasses)
{
    Json saved;
    try {
        saved = Json::parse(header.configJson);
    } catch (const Json::exception &e) {
        throw Incompatible{std::string("its stored configuration is not valid JSON: ") + e.what()};
    }
    if (!saved.is_object() || !saved.contains("model") || saved.at("model") != config.model)
        throw Incompatible{"it was made for a different model (" +
                           (saved.is_object() && saved.contains("model") ? saved.at("model").dump()
                                                                         : std::string("none")) +
                           " instead of " + config.model.dump() + ")"};
    const Json *optimizer = saved.contains("optimizer") ? &saved.at("optimizer") : nullptr;
    if (optimizer == nullptr || !optimizer->is_object() || !optimizer->contains("name") ||
        optimizer->at("name") != config.optimizer.name)
        throw Incompatible{"it was made with a different optimiser than \"" +
                           config.optimizer.name + "\""};
    if (header.sampleShape != sampleShape || header.numClasses != numClasses)
        throw Incompatible{"it was made for samples of shape " + shapeText(header.sampleShape) +
                           " in " + std::to_string(header.numClasses) +
                           " classes, the dataset has " + shapeText(sampleShape) + " in " +
                           std::to_string(numClasses)};
}

using TensorPairs = std::vector<std::pair<torch::Tensor, torch::Tensor>>;

void readTensor(torch::serialize::InputArchive &archive, const std::string &key,
                const std::string &name, const torch::Tensor &target, bool isBuffer,
                TensorPairs &pairs)
{
    torch::Tensor loaded;
    if (!archive.try_read(key, loaded, isBuffer))
        throw Incompatible{"it has no " + std::string(isBuffer ? "buffer " : "parameter ") + name};
    if (!target.defined())
        return;
    if (!loaded.defined() || loaded.sizes() != target.sizes() ||
        loaded.scalar_type() != target.scalar_type())
        throw Incompatible{
            name + " has shape " +
            (loaded.defined() ? shapeText(loaded.sizes().vec()) : std::string("none")) +
            ", the model expects " + shapeText(target.sizes().vec())};
    pairs.emplace_back(target, loaded);
}

/// Pairs every parameter and buffer of `module` with its saved tensor, mirroring Module::save.
void collectTensors(const torch::nn::Module &module, torch::serialize::InputArchive &archive,
                    const std::string &prefix, TensorPairs &pairs)
{
    for (const auto &parameter : module.named_parameters(/*recurse=*/false))
        readTensor(archive, parameter.key(), prefix + parameter.key(), parameter.value(), false,
                   pairs);
    for (const auto &buffer : module.named_buffers(/*recurse=*/false))
        readTensor(archive, buffer.key(), prefix + buffer.key(), buffer.value(), true, pairs);
    for (const auto &child : module.named_children()) {
        if (!child.value()->is_serializable())
            continue;
        torch::serialize::InputArchive childArchive;
        if (!archive.try_read(child.key(), childArchive))
            throw Incompatible{"it has no layer " + prefix + child.key()};
        collectTensors(*child.value(), childArchive, prefix + child.key() + ".", pairs);
    }
}

} // namespace

std::string Checkpoint::fileName(int epoch)
{
    char name[32];
    std::snprintf(name, sizeof(name), "epoch-%04d.pt", epoch);
    return name;
}

std::string Checkpoint::stopFileName(int epoch, std::int64_t globalStep)
{
    char name[64];
    std::snprintf(name, sizeof(name), "epoch-%04d-step-%08lld.pt", epoch,
                  static_cast<long long>(globalStep));
    return name;
}

std::int64_t Checkpoint::stepOfStopFileName(const std::string &name)
{
    const std::string marker = "-step-";
    const std::string suffix = ".pt";
    const auto at = name.find(marker);
    if (at == std::string::npos || name.size() <= at + marker.size() + suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0 ||
        epochOfFileName(name.substr(0, at) + suffix) <= 0)
        return 0;
    const std::string digits =
        name.substr(at + marker.size(), name.size() - at - marker.size() - suffix.size());
    if (digits.size() > 18 ||
        !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); }))
        return 0;
    return std::stoll(digits);
}

int Checkpoint::epochOfFileName(const std::string &name)
{
    const std::string prefix = "epoch-";
    const std::string suffix = ".pt";
    if (name.size() <= prefix.size() + suffix.size() ||
        name.compare(0, prefix.size(), prefix) != 0 ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return 0;
    const std::string digits =
        name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
    if (digits.size() > 9 ||
        !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); }))
        return 0;
    return std::stoi(digits);
}

void Checkpoint::save(const std::string &path, const CheckpointHeader &header,
                      const torch::nn::Module &model, const torch::optim::Optimizer &optimizer)
{
    torch::serialize::OutputArchive archive;
    archive.write(kVersionKey, c10::IValue(static_cast<std::int64_t>(kFormatVersion)));
    archive.write(kHeaderKey, c10::IValue(headerToJson(header).dump()));
    torch::serialize::OutputArchive modelArchive(archive.compilation_unit());
    model.save(modelArchive);
    archive.write(kModelKey, modelArchive);
    torch::serialize::OutputArchive optimizerArchive(archive.compilation_unit());
    optimizer.save(optimizerArchive);
    archive.write(kOptimizerKey, optimizerArchive);
    if (header.state.insideEpoch()) {
        if (!header.dropoutGeneratorState.defined())
            throw Error(path + ": a checkpoint inside an epoch needs the dropout generator state");
        archive.write(kDropoutGeneratorKey, header.dropoutGeneratorState, /*is_buffer=*/true);
    }
    std::ostringstream bytes;
    archive.save_to(bytes);
    writeFileAtomically(path, bytes.str());
}

CheckpointHeader Checkpoint::readHeader(const std::string &path)
{
    torch::serialize::InputArchive archive;
    return openArchive(path, archive, torch::Device(torch::kCPU));
}

namespace {

/// Loads `archive` into `optimizer`; when that throws, puts the previous state back first.
void loadOptimizerOrKeep(torch::optim::Optimizer &optimizer,
                         torch::serialize::InputArchive &archive)
{
    std::stringstream previous;
    {
        torch::serialize::OutputArchive backup;
        optimizer.save(backup);
        backup.save_to(previous);
    }
    try {
        optimizer.load(archive);
    } catch (...) {
        torch::serialize::InputArchive backup;
        backup.load_from(previous);
        optimizer.load(backup);
        throw;
    }
}

} // namespace

CheckpointHeader Checkpoint::load(const std::string &path, const TrainConfig &config,
                                  const std::vector<std::int64_t> &sampleShape,
                                  std::int64_t numClasses, torch::nn::Module &model,
                                  torch::optim::Optimizer *optimizer, torch::Device device,
                                  const std::string &expectedSha256)
{
    torch::serialize::InputArchive archive;
    const CheckpointHeader header = openArchive(path, archive, device, expectedSha256);
    try {
        checkCompatible(header, config, sampleShape, numClasses);
        torch::serialize::InputArchive modelArchive;
        if (!archive.try_read(kModelKey, modelArchive))
            throw DataError(path, "", "the checkpoint holds no model");
        // Everything is read and checked before anything is replaced: the weights are copied
        // only after the optimiser state has loaded, and an optimiser state that fails to load
        // is rolled back, so a bad checkpoint leaves the model and optimiser as they were.
        TensorPairs pairs;
        collectTensors(model, modelArchive, "", pairs);
        if (optimizer != nullptr) {
            torch::serialize::InputArchive optimizerArchive;
            if (!archive.try_read(kOptimizerKey, optimizerArchive))
                throw DataError(path, "", "the checkpoint holds no optimiser state");
            loadOptimizerOrKeep(*optimizer, optimizerArchive);
        }
        torch::NoGradGuard noGrad;
        for (auto &[target, loaded] : pairs)
            target.copy_(loaded);
    } catch (const Incompatible &e) {
        throw DataError(path, "", "incompatible checkpoint: " + e.reason);
    } catch (const c10::Error &e) {
        throw DataError(path, "",
                        "corrupt checkpoint (" + firstLine(e.what_without_backtrace()) + ")");
    }
    return header;
}

} // namespace mf
