#include "core/compress/quantengine.h"

#include "core/util/error.h"

#include <ATen/Context.h>

#include <algorithm>
#include <array>

namespace mf {

namespace {

constexpr std::array<c10::QEngine, 5> kAllEngines = {c10::QEngine::NoQEngine, c10::QEngine::FBGEMM,
                                                     c10::QEngine::QNNPACK, c10::QEngine::ONEDNN,
                                                     c10::QEngine::X86};

std::string offeredNames()
{
    std::string names;
    for (c10::QEngine engine : quantEngines(true)) {
        if (!names.empty())
            names += ", ";
        names += quantEngineName(engine);
    }
    return names;
}

} // namespace

std::vector<c10::QEngine> quantEngines(bool includeNone)
{
    std::vector<c10::QEngine> engines;
    for (c10::QEngine engine : at::globalContext().supportedQEngines())
        if (includeNone || engine != c10::QEngine::NoQEngine)
            engines.push_back(engine);
    return engines;
}

const char *quantEngineName(c10::QEngine engine)
{
    switch (engine) {
    case c10::QEngine::NoQEngine:
        return "none";
    case c10::QEngine::FBGEMM:
        return "fbgemm";
    case c10::QEngine::QNNPACK:
        return "qnnpack";
    case c10::QEngine::ONEDNN:
        return "onednn";
    case c10::QEngine::X86:
        return "x86";
    }
    return "unknown";
}

c10::QEngine quantEngineFromName(const std::string &name)
{
    for (c10::QEngine engine : kAllEngines)
        if (name == quantEngineName(engine))
            return engine;
    throw ConfigError("\"" + name + "\" is not a quantisation engine; this build offers " +
                      offeredNames() + ".");
}

bool quantEngineOffered(c10::QEngine engine)
{
    const auto &offered = at::globalContext().supportedQEngines();
    return std::find(offered.begin(), offered.end(), engine) != offered.end();
}

c10::QEngine currentQuantEngine()
{
    return at::globalContext().qEngine();
}

void setQuantEngine(c10::QEngine engine)
{
    if (!quantEngineOffered(engine))
        throw ConfigError(std::string("This LibTorch build has no ") + quantEngineName(engine) +
                          " quantisation engine; it offers " + offeredNames() + ".");
    at::globalContext().setQEngine(engine);
}

QuantEngineGuard::QuantEngineGuard(c10::QEngine engine) : m_previous(currentQuantEngine())
{
    setQuantEngine(engine);
}

QuantEngineGuard::~QuantEngineGuard()
{
    at::globalContext().setQEngine(m_previous);
}

} // namespace mf
