#pragma once
// Plain C++: compiled without torch's headers, with -fno-math-errno so that its square roots
// vectorise (core/train/CMakeLists.txt).

#include <cstdint>

namespace mf {

/// One parameter's share of a fused Adam or AdamW step (PlannedAdam): its tensors' elements,
/// laid out alike, and its scalars, in float as ATen computes float tensors.
struct AdamJob
{
    float *parameter = nullptr;
    const float *gradient = nullptr;
    float *expAvg = nullptr;
    float *expAvgSq = nullptr;
    float *maxExpAvgSq = nullptr; ///< AMSGrad only
    std::int64_t count = 0;
    float beta1 = 0, oneMinusBeta1 = 0, beta2 = 0, oneMinusBeta2 = 0;
    float coupledDecay = 0; ///< Adam: the parameter times it is added to the gradient
    float decayFactor = 1;  ///< AdamW: the parameter is scaled by it first
    float sqrtBiasCorrection2 = 1, eps = 0, negativeStepSize = 0;
};

/// Updates elements [begin, end) of `job`, with the formulas of LibTorch's Adam and AdamW step
/// (torch/csrc/api/src/optim/adam.cpp, adamw.cpp) in their order.
void adamElements(const AdamJob &job, std::int64_t begin, std::int64_t end);

} // namespace mf
