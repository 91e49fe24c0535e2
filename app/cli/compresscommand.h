#pragma once

#include "app/cli/clicontext.h"

#include <cstdint>
#include <string>

namespace CLI {
class App;
}

namespace mf::cli {

/// `compress RUN [--quantize dynamic|static] [--prune-sparsity S] [--prune-channels F]
/// [--distill STUDENT.json] ...`: the variants of a finished run, each a run under it, and a
/// report of what each costs and saves, measured on this machine.
class CompressCommand
{
public:
    CompressCommand(CLI::App &root, const CliContext &context);
    bool selected() const;
    int execute();

private:
    const CliContext &m_context;
    CLI::App *m_compress = nullptr;
    std::int64_t m_run = 0;
    std::string m_quantize;
    int m_calibrationBatches = 8;
    std::string m_observer = "minmax";
    double m_accuracyBudget = 0.5;
    double m_sparsity = -1.0;
    double m_channels = -1.0;
    std::string m_channelNorm = "l1";
    std::string m_pruneScope = "global";
    std::string m_student;
    double m_temperature = 2.0;
    double m_alpha = 0.5;
    bool m_distillControl = false;
    int m_epochs = 2;
    int m_threads = 0;
    std::string m_reportJson;
    std::string m_reportCsv;
};

} // namespace mf::cli
