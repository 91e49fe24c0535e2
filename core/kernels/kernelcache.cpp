#include "core/kernels/kernelcache.h"

#include "core/util/atomicfile.h"
#include "core/util/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace mf {

namespace {

constexpr int kFormatVersion = 1;

nlohmann::json keyJson(const KernelKey &key)
{
    return {{"processor", key.processor}, {"capability", key.capability},
            {"torch", key.torch},         {"device", key.device},
            {"threads", key.threads},     {"workload", key.workload}};
}

KernelKey keyFromJson(const nlohmann::json &json)
{
    KernelKey key;
    key.processor = json.at("processor").get<std::string>();
    key.capability = json.at("capability").get<std::string>();
    key.torch = json.at("torch").get<std::string>();
    key.device = json.at("device").get<std::string>();
    key.threads = json.at("threads").get<int>();
    key.workload = json.at("workload").get<std::string>();
    return key;
}

nlohmann::json decisionJson(const KernelDecision &decision)
{
    nlohmann::json timings = nlohmann::json::array();
    for (const KernelTiming &timing : decision.timings)
        timings.push_back({{"candidate", timing.candidate}, {"ms", timing.millis}});
    return {{"chosen", decision.chosen}, {"timings", timings}, {"failed", decision.failed}};
}

KernelDecision decisionFromJson(const nlohmann::json &json)
{
    KernelDecision decision;
    decision.chosen = json.at("chosen").get<std::string>();
    for (const auto &timing : json.at("timings"))
        decision.timings.push_back(
            {timing.at("candidate").get<std::string>(), timing.at("ms").get<double>()});
    decision.failed = json.at("failed").get<std::map<std::string, std::string>>();
    return decision;
}

} // namespace

KernelCache::KernelCache(std::string path) : m_path(std::move(path))
{
    m_entries = load();
}

std::vector<KernelCache::Entry> KernelCache::load()
{
    std::vector<Entry> entries;
    if (m_path.empty() || !std::filesystem::exists(m_path))
        return entries;
    try {
        const nlohmann::json json = nlohmann::json::parse(readWholeFile(m_path));
        if (json.value("version", 0) != kFormatVersion)
            throw std::runtime_error("it is not a kernel cache of format " +
                                     std::to_string(kFormatVersion));
        for (const auto &entry : json.at("decisions"))
            entries.push_back({keyFromJson(entry.at("key")), decisionFromJson(entry)});
    } catch (const std::exception &e) {
        m_problem = m_path + ": kernel choices not read, measuring again (" + e.what() + ")";
        entries.clear();
    }
    return entries;
}

std::optional<KernelDecision> KernelCache::find(const KernelKey &key) const
{
    for (const Entry &entry : m_entries)
        if (entry.key == key) {
            KernelDecision decision = entry.decision;
            decision.cached = true;
            return decision;
        }
    return std::nullopt;
}

void KernelCache::store(const KernelKey &key, const KernelDecision &decision)
{
    // Another process may have stored decisions since this one read the file.
    if (!m_path.empty()) {
        const std::string readProblem = m_problem;
        m_entries = load();
        m_problem = readProblem;
    }
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                   [&](const Entry &entry) { return entry.key == key; }),
                    m_entries.end());
    KernelDecision stored = decision;
    stored.cached = false;
    m_entries.push_back({key, stored});
    if (m_entries.size() > kMaxEntries)
        m_entries.erase(m_entries.begin(), m_entries.begin() + static_cast<std::ptrdiff_t>(
                                                                   m_entries.size() - kMaxEntries));
    if (m_path.empty())
        return;
    nlohmann::json decisions = nlohmann::json::array();
    for (const Entry &entry : m_entries) {
        nlohmann::json json = decisionJson(entry.decision);
        json["key"] = keyJson(entry.key);
        decisions.push_back(std::move(json));
    }
    const nlohmann::json file = {{"version", kFormatVersion}, {"decisions", decisions}};
    try {
        writeFileAtomically(m_path, file.dump(2) + "\n");
    } catch (const Error &e) {
        m_problem = std::string("kernel choices not kept for later runs: ") + e.what();
    }
}

} // namespace mf
