#pragma once

#include "app/gui/train/datakind.h"
#include "app/gui/train/finetunesource.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace mf {

/// A ready-made training configuration the Train page offers.
struct TrainPreset
{
    QString key;         ///< stable, untranslated: "fashion-mnist-cnn"
    QString title;       ///< shown in the preset box
    QString description; ///< one sentence: what it trains and what to expect
    QByteArray configJson;
    DataKind data = DataKind::ImagesOrTables; ///< what it trains on
    /// Starts from the newest finished masked-token Transformer pre-training run: its
    /// configJson is completed by withPretrainedEncoder().
    bool fineTunesPretrained = false;
};

/// The built-in presets, the 2-conv Fashion-MNIST CNN first.
QVector<TrainPreset> trainPresets();

/// The newest finished masked-token pre-training run of a Transformer among `sources` (newest
/// first); nullptr when there is none.
const FineTuneSource *newestPretrainedEncoder(const FineTuneSources &sources);

/// `configJson` starting from `source`: that run's model spec and text settings (so that the
/// parameters and the vocabulary match), init_from_run its id.
QByteArray withPretrainedEncoder(const QByteArray &configJson, const FineTuneSource &source);

/// Why `preset` cannot be used on a dataset of `kind` with these runs in the store, as a
/// tooltip says it; empty when it can. A preset that names its own dataset fits any data.
QString presetUnavailableReason(const TrainPreset &preset, DataKind kind,
                                const FineTuneSources &sources);

} // namespace mf
