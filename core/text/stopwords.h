#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mf {

/// The English stop words of the EDA paper's code (Wei & Zou 2019, eda.py): pronouns,
/// auxiliaries, articles, conjunctions, prepositions and the like, lower case. Synonym
/// replacement leaves these words alone.
const std::vector<std::string> &edaStopWords();

bool isEdaStopWord(std::string_view word);

} // namespace mf
