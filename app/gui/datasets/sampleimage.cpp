#include "app/gui/datasets/sampleimage.h"

#include "app/gui/datasets/loadeddataset.h"

#include <algorithm>

namespace mf {

QImage sampleImage(const LoadedDataset &dataset, std::int64_t sample)
{
    if (!dataset.hasImages() || sample < 0 || sample >= dataset.sampleCount())
        return {};
    const int width = dataset.width(), height = dataset.height(), channels = dataset.channels();
    const std::uint8_t *planes = dataset.pixels(sample);
    const std::int64_t plane = std::int64_t(width) * height;
    if (channels < 3) {
        QImage image(width, height, QImage::Format_Grayscale8);
        for (int y = 0; y < height; ++y)
            std::copy_n(planes + std::int64_t(y) * width, width, image.scanLine(y));
        return image;
    }
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y) {
        uchar *line = image.scanLine(y);
        const std::int64_t row = std::int64_t(y) * width;
        for (int x = 0; x < width; ++x) {
            line[3 * x] = planes[row + x];
            line[3 * x + 1] = planes[plane + row + x];
            line[3 * x + 2] = planes[2 * plane + row + x];
        }
    }
    return image;
}

QImage thumbnailImage(const QImage &image, int side)
{
    if (image.isNull() || side <= 0)
        return {};
    const int longest = std::max(image.width(), image.height());
    if (longest <= side) {
        const int factor = side / longest;
        if (factor == 1)
            return image;
        return image.scaled(image.width() * factor, image.height() * factor, Qt::IgnoreAspectRatio,
                            Qt::FastTransformation);
    }
    return image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace mf
