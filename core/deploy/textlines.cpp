#include "core/deploy/textlines.h"

#include "core/text/textfile.h"
#include "core/util/error.h"

#include <algorithm>
#include <cctype>

namespace mf {

namespace {

bool isBlank(const std::string &text)
{
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::isspace(c) != 0; });
}

} // namespace

std::vector<TextLine> readTextLines(const std::string &path)
{
    std::int64_t replaced = 0;
    const std::string content = readTextFile(path, replaced);
    std::vector<TextLine> lines;
    std::int64_t number = 0;
    for (std::size_t begin = 0; begin < content.size();) {
        std::size_t end = content.find('\n', begin);
        if (end == std::string::npos)
            end = content.size();
        std::string text = content.substr(begin, end - begin);
        if (!text.empty() && text.back() == '\r')
            text.pop_back();
        ++number;
        if (!isBlank(text))
            lines.push_back({number, std::move(text)});
        begin = end + 1;
    }
    if (lines.empty())
        throw DataError(path, "",
                        content.empty() ? "the file is empty: expected one text per line"
                                        : "the file holds only blank lines: expected one text "
                                          "per line");
    return lines;
}

} // namespace mf
