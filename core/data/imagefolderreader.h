#pragma once

#include "core/data/dataset.h"

#include <string>

namespace mf {

constexpr int kImageFolderMaxSide = 8192;

/// True for names ending in .png, .jpg, .jpeg or .bmp (any case).
bool isImageFileName(const std::string &name);

/// Reads root/<class>/<image> (format "imagefolder"): classes are the sub-folders sorted by
/// name, images within a class sorted by name. All images must share one size; they load as one
/// channel when every file is grey, else as RGB.
Dataset readImageFolder(const std::string &root);

} // namespace mf
