#pragma once

#include <string>

namespace mf {

/// The ModelForge version, "0.1.0".
std::string modelforgeVersion();
/// The LibTorch version this build was compiled against, "1.13.0".
std::string torchVersion();
/// "modelforge 0.1.0; libtorch 1.13.0", as stored with every run.
std::string versionsString();

/// The vector code ATen dispatches its CPU kernels to on this machine, as LibTorch reports it
/// ("AVX2", "AVX512", "DEFAULT"); "unknown" where its build information does not say.
std::string cpuCapability();
/// The oneDNN version LibTorch runs ("2.6.3"); empty when it has none.
std::string oneDnnVersion();

/// Whether this LibTorch build sees a usable CUDA device, and how many.
bool cudaAvailable();
int cudaDeviceCount();

/// The canonical name of a requested device: "cpu" or "cuda:N". "cuda" is "cuda:0", or for a
/// rank of a job of several processes "cuda:LOCAL_RANK" (`localRank`), as torchrun's workers
/// choose: one device per process on a machine. Throws mf::ConfigError for an unknown name,
/// for CUDA when this build has no usable CUDA device, and for a CUDA index beyond the devices
/// present (for a rank: more processes on the machine than devices).
std::string resolveDeviceName(const std::string &requested, int localRank = 0);

} // namespace mf
