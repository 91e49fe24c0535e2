#include "app/cli/roicommand.h"

#include "app/cli/pdfreportbyapp.h"
#include "app/cli/readonlynote.h"
#include "app/cli/roifigures.h"
#include "app/cli/roirunfill.h"
#include "app/cli/texttable.h"
#include "core/roi/cashflowcsv.h"
#include "core/roi/montecarlo.h"
#include "core/roi/projection.h"
#include "core/roi/scenario.h"
#include "core/roi/scenariojson.h"
#include "core/roi/scenariotemplates.h"
#include "core/store/workspace.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>

namespace mf::cli {

RoiCommand::RoiCommand(CLI::App &root, const CliContext &context) : m_context(context)
{
    m_roi = root.add_subcommand(
        "roi", "Key figures (NPV, IRR, payback, TCO...) of an ROI scenario file saved by the "
               "app's ROI section or written by hand");
    CLI::Option *file = m_roi->add_option("scenario", m_scenario, "Scenario file (JSON)");
    std::vector<std::string> templateIds;
    for (const roi::ScenarioTemplate &entry : roi::scenarioTemplates())
        templateIds.push_back(entry.id);
    CLI::Option *start = m_roi
                             ->add_option("--template", m_template,
                                          "Start from an industry template instead of a file: " +
                                              CLI::detail::join(templateIds, ", "))
                             ->check(CLI::IsMember(templateIds));
    file->excludes(start);
    m_roi->add_option("--save", m_save,
                      "Write the scenario (as filled from runs) here as JSON, to edit and reuse");
    m_roi
        ->add_option("--from-run", m_fromRun,
                     "Measure this run here and fill the training figures from it (and the "
                     "serving figures, unless --variant names another run)")
        ->check(CLI::PositiveNumber);
    m_roi
        ->add_option("--variant", m_variant,
                     "Measure this run (e.g. a compressed variant) here and fill the serving "
                     "figures and the confusion matrix from it")
        ->check(CLI::PositiveNumber);
    m_roi->add_option("--csv", m_csv, "Write the monthly cash-flow table here as CSV");
    m_roi->add_option("--pdf", m_pdf,
                      "Write the stakeholder report here as PDF (drawn by the ModelForge app, "
                      "which must be installed beside this tool)");
    m_roi
        ->add_option("--monte-carlo", m_trials,
                     "Run a Monte Carlo of this many trials over the uncertain inputs: P10/P50/P90 "
                     "NPV and the probability of a loss (also in the PDF)")
        ->check(CLI::PositiveNumber);
    m_roi->add_option("--seed", m_seed, "Seed of the Monte Carlo (default 1)");
}

bool RoiCommand::selected() const
{
    return m_roi->parsed();
}

int RoiCommand::execute()
{
    if (m_scenario.empty() && m_template.empty()) {
        std::cerr << "modelforge-cli roi: give a scenario file or --template\n";
        return ExitBadInput;
    }
    const std::string origin = m_template.empty() ? m_scenario : "template " + m_template;
    roi::Scenario scenario;
    if (!m_template.empty()) {
        for (const roi::ScenarioTemplate &entry : roi::scenarioTemplates())
            if (entry.id == m_template)
                scenario = entry.scenario;
    } else {
        scenario = roi::readScenarioFile(m_scenario);
    }

    const bool fill = m_fromRun > 0 || m_variant > 0;
    roi::FillReport fillReport;
    if (fill) {
        noteIfReadOnly(Workspace{m_context.workspace}.databasePath());
        fillReport = fillScenarioFromRuns(
            scenario, m_fromRun > 0 ? std::optional<std::int64_t>(m_fromRun) : std::nullopt,
            m_variant > 0 ? std::optional<std::int64_t>(m_variant) : std::nullopt,
            m_context.workspace);
    }

    if (!m_save.empty())
        roi::writeScenarioFile(m_save, scenario);
    const std::vector<roi::InputProblem> problems = roi::validate(scenario);
    if (!problems.empty()) {
        std::cerr << "modelforge-cli: " << origin << ": the scenario cannot be projected:\n";
        for (const roi::InputProblem &problem : problems)
            std::cerr << "  " << problem.key << ": " << problem.reason << "\n";
        return ExitBadInput;
    }
    const roi::Projection projection = roi::project(scenario);
    const roi::KeyFigures figures = roi::keyFigures(scenario, projection);
    if (!m_csv.empty())
        roi::writeCashFlowCsv(m_csv, scenario, projection);
    std::optional<roi::MonteCarloResult> monteCarlo;
    if (m_trials > 0) {
        roi::MonteCarloOptions options;
        options.trials = m_trials;
        options.seed = m_seed;
        options.threads = 0;
        monteCarlo = roi::runMonteCarlo(scenario, options);
    }
    if (!m_pdf.empty()) {
        if (const int status = writePdfReportByApp(scenario, m_pdf, m_trials, m_seed); status != 0)
            return status == ExitBadInput ? ExitBadInput : ExitRunFailed;
    }

    if (m_context.json) {
        nlohmann::json out{{"scenario", scenario.name},
                           {"file", m_template.empty() ? nlohmann::json(m_scenario) : nullptr},
                           {"template", m_template.empty() ? nullptr : nlohmann::json(m_template)},
                           {"currency", scenario.currency},
                           {"months", projection.months},
                           {"discount_rate_annual", scenario.value("general.discountRateAnnual")},
                           {"figures", keyFiguresJson(figures)},
                           {"source_runs", scenario.sourceRuns}};
        if (fill)
            out["fill"] = fillReportJson(fillReport);
        if (!m_csv.empty())
            out["csv"] = m_csv;
        if (!m_pdf.empty())
            out["pdf"] = m_pdf;
        if (monteCarlo)
            out["monte_carlo"] = monteCarloJson(*monteCarlo, m_seed);
        std::cout << out.dump(2) << std::endl;
        return ExitOk;
    }
    std::cout << scenario.name << " (" << origin << "): " << projection.months << " months, "
              << scenario.currency << ", discount rate "
              << formatNumber(scenario.value("general.discountRateAnnual") * 100.0, 2)
              << " % a year\n";
    if (fill)
        printFillReport(std::cout, fillReport);
    printKeyFigures(std::cout, scenario, figures);
    if (monteCarlo)
        printMonteCarlo(std::cout, scenario, *monteCarlo, m_seed);
    if (!m_csv.empty())
        std::cout << "cash flow written to " << m_csv << "\n";
    if (!m_pdf.empty())
        std::cout << "report written to " << m_pdf << "\n";
    return ExitOk;
}

} // namespace mf::cli
