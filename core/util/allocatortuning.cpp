#include "core/util/allocatortuning.h"

#include <mutex>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace mf {

void keepFreedMemoryForReuse()
{
#ifdef __GLIBC__
    static std::once_flag once;
    std::call_once(once, [] {
        // Setting either threshold freezes glibc's adaptive value for the other, so set both.
        // 32 MiB is the largest mmap threshold glibc accepts on 64-bit systems.
        mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
        mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
        // Grow the heap in 64 MiB steps so a batch's buffers do not fault in pages each time.
        mallopt(M_TOP_PAD, 64 * 1024 * 1024);
    });
#endif
}

} // namespace mf
