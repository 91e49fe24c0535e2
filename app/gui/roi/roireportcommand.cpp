#include "app/gui/roi/roireportcommand.h"

#include "app/gui/launchoptions.h"
#include "app/gui/roi/roipdfreport.h"
#include "core/roi/montecarlo.h"
#include "core/roi/projection.h"
#include "core/roi/scenariojson.h"

#include <QDir>
#include <QFile>

#include <cstdio>
#include <exception>
#include <optional>

namespace mf {

int writeRoiReportFromCommandLine(const LaunchOptions &options)
{
    const QString scenarioPath = QDir::toNativeSeparators(options.roiScenario);
    roi::Scenario scenario;
    std::optional<roi::MonteCarloResult> monteCarlo;
    try {
        scenario = roi::readScenarioFile(QFile::encodeName(options.roiScenario).toStdString());
        const std::vector<roi::InputProblem> problems = roi::validate(scenario);
        if (!problems.empty()) {
            std::fprintf(stderr, "modelforge: %s: the scenario cannot be projected:\n",
                         qPrintable(scenarioPath));
            for (const roi::InputProblem &problem : problems)
                std::fprintf(stderr, "  %s: %s\n", problem.key.c_str(), problem.reason.c_str());
            return 2;
        }
        if (options.monteCarloTrials > 0) {
            roi::MonteCarloOptions run;
            run.trials = options.monteCarloTrials;
            run.seed = options.seed;
            run.threads = 0;
            monteCarlo = roi::runMonteCarlo(scenario, run);
        }
    } catch (const std::exception &failure) {
        std::fprintf(stderr, "modelforge: %s\n", failure.what());
        return 2;
    }
    QString error;
    if (!RoiPdfReport::write(scenario, monteCarlo, options.output, &error)) {
        std::fprintf(stderr, "modelforge: %s: %s\n",
                     qPrintable(QDir::toNativeSeparators(options.output)), qPrintable(error));
        return 1;
    }
    return 0;
}

} // namespace mf
