#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mf {

class TokenStatistics;
class Tokenizer;

/// Token <-> id table of a text model. Id 0 is "<pad>" and id 1 "<unk>"; the corpus tokens
/// follow, most frequent first, ties in byte order of the token text, so building twice from
/// the same corpus gives the same ids.
/// Threading: const members may run on several threads at once.
///
/// JSON: {"tokens": ["<pad>", "<unk>", "the", ...], "frequencies": [0, 0, 1520, ...],
///        "min_frequency": 2, "max_size": 20000}
class Vocabulary
{
public:
    static constexpr std::int64_t kPadId = 0;
    static constexpr std::int64_t kUnkId = 1;
    static const std::string &padToken();
    static const std::string &unkToken();

    /// Only the two reserved tokens.
    Vocabulary();

    /// Keeps the tokens seen at least `minFrequency` times (at least 1), at most `maxSize`
    /// entries in all, the two reserved ones included (0: no limit; otherwise at least 2).
    /// Corpus tokens spelled like a reserved token are left out. Throws mf::ConfigError for a
    /// bad limit.
    static Vocabulary build(const TokenStatistics &statistics, std::int64_t minFrequency = 1,
                            std::int64_t maxSize = 0);
    static Vocabulary build(const std::vector<std::vector<std::string>> &documents,
                            std::int64_t minFrequency = 1, std::int64_t maxSize = 0);

    std::int64_t size() const { return static_cast<std::int64_t>(m_tokens.size()); }
    std::int64_t minFrequency() const { return m_minFrequency; }
    std::int64_t maxSize() const { return m_maxSize; }
    const std::vector<std::string> &tokens() const { return m_tokens; }

    bool contains(const std::string &token) const;
    /// The id of `token`, kUnkId when it is not in the vocabulary.
    std::int64_t id(const std::string &token) const;
    /// Throws mf::Error for an id outside [0, size()).
    const std::string &token(std::int64_t id) const;
    /// Occurrences of the token in the corpus the vocabulary was built from (0 for reserved).
    std::int64_t frequency(std::int64_t id) const;

    /// The ids of `tokens`, unknown ones as kUnkId.
    std::vector<std::int64_t> encode(const std::vector<std::string> &tokens) const;
    /// Exactly `length` ids: the first `length` tokens, padded at the end with kPadId.
    /// Throws mf::ConfigError for a negative length.
    std::vector<std::int64_t> encode(const std::vector<std::string> &tokens,
                                     std::int64_t length) const;
    /// Tokenises `text` with `tokenizer`, then encodes as above.
    std::vector<std::int64_t> encodeText(std::string_view text, const Tokenizer &tokenizer,
                                         std::int64_t length) const;

    nlohmann::json toJson() const;
    /// Throws mf::ConfigError naming the key ("vocabulary.tokens[3]: ...") for a malformed
    /// table: missing or misplaced reserved tokens, duplicates, non-strings, bad frequencies.
    static Vocabulary fromJson(const nlohmann::json &json, const std::string &prefix = {});

    bool operator==(const Vocabulary &other) const;
    bool operator!=(const Vocabulary &other) const { return !(*this == other); }

private:
    void append(const std::string &token, std::int64_t frequency);

    std::vector<std::string> m_tokens;
    std::vector<std::int64_t> m_frequencies;
    std::unordered_map<std::string, std::int64_t> m_ids;
    std::int64_t m_minFrequency = 1;
    std::int64_t m_maxSize = 0;
};

} // namespace mf
