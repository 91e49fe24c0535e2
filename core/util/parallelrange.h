#pragma once
// Core-only header: its implementation needs torch.

#include <cstdint>
#include <functional>

namespace mf {

/// Runs `body` over [0, count) split into contiguous chunks of at least `grain` on LibTorch's
/// intra-op threads (at::get_num_threads()), and returns when every chunk is done. It goes
/// through ATen's TensorIterator, so the chunks run on the very thread team (and OpenMP runtime)
/// that ATen's own kernels use: no second team competes with it for the cores, and no translation
/// unit of ours has to be compiled for OpenMP. Inside a parallel region it runs serially.
void parallelRange(std::int64_t count, std::int64_t grain,
                   const std::function<void(std::int64_t begin, std::int64_t end)> &body);

} // namespace mf
