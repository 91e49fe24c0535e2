// The object of modelforge_torch_pch: CMake builds the precompiled header with a target's
// sources, and an object library needs one.
