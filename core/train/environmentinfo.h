#pragma once

#include <string>

namespace mf {

/// The ModelForge version, "0.1.0".
std::string modelforgeVersion();
/// The LibTorch version this build was compiled against, "1.13.0".
std::string torchVersion();
/// "modelforge 0.1.0; libtorch 1.13.0", as stored with every run.
std::string versionsString();

/// Whether this LibTorch build sees a usable CUDA device, and how many.
bool cudaAvailable();
int cudaDeviceCount();

/// Makes glibc keep freed memory for reuse instead of returning it to the system. Training and
/// evaluation allocate and free activation buffers of several MB over and over; with glibc's
/// adaptive thresholds these are at times mmapped and page-faulted in on every use (measured:
/// 3x fewer page faults over a CNN epoch, and no 35% slow steps when the heuristic misfires).
/// Costs only retained peak memory. Idempotent; a no-op without glibc.
void keepFreedMemoryForReuse();

/// The canonical name of a requested device: "cpu" or "cuda:N" ("cuda" is "cuda:0").
/// Throws mf::ConfigError for an unknown name, for CUDA when this build has no usable CUDA
/// device, and for a CUDA index beyond the devices present.
std::string resolveDeviceName(const std::string &requested);

} // namespace mf
