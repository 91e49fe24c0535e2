#include "core/kernels/processormodel.h"

#include <fstream>
#include <sstream>

namespace mf {

namespace {

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

} // namespace

std::string processorModelFromCpuInfo(const std::string &cpuInfo)
{
    std::string fallback;
    std::istringstream lines(cpuInfo);
    std::string line;
    while (std::getline(lines, line)) {
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        const std::string key = trimmed(line.substr(0, colon));
        const std::string value = trimmed(line.substr(colon + 1));
        if (value.empty())
            continue;
        if (key == "model name")
            return value;
        if (fallback.empty() && (key == "Processor" || key == "cpu model"))
            fallback = value;
    }
    return fallback;
}

std::string processorModel()
{
    std::ifstream file("/proc/cpuinfo");
    std::ostringstream text;
    text << file.rdbuf();
    const std::string model = processorModelFromCpuInfo(text.str());
    return model.empty() ? "unknown processor" : model;
}

} // namespace mf
