#pragma once

#include "core/data/dataset.h"

#include <string>

namespace mf {

struct LoadOptions
{
    std::string csvLabelColumn = "label";
};

/// Detects the format of a file or directory and loads it. Directory layouts: MNIST/Fashion-MNIST
/// (train-images-idx3-ubyte[.gz] + train-labels-idx1-ubyte[.gz], optional t10k-* as test);
/// CIFAR-10 binary (data_batch_1..5.bin [+ test_batch.bin], also inside cifar-10-batches-bin/);
/// CIFAR-100 binary (train.bin [+ test.bin], also inside cifar-100-binary/); an image folder
/// (class sub-folders; or train/ and test/ each holding class sub-folders). Files: .csv table,
/// a single IDX images file (labels file found beside it), a single CIFAR .bin batch.
/// Throws mf::DataError naming the path (and what was looked for) when nothing fits.
DatasetBundle loadDataset(const std::string &path, const LoadOptions &options = {});

} // namespace mf
