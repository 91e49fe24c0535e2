#include "core/text/vocabulary.h"

#include "core/models/specreader.h"
#include "core/text/tokenizer.h"
#include "core/text/tokenstatistics.h"
#include "core/util/error.h"

#include <limits>

namespace mf {

namespace {

constexpr std::int64_t kMaxInt = std::numeric_limits<std::int64_t>::max();

} // namespace

const std::string &Vocabulary::padToken()
{
    static const std::string token = "<pad>";
    return token;
}

const std::string &Vocabulary::unkToken()
{
    static const std::string token = "<unk>";
    return token;
}

Vocabulary::Vocabulary()
{
    append(padToken(), 0);
    append(unkToken(), 0);
}

void Vocabulary::append(const std::string &token, std::int64_t frequency)
{
    m_ids.emplace(token, static_cast<std::int64_t>(m_tokens.size()));
    m_tokens.push_back(token);
    m_frequencies.push_back(frequency);
}

Vocabulary Vocabulary::build(const TokenStatistics &statistics, std::int64_t minFrequency,
                             std::int64_t maxSize)
{
    if (minFrequency < 1)
        throw ConfigError("vocabulary minimum frequency: must be at least 1 (got " +
                          std::to_string(minFrequency) + ")");
    if (maxSize != 0 && maxSize < 2)
        throw ConfigError("vocabulary maximum size: must be 0 (no limit) or at least 2 for "
                          "<pad> and <unk> (got " +
                          std::to_string(maxSize) + ")");
    Vocabulary vocabulary;
    vocabulary.m_minFrequency = minFrequency;
    vocabulary.m_maxSize = maxSize;
    const std::int64_t limit = maxSize == 0 ? kMaxInt : maxSize;
    for (const auto &[token, count] : statistics.ranked()) {
        if (count < minFrequency || vocabulary.size() >= limit)
            break;
        if (token != padToken() && token != unkToken())
            vocabulary.append(token, count);
    }
    return vocabulary;
}

Vocabulary Vocabulary::build(const std::vector<std::vector<std::string>> &documents,
                             std::int64_t minFrequency, std::int64_t maxSize)
{
    return build(TokenStatistics(documents), minFrequency, maxSize);
}

bool Vocabulary::contains(const std::string &token) const
{
    return m_ids.count(token) != 0;
}

std::int64_t Vocabulary::id(const std::string &token) const
{
    const auto it = m_ids.find(token);
    return it == m_ids.end() ? kUnkId : it->second;
}

const std::string &Vocabulary::token(std::int64_t id) const
{
    if (id < 0 || id >= size())
        throw Error("token id " + std::to_string(id) + " is outside the vocabulary of " +
                    std::to_string(size()) + " tokens");
    return m_tokens[static_cast<std::size_t>(id)];
}

std::int64_t Vocabulary::frequency(std::int64_t id) const
{
    token(id);
    return m_frequencies[static_cast<std::size_t>(id)];
}

std::vector<std::int64_t> Vocabulary::encode(const std::vector<std::string> &tokens) const
{
    std::vector<std::int64_t> ids;
    ids.reserve(tokens.size());
    for (const std::string &token : tokens)
        ids.push_back(id(token));
    return ids;
}

std::vector<std::int64_t> Vocabulary::encode(const std::vector<std::string> &tokens,
                                             std::int64_t length) const
{
    if (length < 0)
        throw ConfigError("sequence length: must be at least 0 (got " + std::to_string(length) +
                          ")");
    std::vector<std::int64_t> ids(static_cast<std::size_t>(length), kPadId);
    const std::size_t kept = std::min(tokens.size(), ids.size());
    for (std::size_t i = 0; i < kept; ++i)
        ids[i] = id(tokens[i]);
    return ids;
}

std::vector<std::int64_t> Vocabulary::encodeText(std::string_view text, const Tokenizer &tokenizer,
                                                 std::int64_t length) const
{
    return encode(tokenizer.tokenize(text), length);
}

nlohmann::json Vocabulary::toJson() const
{
    return {{"tokens", m_tokens},
            {"frequencies", m_frequencies},
            {"min_frequency", m_minFrequency},
            {"max_size", m_maxSize}};
}

Vocabulary Vocabulary::fromJson(const nlohmann::json &json, const std::string &prefix)
{
    const SpecReader reader(json, prefix);
    reader.rejectUnknown({"tokens", "frequencies", "min_frequency", "max_size"});
    const nlohmann::json &tokens = reader.value("tokens");
    if (!tokens.is_array() || tokens.size() < 2)
        reader.fail("tokens", "must be an array of strings starting with \"<pad>\", \"<unk>\"");
    const nlohmann::json &frequencies = reader.value("frequencies");
    if (reader.has("frequencies") &&
        (!frequencies.is_array() || frequencies.size() != tokens.size()))
        reader.fail("frequencies", "must be an array with one count per token (" +
                                       std::to_string(tokens.size()) + ")");

    Vocabulary vocabulary;
    vocabulary.m_minFrequency = reader.integer("min_frequency", 1, 1, kMaxInt);
    vocabulary.m_maxSize = reader.integer("max_size", 0, 0, kMaxInt);
    vocabulary.m_tokens.clear();
    vocabulary.m_frequencies.clear();
    vocabulary.m_ids.clear();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string key = "tokens[" + std::to_string(i) + "]";
        if (!tokens[i].is_string())
            reader.fail(key, "must be a string");
        const std::string token = tokens[i].get<std::string>();
        const std::string &expected = i == 0 ? padToken() : unkToken();
        if (i < 2 && token != expected)
            reader.fail(key, "must be \"" + expected + "\"");
        if (token.empty())
            reader.fail(key, "must not be empty");
        if (vocabulary.contains(token))
            reader.fail(key, "\"" + token + "\" appears twice");
        std::int64_t frequency = 0;
        if (reader.has("frequencies")) {
            const nlohmann::json &value = frequencies[i];
            if (!value.is_number_integer() || value.get<std::int64_t>() < 0)
                reader.fail("frequencies[" + std::to_string(i) + "]",
                            "must be a non-negative integer");
            frequency = value.get<std::int64_t>();
        }
        vocabulary.append(token, frequency);
    }
    return vocabulary;
}

bool Vocabulary::operator==(const Vocabulary &other) const
{
    return m_tokens == other.m_tokens && m_frequencies == other.m_frequencies &&
           m_minFrequency == other.m_minFrequency && m_maxSize == other.m_maxSize;
}

} // namespace mf
