#include "onednntrace.h"

#include <ATen/native/verbose_wrapper.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sstream>
#include <unistd.h>

namespace mfbench {

namespace {

/// stdout, file descriptor included, redirected to a temporary file while it lives.
class CapturedStdout
{
public:
    CapturedStdout()
    {
        std::fflush(stdout);
        m_file = std::tmpfile();
        m_saved = ::dup(STDOUT_FILENO);
        if (m_file != nullptr && m_saved >= 0)
            ::dup2(::fileno(m_file), STDOUT_FILENO);
    }
    ~CapturedStdout()
    {
        restore();
        if (m_file != nullptr)
            std::fclose(m_file);
    }
    CapturedStdout(const CapturedStdout &) = delete;
    CapturedStdout &operator=(const CapturedStdout &) = delete;

    /// Everything written since construction; stdout is restored.
    std::string text()
    {
        restore();
        std::string captured;
        if (m_file == nullptr)
            return captured;
        std::rewind(m_file);
        char buffer[4096];
        std::size_t read = 0;
        while ((read = std::fread(buffer, 1, sizeof buffer, m_file)) > 0)
            captured.append(buffer, read);
        return captured;
    }

private:
    void restore()
    {
        if (m_saved < 0)
            return;
        std::fflush(stdout);
        ::dup2(m_saved, STDOUT_FILENO);
        ::close(m_saved);
        m_saved = -1;
    }

    std::FILE *m_file = nullptr;
    int m_saved = -1;
};

std::vector<std::string> fields(const std::string &line)
{
    std::vector<std::string> parts;
    std::stringstream stream(line);
    std::string part;
    while (std::getline(stream, part, ','))
        parts.push_back(part);
    return parts;
}

/// oneDNN 2.x writes "onednn_verbose,exec,cpu,KIND,IMPL,...,PROBLEM,MS"; 3.x puts
/// "primitive," before "exec".
bool parse(const std::string &line, OneDnnPrimitive &primitive)
{
    if (line.rfind("onednn_verbose,", 0) != 0 && line.rfind("dnnl_verbose,", 0) != 0)
        return false;
    const std::vector<std::string> parts = fields(line);
    const auto exec = std::find(parts.begin(), parts.end(), "exec");
    if (exec == parts.end() || parts.end() - exec < 6)
        return false;
    primitive.kind = *(exec + 2);
    primitive.implementation = *(exec + 3);
    primitive.problem = parts[parts.size() - 2];
    primitive.millis = std::atof(parts.back().c_str());
    return true;
}

} // namespace

std::vector<OneDnnPrimitive> traceOneDnn(const std::function<void()> &forward, int times)
{
    forward(); // primitives created before the trace: creation is not execution
    std::string text;
    {
        CapturedStdout captured;
        torch::verbose::_mkldnn_set_verbose(1);
        for (int i = 0; i < times; ++i)
            forward();
        torch::verbose::_mkldnn_set_verbose(0);
        text = captured.text();
    }
    std::vector<OneDnnPrimitive> all;
    std::stringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        OneDnnPrimitive primitive;
        if (parse(line, primitive))
            all.push_back(primitive);
    }
    if (all.empty() || times < 1 || all.size() % std::size_t(times) != 0)
        return {};
    const std::size_t perPass = all.size() / std::size_t(times);
    std::vector<OneDnnPrimitive> pass(all.begin(), all.begin() + std::ptrdiff_t(perPass));
    for (std::size_t i = 0; i < perPass; ++i) {
        std::vector<double> millis;
        for (int t = 0; t < times; ++t) {
            const OneDnnPrimitive &seen = all[std::size_t(t) * perPass + i];
            if (seen.problem != pass[i].problem || seen.implementation != pass[i].implementation)
                return {};
            millis.push_back(seen.millis);
        }
        std::sort(millis.begin(), millis.end());
        pass[i].millis = millis[millis.size() / 2];
    }
    return pass;
}

} // namespace mfbench
