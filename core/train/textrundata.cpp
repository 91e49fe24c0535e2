#include "core/train/textrundata.h"

#include "core/augment/pipelinefile.h"
#include "core/data/datasetsplit.h"
#include "core/models/modelspec.h"
#include "core/store/runrecord.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/text/textpipelinefile.h"
#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "core/util/sha256.h"

#include <algorithm>
#include <filesystem>

namespace mf {

const char *const kVocabularyArtifact = "vocabulary";

namespace {

std::vector<std::vector<std::string>> tokenizeAll(const std::vector<std::string> &texts,
                                                  const Tokenizer &tokenizer)
{
    std::vector<std::vector<std::string>> documents;
    documents.reserve(texts.size());
    for (const std::string &text : texts)
        documents.push_back(tokenizer.tokenize(text));
    return documents;
}

Dataset encodeDocuments(const std::vector<std::vector<std::string>> &documents,
                        const TextDataset &texts, const Vocabulary &vocabulary, std::int64_t length)
{
    const auto count = static_cast<std::int64_t>(documents.size());
    Dataset dataset;
    dataset.kind = DatasetKind::Text;
    dataset.inputs = torch::empty({count, length}, torch::kInt64);
    std::int64_t *ids = dataset.inputs.data_ptr<std::int64_t>();
    for (std::int64_t i = 0; i < count; ++i) {
        const std::vector<std::int64_t> row =
            vocabulary.encode(documents[static_cast<std::size_t>(i)], length);
        std::copy(row.begin(), row.end(), ids + i * length);
    }
    dataset.labels = torch::tensor(texts.labels, torch::kInt64).reshape({count});
    dataset.classNames = texts.classNames;
    dataset.format = texts.format;
    dataset.source = texts.source;
    return dataset;
}

} // namespace

bool isTextRun(const TrainConfig &config)
{
    return !config.dataset.empty() && isTextDatasetPath(config.dataset);
}

void checkModelFitsDataset(const TrainConfig &config)
{
    const std::string type =
        config.model.is_object() ? config.model.value("type", std::string()) : std::string();
    const bool textModel = isTextModelType(type);
    if (isTextRun(config)) {
        if (!textModel)
            throw ConfigError("Model type \"" + type + "\" takes images or tables, but " +
                              config.dataset +
                              " is a text dataset: use rnn, gru, lstm, bag, textcnn or "
                              "transformer");
    } else if (textModel) {
        throw ConfigError("Model type \"" + type + "\" takes text, but " + config.dataset +
                          " is not a text dataset (a .csv with a \"text\" column, .tsv, .jsonl "
                          "or an aclImdb-style folder)");
    }
}

nlohmann::json readTextAugmentation(const TrainConfig &config)
{
    if (config.augmentation.empty())
        return nullptr;
    try {
        return loadTextAugmentPipeline(config.augmentation).toJson();
    } catch (const ConfigError &error) {
        std::string hint;
        try {
            loadAugmentPipeline(config.augmentation);
            hint = " (it is an image pipeline; " + config.dataset +
                   " is a text dataset: save a pipeline from the Augment page's text panel)";
        } catch (const ConfigError &) {
        }
        throw ConfigError(std::string("augmentation: ") + error.what() + hint);
    }
}

TokenizerOptions tokenizerOptions(const TextConfig &config)
{
    TokenizerOptions options;
    options.lowerCase = config.lowerCase;
    options.nfkc = config.nfkc;
    options.punctuation = config.punctuation;
    options.segmentation =
        config.tokenizer == "icu_words" ? Segmentation::Words : Segmentation::CjkCharacters;
    return options;
}

Dataset encodeTextDataset(const TextDataset &texts, const Vocabulary &vocabulary,
                          const TextConfig &config)
{
    const Tokenizer tokenizer(tokenizerOptions(config));
    return encodeDocuments(tokenizeAll(texts.texts, tokenizer), texts, vocabulary,
                           config.sequenceLength);
}

TextRunData loadTextRunData(const TrainConfig &config, const Vocabulary *stored)
{
    TextDatasetBundle bundle = loadTextDataset(config.dataset);
    const Tokenizer tokenizer(tokenizerOptions(config.text));
    const std::vector<std::vector<std::string>> documents =
        tokenizeAll(bundle.train.texts, tokenizer);

    // Split document indices, so the split is splitDataset's for the same seed and labels.
    Dataset indices;
    indices.kind = DatasetKind::Text;
    indices.inputs = torch::arange(bundle.train.size(), torch::kInt64).reshape({-1, 1});
    indices.labels = torch::tensor(bundle.train.labels, torch::kInt64).reshape({-1});
    indices.classNames = bundle.train.classNames;
    const SplitDatasets split = splitDataset(indices, config.validationFraction, config.seed);

    TextRunData data;
    if (stored != nullptr) {
        data.vocabulary = *stored;
    } else {
        std::vector<std::vector<std::string>> trainDocuments;
        const torch::Tensor trainRows = split.trainIndices.contiguous();
        const auto *rows = trainRows.data_ptr<std::int64_t>();
        for (std::int64_t r = 0; r < trainRows.numel(); ++r)
            trainDocuments.push_back(documents[static_cast<std::size_t>(rows[r])]);
        data.vocabulary =
            Vocabulary::build(trainDocuments, config.text.minFrequency, config.text.maxVocab);
    }
    const Dataset all =
        encodeDocuments(documents, bundle.train, data.vocabulary, config.text.sequenceLength);
    data.train = all.subset(split.trainIndices);
    data.validation = all.subset(split.validationIndices);
    data.trainIndices = split.trainIndices;
    data.trainTexts = std::make_shared<const std::vector<std::string>>(bundle.train.texts);
    if (bundle.test)
        data.test = encodeTextDataset(*bundle.test, data.vocabulary, config.text);
    return data;
}

void saveRunVocabulary(RunStore &store, const Workspace &workspace, std::int64_t runId,
                       const Vocabulary &vocabulary)
{
    const std::string dir = workspace.runDir(runId);
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/vocabulary.json";
    writeFileAtomically(path, vocabulary.toJson().dump());
    Artifact artifact;
    artifact.runId = runId;
    artifact.kind = kVocabularyArtifact;
    artifact.path = path;
    artifact.sizeBytes = static_cast<std::int64_t>(std::filesystem::file_size(path));
    artifact.sha256 = sha256OfFile(path);
    artifact.createdAtMs = RunStore::nowMs();
    store.addArtifact(artifact);
}

Vocabulary modelVocabulary(const RunStore &store, std::int64_t runId)
{
    const std::vector<Artifact> artifacts = store.artifacts(runId);
    const bool own = std::any_of(artifacts.begin(), artifacts.end(),
                                 [](const Artifact &a) { return a.kind == kVocabularyArtifact; });
    if (!own) {
        const auto params = store.params(runId);
        if (const auto parent = params.find(kParentRunParam); parent != params.end()) {
            try {
                return readRunVocabulary(store, std::stoll(parent->second));
            } catch (const std::logic_error &) {
                // Not a run id: the run's own (missing) vocabulary is the one to name below.
            }
        }
    }
    return readRunVocabulary(store, runId);
}

Vocabulary readRunVocabulary(const RunStore &store, std::int64_t runId)
{
    const std::vector<Artifact> artifacts = store.artifacts(runId);
    const auto found = std::find_if(artifacts.begin(), artifacts.end(), [](const Artifact &a) {
        return a.kind == kVocabularyArtifact;
    });
    if (found == artifacts.end())
        throw DataError(store.path(), "run " + std::to_string(runId),
                        "the run trained on text but has no vocabulary stored with it");
    const std::string &path = found->path;
    if (!std::filesystem::exists(path))
        throw DataError(path, "", "the vocabulary of run " + std::to_string(runId) + " is missing");
    if (sha256OfFile(path) != found->sha256)
        throw DataError(path, "",
                        "the vocabulary of run " + std::to_string(runId) +
                            " was changed after it was written (its sha256 differs)");
    try {
        return Vocabulary::fromJson(nlohmann::json::parse(readWholeFile(path)));
    } catch (const nlohmann::json::exception &e) {
        throw DataError(path, "", std::string("not a valid vocabulary: ") + e.what());
    } catch (const ConfigError &e) {
        throw DataError(path, "", std::string("not a valid vocabulary: ") + e.what());
    }
}

} // namespace mf
