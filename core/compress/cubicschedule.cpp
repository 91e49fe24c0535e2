#include "core/compress/cubicschedule.h"

#include <algorithm>

namespace mf {

double CubicSchedule::sparsityAt(long long step) const
{
    const long long span = std::max(1LL, steps);
    const double progress =
        std::clamp(static_cast<double>(step - start) / static_cast<double>(span), 0.0, 1.0);
    const double remaining = 1.0 - progress;
    return final + (initial - final) * remaining * remaining * remaining;
}

} // namespace mf
