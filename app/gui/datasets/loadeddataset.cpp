#include "app/gui/datasets/loadeddataset.h"

#include "core/data/dataset.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace mf {

namespace {

const std::vector<std::string> kNoNames;

QString fileName(const std::string &path)
{
    return QFileInfo(QString::fromStdString(path)).fileName();
}

} // namespace

QString splitName(LoadedDataset::Split split)
{
    return split == LoadedDataset::Split::Train
               ? QCoreApplication::translate("mf::LoadedDataset", "train")
               : QCoreApplication::translate("mf::LoadedDataset", "test");
}

QString formatTitle(const std::string &format)
{
    static const std::pair<const char *, const char *> titles[] = {
        {"idx", QT_TRANSLATE_NOOP("mf::LoadedDataset", "IDX images (MNIST layout)")},
        {"cifar10", QT_TRANSLATE_NOOP("mf::LoadedDataset", "CIFAR-10 binary")},
        {"cifar100", QT_TRANSLATE_NOOP("mf::LoadedDataset", "CIFAR-100 binary")},
        {"imagefolder", QT_TRANSLATE_NOOP("mf::LoadedDataset", "Image folder")},
        {"csv", QT_TRANSLATE_NOOP("mf::LoadedDataset", "CSV table")},
        {"aclimdb", QT_TRANSLATE_NOOP("mf::LoadedDataset", "Text folder (aclImdb layout)")},
        {"tsv", QT_TRANSLATE_NOOP("mf::LoadedDataset", "TSV text table")},
        {"jsonl", QT_TRANSLATE_NOOP("mf::LoadedDataset", "JSON Lines text")},
    };
    for (const auto &[name, title] : titles)
        if (format == name)
            return QCoreApplication::translate("mf::LoadedDataset", title);
    return QString::fromStdString(format);
}

std::int64_t LoadedDataset::trainCount() const
{
    if (bundle)
        return bundle->train.size();
    return text ? text->train.size() : 0;
}

std::int64_t LoadedDataset::testCount() const
{
    if (bundle)
        return bundle->test ? bundle->test->size() : 0;
    return text && text->test ? text->test->size() : 0;
}

const std::vector<std::string> &LoadedDataset::classNames() const
{
    if (bundle)
        return bundle->train.classNames;
    return text ? text->train.classNames : kNoNames;
}

QString LoadedDataset::className(std::int64_t label) const
{
    const auto &names = classNames();
    if (label >= 0 && label < static_cast<std::int64_t>(names.size()))
        return QString::fromStdString(names[static_cast<std::size_t>(label)]);
    return QString::number(label);
}

LoadedDataset::Split LoadedDataset::splitOf(std::int64_t sample) const
{
    return sample < trainCount() ? Split::Train : Split::Test;
}

const Dataset &LoadedDataset::partOf(std::int64_t sample) const
{
    return splitOf(sample) == Split::Train ? bundle->train : *bundle->test;
}

std::int64_t LoadedDataset::rowInPart(std::int64_t sample) const
{
    return splitOf(sample) == Split::Train ? sample : sample - trainCount();
}

std::int64_t LoadedDataset::labelOf(std::int64_t sample) const
{
    const std::int64_t row = rowInPart(sample);
    if (!bundle) {
        const TextDataset &part = splitOf(sample) == Split::Train ? text->train : *text->test;
        return part.labels[static_cast<std::size_t>(row)];
    }
    return partOf(sample).labels.data_ptr<std::int64_t>()[row];
}

SampleOrigin LoadedDataset::originOf(std::int64_t sample) const
{
    const bool train = splitOf(sample) == Split::Train;
    const std::int64_t row = rowInPart(sample);
    const auto &files = train ? trainFiles : testFiles;
    if (row < static_cast<std::int64_t>(files.size()))
        return {files[static_cast<std::size_t>(row)], -1};
    if (text) {
        const TextDataset &part = train ? text->train : *text->test;
        if (row < static_cast<std::int64_t>(part.sourceFiles.size()))
            return {part.sourceFiles[static_cast<std::size_t>(row)], -1};
        return {part.source, row};
    }
    for (const ContainerSegment &segment : train ? trainSegments : testSegments)
        if (row >= segment.firstSample && row < segment.firstSample + segment.count)
            return {segment.file, row - segment.firstSample};
    return {bundle ? partOf(sample).source : std::string(), row};
}

QString LoadedDataset::originText(std::int64_t sample) const
{
    const SampleOrigin origin = originOf(sample);
    if (origin.record < 0)
        return QString::fromStdString(origin.file);
    return QCoreApplication::translate("mf::LoadedDataset", "%1, record %2")
        .arg(fileName(origin.file))
        .arg(origin.record);
}

int LoadedDataset::channels() const
{
    return hasImages() ? static_cast<int>(bundle->train.inputs.size(1)) : 0;
}

int LoadedDataset::height() const
{
    return hasImages() ? static_cast<int>(bundle->train.inputs.size(2)) : 0;
}

int LoadedDataset::width() const
{
    return hasImages() ? static_cast<int>(bundle->train.inputs.size(3)) : 0;
}

QString LoadedDataset::sizeText() const
{
    if (!hasImages())
        return QString();
    if (channels() == 1)
        return QCoreApplication::translate("mf::LoadedDataset", "%1 × %2, 1 channel")
            .arg(width())
            .arg(height());
    return QCoreApplication::translate("mf::LoadedDataset", "%1 × %2, %3 channels")
        .arg(width())
        .arg(height())
        .arg(channels());
}

const std::uint8_t *LoadedDataset::pixels(std::int64_t sample) const
{
    const std::int64_t imageBytes = std::int64_t(channels()) * height() * width();
    return partOf(sample).inputs.data_ptr<std::uint8_t>() + rowInPart(sample) * imageBytes;
}

std::vector<int> LoadedDataset::pixelAt(std::int64_t sample, int x, int y) const
{
    if (!hasImages() || sample < 0 || sample >= sampleCount() || x < 0 || y < 0 || x >= width() ||
        y >= height())
        return {};
    const std::uint8_t *planes = pixels(sample);
    const std::int64_t plane = std::int64_t(height()) * width();
    std::vector<int> values;
    for (int c = 0; c < channels(); ++c)
        values.push_back(planes[c * plane + std::int64_t(y) * width() + x]);
    return values;
}

} // namespace mf
