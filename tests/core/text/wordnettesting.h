#pragma once
// WordNet database files in their real format, for tests.

#include "tests/support/testdata.h"

#include <cstdio>
#include <string>
#include <vector>

namespace mf::wordnettest {

/// A data.* file as WordNet 3.0 writes it: the licence header (every line starting with two
/// spaces), then one synset per line whose first field is its byte offset in the file.
class DataFile
{
public:
    DataFile()
    {
        m_text = "  1 This software and database is being provided to you, the LICENSEE, by  \n"
                 "  2 Princeton University under the following license.  By obtaining, using  \n"
                 "  3 WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.  \n"
                 "  4   \n";
    }

    /// words: the lemmas, written with lex_ids; the count is written as two hex digits.
    void synset(char type, const std::vector<std::string> &words, const std::string &gloss,
                const std::string &pointers = "000")
    {
        char head[32];
        std::snprintf(head, sizeof head, "%08zu 03 %c %02zx", m_text.size(), type, words.size());
        std::string line = head;
        for (std::size_t i = 0; i < words.size(); ++i)
            line += " " + words[i] + " " + std::to_string(i % 3);
        m_text += line + " " + pointers + " | " + gloss + "  \n";
    }

    void write(const std::string &path) const { mf::testdata::writeBytes(path, m_text); }

private:
    std::string m_text;
};

} // namespace mf::wordnettest
