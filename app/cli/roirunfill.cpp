#include "app/cli/roirunfill.h"

#include "core/deploy/runmeasurement.h"
#include "core/roi/scenario.h"
#include "core/store/runrecord.h"
#include "core/store/runstore.h"
#include "core/store/storeaccess.h"
#include "core/store/workspace.h"
#include "core/util/error.h"

namespace mf::cli {

namespace {

std::optional<std::int64_t> parentRun(std::int64_t run, const std::string &workspace)
{
    const std::string path = Workspace{workspace}.databasePath();
    const RunStore store(path, accessToRead(path));
    const auto params = store.params(run);
    const auto parent = params.find(kParentRunParam);
    if (parent == params.end())
        return std::nullopt;
    try {
        return std::stoll(parent->second);
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

} // namespace

roi::FillReport fillScenarioFromRuns(roi::Scenario &scenario,
                                     std::optional<std::int64_t> trainingRun,
                                     std::optional<std::int64_t> servingRun,
                                     const std::string &workspace)
{
    if (!trainingRun && !servingRun)
        throw ConfigError("Name a run to fill the scenario from");
    if (!trainingRun)
        trainingRun = parentRun(*servingRun, workspace).value_or(*servingRun);
    SessionOptions options;
    options.workspaceDir = workspace;
    const roi::MeasuredRun training = measureRun(*trainingRun, options);
    if (!servingRun || *servingRun == *trainingRun)
        return roi::fillFromRuns(scenario, training, training);
    return roi::fillFromRuns(scenario, training, measureRun(*servingRun, options));
}

} // namespace mf::cli
