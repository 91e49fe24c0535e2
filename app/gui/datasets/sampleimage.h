#pragma once

#include <QImage>

#include <cstdint>

namespace mf {

class LoadedDataset;

/// An image sample as a QImage at its own resolution: Grayscale8 for one channel, RGB888 for
/// three or more (the first three). A null image for anything but an image sample.
/// Threading: any thread.
QImage sampleImage(const LoadedDataset &dataset, std::int64_t sample);

/// A thumbnail fitting a `side` x `side` square: small images grow by the largest whole factor
/// with nearest-neighbour pixels (so every source pixel stays a sharp block), large ones shrink
/// smoothly.
QImage thumbnailImage(const QImage &image, int side);

} // namespace mf
