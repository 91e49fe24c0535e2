#include "app/gui/augment/previewrendering.h"

#include "app/gui/augment/drawnparameters.h"
#include "app/gui/augment/operationcatalog.h"
#include "core/augment/augmentedsamples.h"
#include "core/util/error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>

#include <cstring>

namespace mf {

namespace {

/// Displayable 8-bit pixels of float images [n, C, H, W]: `normalization` undone, clamped,
/// rounded; [n, H, W, 1 or 3] uint8.
torch::Tensor displayBytes(const torch::Tensor &images,
                           const std::optional<ChannelStats> &normalization)
{
    torch::Tensor x = images;
    if (normalization) {
        const auto channels = static_cast<std::int64_t>(normalization->mean.size());
        const torch::Tensor mean =
            torch::tensor(normalization->mean, torch::kDouble).view({1, channels, 1, 1});
        const torch::Tensor stdDev =
            torch::tensor(normalization->std, torch::kDouble).view({1, channels, 1, 1});
        x = (x.to(torch::kDouble) * stdDev + mean).to(torch::kFloat);
    }
    const std::int64_t channels = x.size(1);
    x = channels >= 3 ? x.narrow(1, 0, 3) : x.narrow(1, 0, 1);
    return x.clamp(0.0, 1.0).mul(255.0).round().to(torch::kByte).permute({0, 2, 3, 1}).contiguous();
}

QImage imageOf(const torch::Tensor &bytes)
{
    const int height = static_cast<int>(bytes.size(0));
    const int width = static_cast<int>(bytes.size(1));
    const int channels = static_cast<int>(bytes.size(2));
    QImage image(width, height, channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    const auto *data = bytes.data_ptr<std::uint8_t>();
    const std::size_t rowBytes =
        static_cast<std::size_t>(width) * static_cast<std::size_t>(channels);
    for (int y = 0; y < height; ++y)
        std::memcpy(image.scanLine(y), data + static_cast<std::size_t>(y) * rowBytes, rowBytes);
    return image;
}

PreviewTile tileOf(const torch::Tensor &values, const torch::Tensor &bytes, qint64 sample)
{
    PreviewTile tile;
    tile.sample = sample;
    tile.channels = static_cast<int>(values.size(0));
    tile.height = static_cast<int>(values.size(1));
    tile.width = static_cast<int>(values.size(2));
    const torch::Tensor flat = values.contiguous();
    tile.values = QVector<float>(flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel());
    tile.image = imageOf(bytes);
    return tile;
}

} // namespace

PreviewResult renderPreview(const PreviewRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    PreviewResult result;
    result.generation = request.generation;
    result.samples = request.samples;
    result.variants = std::max(0, request.variants);
    if (!request.dataset || !request.pipeline || request.samples.isEmpty())
        return result;
    const Dataset &dataset = request.dataset->train;
    const int columns = result.variants + 1;
    const auto rows = static_cast<int>(request.samples.size());
    result.tiles.resize(rows * columns);
    try {
        if (dataset.kind != DatasetKind::Image || dataset.size() == 0)
            throw ConfigError(QCoreApplication::translate(
                                  "mf::PreviewRendering",
                                  "The preview shows image datasets; this one holds a table.")
                                  .toStdString());
        std::vector<std::int64_t> list(request.samples.begin(), request.samples.end());
        for (std::int64_t index : list)
            if (index < 0 || index >= dataset.size())
                throw ConfigError(QCoreApplication::translate("mf::PreviewRendering",
                                                              "Sample %1 is outside the %2 "
                                                              "training samples.")
                                      .arg(index)
                                      .arg(dataset.size())
                                      .toStdString());
        const torch::Tensor indices = torch::tensor(list, torch::kLong);
        const torch::Tensor originals =
            dataset.inputs.index_select(0, indices).to(torch::kFloat).div_(255.0);
        const torch::Tensor originalBytes = displayBytes(originals, std::nullopt);
        for (int r = 0; r < rows; ++r)
            result.tiles[r * columns] = tileOf(originals[r], originalBytes[r], list[r]);

        const std::optional<ChannelStats> normalization =
            pipelineNormalization(*request.pipeline, dataset.inputs.size(1));
        for (int v = 0; v < result.variants; ++v) {
            const quint64 seed = request.seed + static_cast<quint64>(v);
            DrawnParams drawn;
            const torch::Tensor images =
                augmentedSamples(dataset, indices, *request.pipeline, seed, request.epoch, &drawn);
            const torch::Tensor bytes = displayBytes(images, normalization);
            for (int r = 0; r < rows; ++r) {
                PreviewTile tile = tileOf(images[r], bytes[r], list[r]);
                tile.variant = v;
                tile.seed = seed;
                tile.epoch = request.epoch;
                tile.drawn = DrawnParameters::lines(drawn[static_cast<std::size_t>(r)],
                                                    &OperationCatalog::title);
                result.tiles[r * columns + 1 + v] = std::move(tile);
            }
        }
    } catch (const std::exception &error) {
        result.error = QString::fromStdString(error.what());
    }
    result.renderMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace mf
