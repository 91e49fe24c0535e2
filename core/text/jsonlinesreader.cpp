#include "core/text/jsonlinesreader.h"

#include "core/text/textfile.h"
#include "core/text/textlabels.h"
#include "core/util/error.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace mf {

namespace {

/// Why the object cannot be used, or "" when `text` and `label` were set.
std::string readRow(const nlohmann::json &row, const TextLoadOptions &options, std::string &text,
                    std::string &label)
{
    if (!row.is_object())
        return "not a JSON object";
    const auto textIt = row.find(options.textColumn);
    const auto labelIt = row.find(options.labelColumn);
    const bool hasText = textIt != row.end() && !textIt->is_null();
    const bool hasLabel = labelIt != row.end() && !labelIt->is_null();
    if (!hasText && !hasLabel)
        return "no text and no label";
    if (!hasText)
        return "no text";
    if (!hasLabel)
        return "no label";
    if (!textIt->is_string())
        return "the text \"" + options.textColumn + "\" is not a string";
    text = textIt->get<std::string>();
    if (trimmedText(text).empty())
        return "no text";
    if (labelIt->is_string())
        label = trimmedText(labelIt->get<std::string>());
    else if (labelIt->is_number_integer())
        label = labelIt->is_number_unsigned() ? std::to_string(labelIt->get<std::uint64_t>())
                                              : std::to_string(labelIt->get<std::int64_t>());
    else
        return "the label \"" + options.labelColumn + "\" is not a string or an integer";
    if (label.empty())
        return "no label";
    return {};
}

} // namespace

TextDataset readJsonLines(const std::string &path, const TextLoadOptions &options)
{
    TextDataset dataset;
    dataset.format = "jsonl";
    dataset.source = path;
    const std::string content = readTextFile(path, dataset.replacedInvalidUtf8);
    if (trimmedText(content).empty())
        throw DataError(path, "", "the file is empty");

    const std::string name = fileNameOf(path);
    std::vector<std::string> labels;
    const std::string_view all(content);
    std::size_t start = 0;
    for (std::uint64_t line = 1; start < all.size(); ++line) {
        std::size_t end = all.find('\n', start);
        if (end == std::string_view::npos)
            end = all.size();
        const std::string lineText = trimmedText(std::string(all.substr(start, end - start)));
        start = end + 1;
        if (lineText.empty())
            continue;
        std::string reason;
        std::string text, label;
        try {
            reason = readRow(nlohmann::json::parse(lineText), options, text, label);
        } catch (const nlohmann::json::parse_error &) {
            reason = "not valid JSON";
        }
        if (!reason.empty()) {
            dataset.skipped.push_back(name + " line " + std::to_string(line) + ": " + reason);
            continue;
        }
        dataset.texts.push_back(std::move(text));
        labels.push_back(std::move(label));
    }
    if (dataset.texts.empty())
        throw DataError(path, "",
                        "no line has both a text and a label (" +
                            std::to_string(dataset.skipped.size()) + " lines skipped)");
    dataset.labels = assignClasses(labels, dataset.classNames);
    return dataset;
}

} // namespace mf
