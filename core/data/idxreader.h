#pragma once

#include "core/data/dataset.h"

#include <string>

namespace mf {

constexpr std::uint32_t kIdxImagesMagic = 0x00000803;
constexpr std::uint32_t kIdxLabelsMagic = 0x00000801;
constexpr std::uint32_t kIdxMaxSide = 4096;

/// IDX3 images (uint8, N x H x W), raw or gzip: uint8 [N, 1, H, W]. The header is checked
/// against the real length of the data before any tensor is allocated.
torch::Tensor readIdxImages(const std::string &path);
/// IDX1 labels (uint8, N), raw or gzip: int64 [N].
torch::Tensor readIdxLabels(const std::string &path);

/// Images and labels as one dataset (format "idx"): the counts must agree; classes are
/// 0..max label, named after the Fashion-MNIST classes when the path mentions "fashion",
/// else by number.
Dataset readIdxDataset(const std::string &imagesPath, const std::string &labelsPath);

/// The labels file that belongs beside an images file ("train-images-idx3-ubyte.gz" ->
/// "train-labels-idx1-ubyte.gz"); empty when the name does not follow that pattern.
std::string idxLabelsPathFor(const std::string &imagesPath);
/// The reverse: the images file that belongs beside a labels file.
std::string idxImagesPathFor(const std::string &labelsPath);

/// The magic number of an IDX file (first four bytes, big-endian, after gunzip); 0 when the
/// file is shorter than that or unreadable.
std::uint32_t peekIdxMagic(const std::string &path);

} // namespace mf
