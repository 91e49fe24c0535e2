#pragma once

#include "app/cli/clicontext.h"

#include <cstdint>
#include <string>

namespace CLI {
class App;
}

namespace mf::cli {

/// `roi SCENARIO.json|--template ID [--save FILE.json] [--from-run RUN] [--variant RUN] [--csv
/// out.csv] [--pdf out.pdf]
/// [--monte-carlo N [--seed S]]`: the key figures of an ROI scenario file, optionally with its
/// training and serving figures measured from runs first, its monthly cash flow written as CSV,
/// a Monte Carlo of its uncertain inputs and its PDF report (drawn by the app).
class RoiCommand
{
public:
    RoiCommand(CLI::App &root, const CliContext &context);
    bool selected() const;
    int execute();

private:
    const CliContext &m_context;
    CLI::App *m_roi = nullptr;
    std::string m_scenario;
    std::string m_template;
    std::string m_save;
    std::int64_t m_fromRun = 0;
    std::int64_t m_variant = 0;
    std::string m_csv;
    std::string m_pdf;
    int m_trials = 0;
    std::uint64_t m_seed = 1;
};

} // namespace mf::cli
