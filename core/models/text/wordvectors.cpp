#include "core/models/text/wordvectors.h"

#include "core/text/vocabulary.h"
#include "core/util/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace mf {

namespace {

std::vector<std::string_view> splitFields(std::string_view line)
{
    std::vector<std::string_view> fields;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t')
            ++i;
        if (i > start)
            fields.push_back(line.substr(start, i - start));
    }
    return fields;
}

bool parseFloat(std::string_view text, float &out)
{
    const char *end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, out);
    return result.ec == std::errc() && result.ptr == end && std::isfinite(out);
}

bool parseCount(std::string_view text, std::int64_t &out)
{
    const char *end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, out);
    return result.ec == std::errc() && result.ptr == end && out >= 0;
}

} // namespace

WordVectorCounts loadWordVectors(const std::string &path, const Vocabulary &vocabulary,
                                 torch::Tensor weight)
{
    if (!weight.defined() || weight.dim() != 2 || weight.size(0) != vocabulary.size())
        throw ConfigError(path + ": the embedding must have one row per vocabulary entry (" +
                          std::to_string(vocabulary.size()) + ")");
    const std::int64_t width = weight.size(1);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path, {}, "cannot open the word-vector file");

    WordVectorCounts counts;
    std::vector<std::int64_t> rows;
    std::vector<float> values;
    std::unordered_set<std::int64_t> seen;
    std::string line;
    std::uint64_t lineNumber = 0;
    const auto checkWidth = [&](std::int64_t dimension, std::uint64_t at) {
        if (dimension != width)
            throw ConfigError(path + ": " + DataError::atLine(at) + ": the word vectors have " +
                              std::to_string(dimension) + " values each, the embedding " +
                              std::to_string(width) + " (embedding_dim)");
        counts.dimension = dimension;
    };
    std::vector<float> vector;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const auto fields = splitFields(line);
        if (fields.empty())
            continue;
        std::int64_t count = 0;
        std::int64_t dimension = 0;
        if (lineNumber == 1 && fields.size() == 2 && parseCount(fields[0], count) &&
            parseCount(fields[1], dimension)) {
            checkWidth(dimension, lineNumber);
            continue;
        }
        const auto found = static_cast<std::int64_t>(fields.size()) - 1;
        if (counts.dimension == 0) {
            if (found == 0)
                throw DataError(path, DataError::atLine(lineNumber),
                                "a word without values (expected \"word v1 v2 ...\")");
            checkWidth(found, lineNumber);
        }
        if (found != counts.dimension)
            throw DataError(path, DataError::atLine(lineNumber),
                            "expected " + std::to_string(counts.dimension) + " values after \"" +
                                std::string(fields[0]) + "\", found " + std::to_string(found));
        vector.resize(static_cast<std::size_t>(found));
        for (std::int64_t i = 0; i < found; ++i) {
            const auto text = fields[static_cast<std::size_t>(i) + 1];
            if (!parseFloat(text, vector[static_cast<std::size_t>(i)]))
                throw DataError(path, DataError::atLine(lineNumber),
                                "value " + std::to_string(i + 1) + " (\"" + std::string(text) +
                                    "\") is not a finite number");
        }
        ++counts.linesRead;
        const std::int64_t id = vocabulary.id(std::string(fields[0]));
        if (id <= Vocabulary::kUnkId || !seen.insert(id).second)
            continue;
        rows.push_back(id);
        values.insert(values.end(), vector.begin(), vector.end());
    }
    if (in.bad())
        throw DataError(path, DataError::atLine(lineNumber + 1), "read error");

    const std::int64_t words = std::max<std::int64_t>(vocabulary.size() - 2, 0);
    counts.found = static_cast<std::int64_t>(rows.size());
    counts.outOfVocabulary = words - counts.found;
    if (!rows.empty()) {
        torch::NoGradGuard noGrad;
        const auto index = torch::tensor(rows, torch::kLong).to(weight.device());
        const auto source = torch::from_blob(values.data(), {counts.found, width}, torch::kFloat)
                                .to(weight.options());
        weight.index_copy_(0, index, source);
    }
    return counts;
}

torch::nn::Embedding tokenEmbedding(torch::nn::Module &model)
{
    for (const auto &item : model.named_modules()) {
        if (item.key() != "encoder.embedding")
            continue;
        if (auto embedding = std::dynamic_pointer_cast<torch::nn::EmbeddingImpl>(item.value()))
            return torch::nn::Embedding(embedding);
    }
    throw ConfigError("model: has no token embedding (encoder.embedding): not a text model");
}

} // namespace mf
