#pragma once

#include "core/augment/augmentoperation.h"

#include <memory>
#include <string>
#include <vector>

namespace mf {

/// Names of every augmentation operation, in the order an editor lists them.
const std::vector<std::string> &augmentOperationNames();

/// A new operation of kind `name` with its default parameters; nullptr for an unknown name.
std::unique_ptr<AugmentOperation> makeAugmentOperation(const std::string &name);

} // namespace mf
