#include "core/models/initscheme.h"

#include "core/util/error.h"

namespace mf {

InitScheme parseInitScheme(const std::string &name)
{
    if (name == "default")
        return InitScheme::Default;
    if (name == "uniform")
        return InitScheme::Uniform;
    if (name == "gaussian")
        return InitScheme::Gaussian;
    if (name == "xavier")
        return InitScheme::Xavier;
    if (name == "kaiming")
        return InitScheme::Kaiming;
    throw ConfigError("init.scheme: unknown initialisation scheme \"" + name +
                      "\" (expected default, uniform, gaussian, xavier or kaiming)");
}

} // namespace mf
