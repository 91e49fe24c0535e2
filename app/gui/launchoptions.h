#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mf {

/// What the command line of `modelforge` asks for.
struct LaunchOptions
{
    Q_DECLARE_TR_FUNCTIONS(mf::LaunchOptions)

public:
    QString workspace;        ///< --workspace, else the default workspace
    QString screenshotDir;    ///< --screenshot: render to PNG files there and exit
    QString language;         ///< --language, else from the system locale
    QList<qint64> selectRuns; ///< --select: these runs selected in Runs (several: compared)
    QString roiScenario;      ///< --roi-report: write this scenario's PDF report and exit
    QString output;           ///< --output: where --roi-report writes
    int monteCarloTrials = 0; ///< --monte-carlo: trials in the report's Monte Carlo (0: none)
    quint64 seed = 1;         ///< --seed of that Monte Carlo

    /// Parses `arguments` (program name first). --help and --version print and exit the
    /// process; any other mistake leaves a message in `error` and returns false.
    static bool parse(const QStringList &arguments, LaunchOptions &options, QString &error);
};

} // namespace mf
