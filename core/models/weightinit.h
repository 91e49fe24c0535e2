#pragma once

#include "core/models/initscheme.h"

#include <torch/torch.h>

#include <string>

namespace mf {

/// Re-initialises every Linear and Conv2d in `module` (recursively) with `scheme` and scale
/// `a` (> 0). Normalisation layers keep their weight 1, bias 0.
void initializeWeights(torch::nn::Module &module, InitScheme scheme, double a);

} // namespace mf
