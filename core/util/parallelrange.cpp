#include "core/util/parallelrange.h"

#include <ATen/TensorIterator.h>
#include <torch/torch.h>

namespace mf {

void parallelRange(std::int64_t count, std::int64_t grain,
                   const std::function<void(std::int64_t begin, std::int64_t end)> &body)
{
    if (count <= 0)
        return;
    // One byte per index: the iterator hands each thread a run of it, whose offset from the
    // first byte is the index the run starts at.
    const at::Tensor indices = at::empty({count}, at::TensorOptions().dtype(at::kByte));
    at::TensorIterator iterator = at::TensorIteratorConfig()
                                      .add_output(indices)
                                      .resize_outputs(false)
                                      .check_all_same_dtype(false)
                                      .build();
    const char *first = static_cast<const char *>(indices.data_ptr());
    iterator.for_each(
        [&](char **data, const std::int64_t *strides, std::int64_t size0, std::int64_t size1) {
            for (std::int64_t j = 0; j < size1; ++j) {
                const std::int64_t begin = data[0] + j * strides[1] - first;
                body(begin, begin + size0);
            }
        },
        std::max<std::int64_t>(grain, 1));
}

} // namespace mf
