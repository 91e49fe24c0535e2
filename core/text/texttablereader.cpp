#include "core/text/texttablereader.h"

#include "core/text/textfile.h"
#include "core/text/textlabels.h"
#include "core/util/error.h"
#include "core/util/recordscanner.h"

namespace mf {

namespace {

constexpr std::size_t kHeaderProbeBytes = 1 << 20;

/// CSV with quotes or TSV without, every line a record and every character kept: the reader
/// trims what it needs itself, and texts keep their spacing.
RecordScanner recordsOf(std::string_view text, bool tsv, const std::string &path)
{
    RecordScanOptions options;
    options.delimiter = tsv ? '\t' : ',';
    options.quoting = !tsv;
    options.trimSpaces = false;
    options.skipBlankLines = false;
    options.loneCrEndsLine = false;
    options.textAfterQuoteThrows = false;
    return RecordScanner(text, path, options);
}

std::vector<std::string> trimmedFields(const std::vector<std::string> &fields)
{
    std::vector<std::string> names;
    for (const std::string &field : fields)
        names.push_back(trimmedText(field));
    return names;
}

bool isBlank(const std::vector<std::string> &fields)
{
    return fields.size() == 1 && trimmedText(fields[0]).empty();
}

std::size_t columnIndex(const std::string &path, const std::vector<std::string> &header,
                        const std::string &name, const char *role)
{
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name)
            return i;
    std::string columns;
    for (std::size_t i = 0; i < header.size(); ++i)
        columns += (i == 0 ? "" : ", ") + header[i];
    throw DataError(path, DataError::atLine(1),
                    std::string("the header has no ") + role + " column \"" + name +
                        "\" (columns: " + columns + ")");
}

} // namespace

TextDataset readTextTable(const std::string &path, bool tsv, const TextLoadOptions &options)
{
    TextDataset dataset;
    dataset.format = tsv ? "tsv" : "csv";
    dataset.source = path;
    const std::string content = readTextFile(path, dataset.replacedInvalidUtf8);
    if (trimmedText(content).empty())
        throw DataError(path, "", "the file is empty");

    RecordScanner records = recordsOf(content, tsv, path);
    std::vector<std::string> fields;
    std::uint64_t line = 0;
    records.next(fields, line);
    if (isBlank(fields))
        throw DataError(path, DataError::atLine(1),
                        "no header row (the first line must name the columns)");
    const std::vector<std::string> header = trimmedFields(fields);
    const std::size_t textIndex = columnIndex(path, header, options.textColumn, "text");
    const std::size_t labelIndex = columnIndex(path, header, options.labelColumn, "label");

    const std::string name = fileNameOf(path);
    std::vector<std::string> labels;
    while (records.next(fields, line)) {
        if (isBlank(fields))
            continue;
        const bool hasText = textIndex < fields.size() && !trimmedText(fields[textIndex]).empty();
        std::string label = labelIndex < fields.size() ? trimmedText(fields[labelIndex]) : "";
        if (!hasText || label.empty()) {
            const char *reason = !hasText && label.empty() ? "no text and no label"
                                 : hasText                 ? "no label"
                                                           : "no text";
            dataset.skipped.push_back(name + " line " + std::to_string(line) + ": " + reason);
            continue;
        }
        dataset.texts.push_back(std::move(fields[textIndex]));
        labels.push_back(std::move(label));
    }
    if (dataset.texts.empty())
        throw DataError(path, "",
                        "no row has both a text and a label (" +
                            std::to_string(dataset.skipped.size()) + " rows skipped)");
    dataset.labels = assignClasses(labels, dataset.classNames);
    return dataset;
}

std::vector<std::string> readTableHeader(const std::string &path, bool tsv)
{
    const std::string start = readTextFileStart(path, kHeaderProbeBytes);
    RecordScanner records = recordsOf(start, tsv, path);
    std::vector<std::string> fields;
    std::uint64_t line = 0;
    try {
        if (!records.next(fields, line) || isBlank(fields))
            return {};
    } catch (const DataError &) {
        return {};
    }
    return trimmedFields(fields);
}

} // namespace mf
