#pragma once

#include "core/data/dataproblem.h"
#include "core/data/dataset.h"

#include <optional>
#include <string>
#include <vector>

namespace mf {

constexpr int kImageFolderMaxSide = 8192;

/// An image folder read leniently: the images that load, one source file per sample, and the
/// files left out with their reasons (in file order).
struct ImageFolderScan
{
    Dataset dataset;
    std::vector<std::string> files; ///< files[i] is the file of sample i
    std::vector<DataProblem> problems;
};

/// An image-folder layout of loadDataset read leniently: root/<class>/<image>, or root/train and
/// root/test each holding class folders (test labels follow the training class indices).
struct ImageFolderLayoutScan
{
    DatasetBundle bundle;
    std::vector<std::string> trainFiles, testFiles;
    std::vector<DataProblem> problems;
};

/// True for names ending in .png, .jpg, .jpeg or .bmp (any case).
bool isImageFileName(const std::string &name);

/// Reads root/<class>/<image> (format "imagefolder"): classes are the sub-folders sorted by
/// name, images within a class sorted by name. Images load as one channel when every file is
/// grey, else as RGB. Files that cannot be used are skipped and listed: empty, unsupported or
/// corrupt files, images over kImageFolderMaxSide (checked before decoding) and images whose
/// size differs from the most common one (ties go to the size of the first file). Throws
/// mf::DataError for a missing root, no class folders, or no usable image at all.
ImageFolderScan scanImageFolder(const std::string &root);

/// The strict form for the CLI and the trainer (through loadDataset): a problem that
/// scanImageFolder would list is thrown as mf::DataError (file and reason) instead, so that no run
/// trains on a silently thinned set. Problems the headers show (in file order) come first, before
/// anything is decoded; then the first image that fails to decode.
Dataset readImageFolder(const std::string &root);

/// scanImageFolder over the layouts loadDataset accepts for image folders; std::nullopt when
/// `root` holds neither (no class folder with an image file in it).
std::optional<ImageFolderLayoutScan> scanImageFolderLayout(const std::string &root);

} // namespace mf
