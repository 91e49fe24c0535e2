#include "core/text/textaugmentpipeline.h"

#include "core/augment/augmentrandom.h"
#include "core/models/specreader.h"
#include "core/text/edaoperations.h"
#include "core/text/tokenizer.h"
#include "core/text/wordnet.h"
#include "core/util/error.h"

#include <cmath>

namespace mf {

namespace {

std::string knownNames()
{
    std::string text;
    const std::vector<std::string> &names = TextAugmentOp::names();
    for (std::size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return text;
}

/// A number in [0, 1].
double readFraction(const SpecReader &reader, const std::string &key, double fallback)
{
    if (!reader.has(key))
        return fallback;
    const nlohmann::json &value = reader.value(key);
    if (!value.is_number())
        reader.fail(key, "must be a number in [0, 1]");
    const double number = value.get<double>();
    if (!std::isfinite(number) || number < 0.0 || number > 1.0)
        reader.fail(key, "must be in [0, 1] (got " + SpecReader::formatNumber(number) + ")");
    return number;
}

} // namespace

const std::vector<std::string> &TextAugmentOp::names()
{
    static const std::vector<std::string> names = {"synonym_replacement", "random_insertion",
                                                   "random_swap", "random_deletion",
                                                   "sentence_reorder"};
    return names;
}

std::string TextAugmentOp::name() const
{
    return names().at(static_cast<std::size_t>(kind));
}

std::optional<TextAugmentKind> TextAugmentOp::kindNamed(const std::string &name)
{
    const std::vector<std::string> &all = names();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i] == name)
            return static_cast<TextAugmentKind>(i);
    return std::nullopt;
}

bool TextAugmentOp::operator==(const TextAugmentOp &other) const
{
    return kind == other.kind && enabled == other.enabled && probability == other.probability &&
           (!usesAlpha() || alpha == other.alpha);
}

TextAugmentPipeline::TextAugmentPipeline(std::vector<TextAugmentOp> ops, TextLevel level)
    : m_ops(std::move(ops)), m_level(level)
{
}

void TextAugmentPipeline::add(const TextAugmentOp &op)
{
    m_ops.push_back(op);
}

std::string TextAugmentPipeline::levelName(TextLevel level)
{
    switch (level) {
    case TextLevel::Word:
        return "word";
    case TextLevel::Char:
        return "char";
    case TextLevel::Auto:
        break;
    }
    return "auto";
}

nlohmann::json TextAugmentPipeline::toJson() const
{
    nlohmann::json operations = nlohmann::json::array();
    for (const TextAugmentOp &op : m_ops) {
        nlohmann::json item = {
            {"op", op.name()}, {"enabled", op.enabled}, {"probability", op.probability}};
        if (op.usesAlpha())
            item["alpha"] = op.alpha;
        operations.push_back(std::move(item));
    }
    return {{"level", levelName(m_level)}, {"operations", std::move(operations)}};
}

TextAugmentPipeline TextAugmentPipeline::fromJson(const nlohmann::json &json,
                                                  const std::string &prefix)
{
    if (!json.is_object()) {
        std::string name = prefix;
        if (!name.empty() && name.back() == '.')
            name.pop_back();
        throw ConfigError((name.empty() ? std::string("text augmentation pipeline") : name) +
                          ": must be a JSON object");
    }
    const SpecReader reader(json, prefix);
    reader.rejectUnknown({"level", "operations"});
    TextAugmentPipeline pipeline;
    const std::string level = reader.text("level", "auto");
    if (level == "word")
        pipeline.m_level = TextLevel::Word;
    else if (level == "char")
        pipeline.m_level = TextLevel::Char;
    else if (level != "auto")
        reader.fail("level", "must be \"auto\", \"word\" or \"char\" (got \"" + level + "\")");
    if (!reader.has("operations"))
        return pipeline;
    const nlohmann::json &operations = reader.value("operations");
    if (!operations.is_array())
        reader.fail("operations", "must be an array of operations");
    for (std::size_t i = 0; i < operations.size(); ++i) {
        const std::string itemKey = prefix + "operations[" + std::to_string(i) + "]";
        if (!operations[i].is_object())
            throw ConfigError(itemKey + ": must be a JSON object");
        const SpecReader item(operations[i], itemKey + ".");
        const std::string name = item.requiredText("op");
        const std::optional<TextAugmentKind> kind = TextAugmentOp::kindNamed(name);
        if (!kind)
            item.fail("op", "unknown operation \"" + name + "\" (expected " + knownNames() + ")");
        TextAugmentOp op;
        op.kind = *kind;
        if (op.usesAlpha())
            item.rejectUnknown({"op", "enabled", "probability", "alpha"});
        else
            item.rejectUnknown({"op", "enabled", "probability"});
        op.enabled = item.boolean("enabled", true);
        op.probability = readFraction(item, "probability", 1.0);
        op.alpha = readFraction(item, "alpha", op.alpha);
        pipeline.add(op);
    }
    return pipeline;
}

std::string TextAugmentPipeline::apply(const std::string &text, std::uint64_t seed, int epoch,
                                       std::int64_t sampleIndex,
                                       std::vector<nlohmann::json> *drawn) const
{
    if (drawn)
        drawn->clear();
    const Tokenizer tokenizer;
    std::optional<TextDocument> document;
    const WordNet *wordNet = m_wordNet.get();
    bool applied = false;
    for (std::size_t i = 0; i < m_ops.size(); ++i) {
        const TextAugmentOp &op = m_ops[i];
        if (!op.enabled)
            continue;
        AugmentRandom rng(seed, epoch, {sampleIndex}, static_cast<int>(i));
        if (!(rng.uniform(0) < op.probability))
            continue;
        if (!document)
            document = TextDocument::fromText(text, m_level, tokenizer);
        const bool needsWordNet = document->level() == TextLevel::Word &&
                                  (op.kind == TextAugmentKind::SynonymReplacement ||
                                   op.kind == TextAugmentKind::RandomInsertion);
        if (needsWordNet && !wordNet)
            wordNet = &WordNet::shared();
        nlohmann::json record;
        switch (op.kind) {
        case TextAugmentKind::SynonymReplacement:
            record = synonymReplacement(*document, op.alpha, wordNet, tokenizer, rng);
            break;
        case TextAugmentKind::RandomInsertion:
            record = randomInsertion(*document, op.alpha, wordNet, tokenizer, rng);
            break;
        case TextAugmentKind::RandomSwap:
            record = randomSwap(*document, op.alpha, rng);
            break;
        case TextAugmentKind::RandomDeletion:
            record = randomDeletion(*document, op.alpha, rng);
            break;
        case TextAugmentKind::SentenceReorder:
            record = sentenceReorder(*document, rng);
            break;
        }
        applied = true;
        if (drawn) {
            nlohmann::json entry = {
                {"op", op.name()}, {"index", i}, {"level", levelName(document->level())}};
            entry.update(record);
            drawn->push_back(std::move(entry));
        }
    }
    // A text without a single token has nothing to augment: keep it as it is.
    if (!applied || document->empty())
        return text;
    return document->text();
}

} // namespace mf
