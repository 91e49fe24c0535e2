#pragma once

#include <c10/core/QEngine.h>

#include <string>
#include <vector>

namespace mf {

/// The back ends this LibTorch build offers for int8 operators, in LibTorch's order. `none`
/// (no int8 kernels at all) is left out unless `includeNone`.
std::vector<c10::QEngine> quantEngines(bool includeNone = false);

/// Python's name of an engine (torch.backends.quantized.engine): "none", "fbgemm", "qnnpack",
/// "onednn", "x86".
const char *quantEngineName(c10::QEngine engine);

/// The engine that quantEngineName() calls `name`; throws ConfigError for an unknown name.
c10::QEngine quantEngineFromName(const std::string &name);

bool quantEngineOffered(c10::QEngine engine);

/// The engine that packs weights from now on, process-wide.
c10::QEngine currentQuantEngine();

/// Selects the engine that packs weights from now on, for the whole process: weights packed
/// earlier keep running on the engine that packed them. Throws ConfigError where this build
/// does not offer `engine`.
void setQuantEngine(c10::QEngine engine);

/// Selects an engine for its lifetime and restores the previous one after.
class QuantEngineGuard
{
public:
    explicit QuantEngineGuard(c10::QEngine engine);
    ~QuantEngineGuard();
    QuantEngineGuard(const QuantEngineGuard &) = delete;
    QuantEngineGuard &operator=(const QuantEngineGuard &) = delete;

private:
    c10::QEngine m_previous;
};

} // namespace mf
