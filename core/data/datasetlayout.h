#pragma once
// Torch-free, so that a form can check a path without compiling against torch.

#include <string>

namespace mf {

/// Throws the DataError loadDataset() would throw for a path that holds no layout it reads,
/// from file names, sizes and first bytes alone: cheap enough to call as the user types a path
/// (off the GUI thread: a slow disk still blocks). A layout found may still fail to load.
void checkDatasetLayout(const std::string &path);

} // namespace mf
