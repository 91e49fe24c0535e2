#pragma once
// The one precompiled header of the build (target modelforge_torch_pch): every translation unit
// that uses LibTorch shares it, and no other translation unit sees it.
#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
