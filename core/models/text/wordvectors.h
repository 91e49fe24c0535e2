#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace mf {

class Vocabulary;

/// What loadWordVectors() found.
struct WordVectorCounts
{
    /// Vocabulary words (the reserved <pad> and <unk> aside) that had a vector in the file.
    std::int64_t found = 0;
    /// Vocabulary words (the reserved ones aside) with no vector: their rows keep their values.
    std::int64_t outOfVocabulary = 0;
    /// Vector lines read (a word2vec header line and blank lines not counted).
    std::int64_t linesRead = 0;
    /// Values per vector in the file.
    std::int64_t dimension = 0;
};

/// Reads word vectors in the GloVe / word2vec text format, one `word v1 v2 ... vN` per line
/// (separated by spaces or tabs; CRLF accepted; blank lines skipped), and copies the vector of
/// every word of `vocabulary` into its row of `weight` ([vocabulary.size(), N], any device and
/// floating type). A first line of exactly two integers ("count dim", word2vec) is skipped, as
/// are the file's words not in the vocabulary; the first vector of a word repeated in the file
/// counts. <pad> (row 0) and <unk> (row 1) are never written.
///
/// Errors, thrown before `weight` is changed: mf::DataError "FILE: line N: reason" for a line
/// whose values are not N numbers (N from the first vector line, or the word2vec header) or a
/// file that cannot be read; mf::ConfigError naming the file when N differs from the
/// embedding's width or `weight` does not have one row per vocabulary entry.
WordVectorCounts loadWordVectors(const std::string &path, const Vocabulary &vocabulary,
                                 torch::Tensor weight);

/// The token embedding of a text model built by buildModel() (its module named
/// "encoder.embedding"); mf::ConfigError when `model` has none.
torch::nn::Embedding tokenEmbedding(torch::nn::Module &model);

} // namespace mf
