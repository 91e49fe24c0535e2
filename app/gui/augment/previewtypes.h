#pragma once
// Plain values that cross from the preview worker to the GUI thread: nothing torch-typed.

#include <QImage>
#include <QMetaType>
#include <QStringList>
#include <QVector>

#include <memory>

namespace mf {

class AugmentPipeline;
struct DatasetBundle;

/// What the preview grid shows: samples (indices into the training part of the dataset as
/// loaded, the indices a trainer draws augmentation by) by variants, variant v drawn with seed
/// `seed + v` for `epoch`.
struct PreviewRequest
{
    quint64 generation = 0; ///< increases with every request; the newest one wins
    std::shared_ptr<const DatasetBundle> dataset;
    std::shared_ptr<const AugmentPipeline> pipeline;
    QVector<qint64> samples;
    int variants = 4;
    quint64 seed = 42;
    int epoch = 1;
};

/// One tile of the grid.
struct PreviewTile
{
    qint64 sample = -1;
    int variant = -1; ///< -1: the original sample
    quint64 seed = 0;
    int epoch = 0;
    int channels = 0;
    int height = 0;
    int width = 0;
    /// The float pixels [C, H, W] exactly as the pipeline returned them (normalised if it
    /// normalises), before conversion to `image`.
    QVector<float> values;
    QImage image;      ///< for display: a normalize step undone, clamped to [0, 1]
    QStringList drawn; ///< one line per operation applied: "Random crop: top 3, left 1"
};

struct PreviewResult
{
    quint64 generation = 0;
    QVector<qint64> samples;
    int variants = 0;
    /// Row-major: tile (r, c) is tiles[r * (variants + 1) + c]; column 0 the original.
    QVector<PreviewTile> tiles;
    QString error; ///< why the variants could not be drawn; the originals are still there
    double renderMs = 0.0;
};

} // namespace mf

Q_DECLARE_METATYPE(mf::PreviewResult)
