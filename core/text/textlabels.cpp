#include "core/text/textlabels.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace mf {

namespace {

bool parseInteger(const std::string &text, std::int64_t &value)
{
    const char *begin = text.data();
    const char *end = begin + text.size();
    if (begin == end)
        return false;
    const auto [ptr, error] = std::from_chars(begin, end, value);
    return error == std::errc() && ptr == end;
}

} // namespace

std::string trimmedText(const std::string &text)
{
    const char *space = " \t\r\n\f\v";
    const std::size_t first = text.find_first_not_of(space);
    if (first == std::string::npos)
        return {};
    const std::size_t last = text.find_last_not_of(space);
    return text.substr(first, last - first + 1);
}

std::vector<std::int64_t> assignClasses(const std::vector<std::string> &labels,
                                        std::vector<std::string> &classNames)
{
    classNames.clear();
    std::vector<std::int64_t> indices;
    indices.reserve(labels.size());

    std::vector<std::int64_t> values(labels.size());
    bool allIntegers = true;
    for (std::size_t i = 0; i < labels.size() && allIntegers; ++i)
        allIntegers = parseInteger(labels[i], values[i]);

    if (allIntegers) {
        std::map<std::int64_t, std::int64_t> classOf;
        for (std::int64_t value : values)
            classOf.emplace(value, 0);
        for (auto &[value, index] : classOf) {
            index = static_cast<std::int64_t>(classNames.size());
            classNames.push_back(std::to_string(value));
        }
        for (std::int64_t value : values)
            indices.push_back(classOf.at(value));
        return indices;
    }

    std::map<std::string, std::int64_t> classOf;
    for (const std::string &label : labels)
        classOf.emplace(label, 0);
    for (auto &[name, index] : classOf) {
        index = static_cast<std::int64_t>(classNames.size());
        classNames.push_back(name);
    }
    for (const std::string &label : labels)
        indices.push_back(classOf.at(label));
    return indices;
}

} // namespace mf
