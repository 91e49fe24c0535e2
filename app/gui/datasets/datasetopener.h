#pragma once
// Not read by moc: may include core headers.

#include "app/gui/datasets/loadeddataset.h"

#include <memory>
#include <string>

namespace mf {

/// Opens any dataset the engine reads, for browsing: text datasets (aclImdb folders, .tsv,
/// .jsonl, .csv with a "text" column), image folders read leniently (bad files are listed, the
/// good ones load), CSV tables (a table readCsv refuses still comes back with its summary and
/// the reason), and every other layout of loadDataset. Class counts and the container file of
/// every IDX/CIFAR record are filled in. Throws mf::Error (mostly mf::DataError with file and
/// reason) when nothing can be shown.
/// Threading: any thread; it reads files and may take seconds.
std::shared_ptr<LoadedDataset> openDatasetForBrowsing(const std::string &path);

} // namespace mf
