#pragma once
// Not read by moc. Torch-free: the tensors stay behind Dataset, which only loadeddataset.cpp
// and the workers that read pixels or statistics see whole.

#include "core/data/dataproblem.h"
#include "core/data/tablesummary.h"
#include "core/text/textdataset.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mf {

struct Dataset;
struct DatasetBundle;

/// Where the pixels of one sample are stored: a file of its own (image folders, record -1) or
/// one record of a container file (IDX, CIFAR).
struct SampleOrigin
{
    std::string file;
    std::int64_t record = -1;
};

/// Consecutive samples of a part read from one container file.
struct ContainerSegment
{
    std::string file;
    std::int64_t firstSample = 0; ///< row in the part
    std::int64_t count = 0;
};

/// A dataset opened in the Datasets page, shared with the other pages (Augment) and with the
/// workers that draw thumbnails and compute statistics. Samples are numbered across the parts:
/// the training samples first, then the test samples.
/// Threading: immutable once built; any thread may read it through a shared_ptr<const>.
class LoadedDataset
{
public:
    enum class Kind
    {
        Images,
        Table,
        Text
    };
    enum class Split
    {
        Train,
        Test
    };

    QString path; ///< as the user gave it
    Kind kind = Kind::Images;
    std::string format; ///< the reader's format name: "idx", "imagefolder", "csv", "aclimdb", ...
    /// Images and tables; null for text datasets and for a table that readCsv refused (then
    /// `table` and `refusal` say what is in it and why).
    std::shared_ptr<const DatasetBundle> bundle;
    std::shared_ptr<const TextDatasetBundle> text;  ///< text datasets only
    std::optional<TableSummary> table;              ///< CSV tables
    std::string refusal;                            ///< readCsv's reason, when it refused
    std::vector<DataProblem> problems;              ///< files the image-folder scan left out
    std::vector<std::string> trainFiles, testFiles; ///< per sample, image folders only
    std::vector<ContainerSegment> trainSegments, testSegments; ///< IDX and CIFAR
    std::vector<std::int64_t> trainClassCounts, testClassCounts;
    double loadSeconds = 0.0;

    std::int64_t trainCount() const;
    std::int64_t testCount() const;
    std::int64_t sampleCount() const { return trainCount() + testCount(); }
    bool hasImages() const { return kind == Kind::Images && bundle != nullptr; }

    const std::vector<std::string> &classNames() const;
    /// The class name, or its number when the dataset names none.
    QString className(std::int64_t label) const;

    Split splitOf(std::int64_t sample) const;
    /// The part holding `sample` and its row there.
    const Dataset &partOf(std::int64_t sample) const;
    std::int64_t rowInPart(std::int64_t sample) const;
    std::int64_t labelOf(std::int64_t sample) const;
    SampleOrigin originOf(std::int64_t sample) const;
    /// "data/cat/003.png" or "train-images-idx3-ubyte.gz, record 12".
    QString originText(std::int64_t sample) const;

    /// Images: channels, height and width of every sample; 0 for other kinds.
    int channels() const;
    int height() const;
    int width() const;
    /// "28 × 28, 1 channel", "32 × 32, 3 channels"; empty for other kinds.
    QString sizeText() const;
    /// The uint8 CHW planes of an image sample.
    const std::uint8_t *pixels(std::int64_t sample) const;
    /// The channel values at (x, y); empty outside the image.
    std::vector<int> pixelAt(std::int64_t sample, int x, int y) const;
};

QString splitName(LoadedDataset::Split split);
/// "IDX (MNIST layout)", "CIFAR-10", "Image folder", "CSV table", ... for a reader's format name.
QString formatTitle(const std::string &format);

} // namespace mf
