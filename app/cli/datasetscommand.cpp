#include "app/cli/datasetscommand.h"

#include "app/cli/texttable.h"
#include "core/data/datasetloader.h"
#include "core/data/datasetsummary.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace mf::cli {

namespace {

std::string joinShape(const std::vector<std::int64_t> &shape)
{
    std::string text;
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? "x" : "") + std::to_string(shape[i]);
    return text;
}

std::string joinNumbers(const std::vector<double> &values)
{
    std::string text;
    for (std::size_t i = 0; i < values.size(); ++i)
        text += (i ? ", " : "") + formatNumber(values[i], 4);
    return text;
}

} // namespace

DatasetsCommand::DatasetsCommand(CLI::App &root, const CliContext &context) : m_context(context)
{
    m_datasets = root.add_subcommand("datasets", "Look at datasets");
    m_datasets->require_subcommand(1);
    m_inspect = m_datasets->add_subcommand(
        "inspect", "Format, sample counts, class balance and per-channel mean/std");
    m_inspect->add_option("path", m_path, "Dataset file or directory")->required();
    m_inspect->add_option("--label-column", m_labelColumn, "CSV: the label column's name");
}

bool DatasetsCommand::selected() const
{
    return m_datasets->parsed();
}

int DatasetsCommand::execute()
{
    LoadOptions options;
    options.csvLabelColumn = m_labelColumn;
    const DatasetSummary summary = summarizeDataset(loadDataset(m_path, options));
    if (m_context.json) {
        std::cout << toJson(summary).dump(2) << std::endl;
        return 0;
    }
    std::cout << "format:  " << summary.format << "\nsource:  " << summary.source
              << "\nsamples: " << summary.trainCount << " train";
    if (summary.testCount > 0)
        std::cout << ", " << summary.testCount << " test";
    std::cout << "\nshape:   " << joinShape(summary.sampleShape)
              << "\nclasses: " << summary.classNames.size()
              << "\nmean:    " << joinNumbers(summary.stats.mean)
              << "\nstd:     " << joinNumbers(summary.stats.std) << "\n\n";
    std::vector<std::string> header{"class", "name", "train", "train %"};
    if (summary.testCount > 0)
        header.insert(header.end(), {"test", "test %"});
    TextTable balance(header);
    for (std::size_t c = 0; c < summary.classNames.size(); ++c) {
        const auto share = [](std::int64_t n, std::int64_t total) {
            return total > 0 ? formatNumber(100.0 * double(n) / double(total), 1) : "-";
        };
        const std::int64_t train =
            c < summary.trainClassCounts.size() ? summary.trainClassCounts[c] : 0;
        std::vector<std::string> row{std::to_string(c), summary.classNames[c],
                                     std::to_string(train), share(train, summary.trainCount)};
        if (summary.testCount > 0) {
            const std::int64_t test =
                c < summary.testClassCounts.size() ? summary.testClassCounts[c] : 0;
            row.push_back(std::to_string(test));
            row.push_back(share(test, summary.testCount));
        }
        balance.addRow(row);
    }
    balance.print(std::cout);
    return 0;
}

} // namespace mf::cli
