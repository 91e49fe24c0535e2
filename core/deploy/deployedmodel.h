#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/deploy/modelbundlemeta.h"
#include "core/train/trainevents.h"

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace mf {

struct Dataset;
struct TextDataset;
class Tokenizer;
class Vocabulary;

/// A model loaded from a bundle (ModelBundle), ready for inference on the CPU.
class DeployedModel
{
public:
    /// DataError naming `path` when it is no ModelForge model bundle, a newer format, or its
    /// weights do not fit the network it describes.
    static DeployedModel load(const std::string &path);
    /// The same from bundle bytes; `name` stands for the file in errors.
    static DeployedModel fromBytes(const std::string &bytes, const std::string &name);

    const ModelBundleMeta &meta() const { return m_meta; }

    /// Class probabilities [N, classes] for raw inputs as a dataset holds them (uint8 images
    /// [N, C, H, W], float features [N, F] or token ids [N, seq_len]), normalised as the run
    /// was. ConfigError when their shape is not the model's.
    torch::Tensor probabilities(const torch::Tensor &raw) const;

    /// Class probabilities [N, classes] of `texts` (UTF-8) for a text model, as `eval` gives
    /// them for the same documents: textIds() fed to the model. A text without a single token
    /// (empty, only punctuation) is all padding, which the text models read as one <pad>
    /// token. ConfigError for a model that does not take text.
    torch::Tensor textProbabilities(const std::vector<std::string> &texts) const;

    /// `texts` as the run encoded its documents: tokenised with its tokenizer options, the
    /// first sequence_length ids of its vocabulary (unknown words <unk>), padded with <pad>;
    /// int64 [N, sequence_length]. ConfigError for a model that does not take text.
    torch::Tensor textIds(const std::vector<std::string> &texts) const;

    /// Evaluates on every sample of `dataset` as `modelforge-cli eval` reports a run. ConfigError
    /// when the dataset's samples or classes do not fit the model.
    EvalReport evaluate(const Dataset &dataset) const;
    /// The same for a text model on labelled texts, encoded as textIds() encodes them.
    /// ConfigError for a model that does not take text or classes that do not fit.
    EvalReport evaluateTexts(const TextDataset &texts) const;

private:
    /// Image, table and text inputs: what the model takes, for errors ("takes images").
    std::string inputDescription() const;

    ModelBundleMeta m_meta;
    /// Text models only; shared, so that copies of a DeployedModel stay cheap.
    std::shared_ptr<const Vocabulary> m_vocabulary;
    std::shared_ptr<const Tokenizer> m_tokenizer;
    std::function<torch::Tensor(const torch::Tensor &)> m_forward;
    std::string m_loss;
};

} // namespace mf
