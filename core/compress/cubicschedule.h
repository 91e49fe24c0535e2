#pragma once

namespace mf {

/// Zhu & Gupta's gradual pruning schedule ("To prune, or not to prune", 2017): the sparsity at
/// training step t, rising from `initial` at `start` to `final` at start + steps, fast at first
/// and slowly at the end:
///     s(t) = final + (initial - final) * (1 - (t - start) / steps)^3
/// `initial` before `start`, `final` from start + steps on. Sparsities are fractions in [0, 1);
/// `steps` is at least 1.
struct CubicSchedule
{
    double initial = 0.0;
    double final = 0.0;
    long long start = 0;
    long long steps = 1;

    double sparsityAt(long long step) const;
};

} // namespace mf
