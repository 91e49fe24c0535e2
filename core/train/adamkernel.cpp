#include "core/train/adamkernel.h"

#include "core/util/vectorclones.h"

#include <algorithm>
#include <cmath>

namespace mf {

namespace {

template <bool AmsGrad>
MF_ALWAYS_INLINE void update(const AdamJob &job, std::int64_t begin, std::int64_t end)
{
    float *__restrict p = job.parameter;
    const float *__restrict g = job.gradient;
    float *__restrict m = job.expAvg;
    float *__restrict v = job.expAvgSq;
    float *__restrict vMax = job.maxExpAvgSq;
    // Scalars in locals: the stores through p, m and v could otherwise alias `job`'s fields for
    // all the compiler knows, and it would not vectorise the loop.
    const float decayFactor = job.decayFactor, coupledDecay = job.coupledDecay;
    const float beta1 = job.beta1, oneMinusBeta1 = job.oneMinusBeta1;
    const float beta2 = job.beta2, oneMinusBeta2 = job.oneMinusBeta2;
    const float sqrtBiasCorrection2 = job.sqrtBiasCorrection2, eps = job.eps;
    const float negativeStepSize = job.negativeStepSize;
    for (std::int64_t i = begin; i < end; ++i) {
        const float param = p[i] * decayFactor;
        const float grad = g[i] + coupledDecay * param;
        const float avg = m[i] * beta1 + oneMinusBeta1 * grad;
        const float avgSq = v[i] * beta2 + oneMinusBeta2 * grad * grad;
        m[i] = avg;
        v[i] = avgSq;
        float second = avgSq;
        if (AmsGrad) {
            second = std::max(vMax[i], avgSq);
            vMax[i] = second;
        }
        const float denominator = std::sqrt(second) / sqrtBiasCorrection2 + eps;
        p[i] = param + negativeStepSize * (avg / denominator);
    }
}

MF_VECTOR_CLONES void updateElements(const AdamJob &job, std::int64_t begin, std::int64_t end)
{
    if (job.maxExpAvgSq != nullptr)
        update<true>(job, begin, end);
    else
        update<false>(job, begin, end);
}

} // namespace

void adamElements(const AdamJob &job, std::int64_t begin, std::int64_t end)
{
    updateElements(job, begin, end);
}

} // namespace mf
