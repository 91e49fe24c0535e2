#pragma once

#include <string>
#include <vector>

namespace mf::cli {

class StopSignals;

/// Options every subcommand shares.
struct CliContext
{
    std::string workspace;              ///< directory holding modelforge.db and runs/
    bool json = false;                  ///< one JSON document on stdout instead of text
    StopSignals *stopSignals = nullptr; ///< Ctrl-C and SIGTERM, owned by main()
    std::vector<std::string> arguments; ///< the command line after the program name
};

/// Exit statuses of modelforge-cli.
enum ExitCode
{
    ExitOk = 0,
    ExitRunFailed = 1,
    ExitBadInput = 2
};

} // namespace mf::cli
