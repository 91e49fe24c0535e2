#include "app/cli/pdfreportbyapp.h"

#include "core/roi/scenariojson.h"
#include "core/util/error.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <vector>

extern char **environ;

namespace mf::cli {
namespace {

namespace fs = std::filesystem;

bool isExecutable(const fs::path &path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

fs::path findApp()
{
    if (const char *chosen = std::getenv("MODELFORGE_APP"); chosen && *chosen) {
        if (!isExecutable(chosen))
            throw Error(std::string("MODELFORGE_APP=") + chosen + " is not an executable file");
        return chosen;
    }
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const fs::path &candidate :
             {self.parent_path() / "modelforge", self.parent_path() / ".." / "gui" / "modelforge"})
            if (isExecutable(candidate))
                return candidate.lexically_normal();
    }
    if (const char *path = std::getenv("PATH")) {
        std::stringstream dirs(path);
        std::string dir;
        while (std::getline(dirs, dir, ':'))
            if (!dir.empty() && isExecutable(fs::path(dir) / "modelforge"))
                return fs::path(dir) / "modelforge";
    }
    throw Error("the PDF report is drawn by the ModelForge app (modelforge), which was found "
                "neither next to modelforge-cli nor on PATH; install it or set MODELFORGE_APP");
}

/// A scenario file that is removed when this goes out of scope.
class TemporaryScenario
{
public:
    explicit TemporaryScenario(const roi::Scenario &scenario)
    {
        std::string pattern = (fs::temp_directory_path() / "modelforge-roi-XXXXXX.json").string();
        const int fd = ::mkstemps(pattern.data(), 5);
        if (fd < 0)
            throw Error("cannot create a temporary scenario file in " +
                        fs::temp_directory_path().string() + ": " + std::strerror(errno));
        ::close(fd);
        m_path = pattern;
        roi::writeScenarioFile(m_path, scenario);
    }
    ~TemporaryScenario()
    {
        std::error_code ec;
        fs::remove(m_path, ec);
    }
    TemporaryScenario(const TemporaryScenario &) = delete;
    TemporaryScenario &operator=(const TemporaryScenario &) = delete;
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
};

} // namespace

int writePdfReportByApp(const roi::Scenario &scenario, const std::string &pdfPath,
                        int monteCarloTrials, std::uint64_t seed)
{
    const fs::path app = findApp();
    const TemporaryScenario file(scenario);
    std::vector<std::string> arguments{app.string(), "--roi-report", file.path(), "--output",
                                       fs::absolute(pdfPath).string()};
    if (monteCarloTrials > 0) {
        arguments.insert(arguments.end(), {"--monte-carlo", std::to_string(monteCarloTrials),
                                           "--seed", std::to_string(seed)});
    }
    std::vector<char *> argv;
    for (std::string &argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    // Offscreen unless the caller chose a platform; the rest of the environment is kept.
    std::vector<std::string> environment;
    bool platformSet = false;
    for (char **entry = environ; *entry; ++entry) {
        environment.emplace_back(*entry);
        platformSet = platformSet || environment.back().rfind("QT_QPA_PLATFORM=", 0) == 0;
    }
    if (!platformSet)
        environment.emplace_back("QT_QPA_PLATFORM=offscreen");
    std::vector<char *> envp;
    for (std::string &entry : environment)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    pid_t child = 0;
    if (const int failed =
            ::posix_spawn(&child, argv[0], nullptr, nullptr, argv.data(), envp.data()))
        throw Error("cannot start " + app.string() + ": " + std::strerror(failed));
    int status = 0;
    while (::waitpid(child, &status, 0) < 0) {
        if (errno != EINTR)
            throw Error("lost " + app.string() + ": " + std::strerror(errno));
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    throw Error(app.string() + " ended by signal " + std::to_string(WTERMSIG(status)) +
                " while writing " + pdfPath);
}

} // namespace mf::cli
