#pragma once

#include "core/data/dataset.h"

#include <string>
#include <vector>

namespace mf {

enum class CifarVariant
{
    Cifar10,
    Cifar100
};

/// Bytes of one record: label byte(s) followed by 3 x 32 x 32 pixel planes (R, G, B).
std::int64_t cifarRecordBytes(CifarVariant variant);

/// The CIFAR-10 training batches in `dir`, data_batch_<n>.bin with n one to six digits, in the
/// order of n (data_batch_10.bin after data_batch_2.bin). Names are matched exactly, as the
/// binary release spells them; empty when there is none or `dir` cannot be listed.
std::vector<std::string> cifar10BatchFiles(const std::string &dir);

/// Reads CIFAR binary batch files and concatenates them in the given order (format "cifar10"
/// or "cifar100"; CIFAR-100 uses the fine label). Class names come from batches.meta.txt
/// (CIFAR-10) or fine_label_names.txt (CIFAR-100) beside the first file when present.
Dataset readCifar(const std::vector<std::string> &paths, CifarVariant variant);

} // namespace mf
