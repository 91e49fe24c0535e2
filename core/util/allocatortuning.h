#pragma once

namespace mf {

/// Makes glibc keep freed memory for reuse instead of returning it to the system. Training,
/// evaluation and batched augmentation allocate and free buffers of several MB over and over;
/// with glibc's adaptive thresholds these are at times mmapped, or the heap top trimmed, and
/// page-faulted in again on every use (measured: 3x fewer page faults over a CNN epoch; batched
/// augmentation 5x faster). Costs only retained peak memory. Idempotent; a no-op without glibc.
/// Both executables call it at start-up; the Trainer calls it too, for library users.
void keepFreedMemoryForReuse();

} // namespace mf
