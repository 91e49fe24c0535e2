#pragma once

#include <string>

namespace mf {

/// The processor's model name as the system reports it ("AMD EPYC 7B13", from /proc/cpuinfo on
/// Linux); "unknown processor" where it does not. Kernel decisions are cached under it.
std::string processorModel();

/// The processor's model name in the text of a /proc/cpuinfo: the first "model name" line, or
/// failing that the first "Processor"/"cpu model" line (ARM, MIPS); empty when none is there.
std::string processorModelFromCpuInfo(const std::string &cpuInfo);

} // namespace mf
