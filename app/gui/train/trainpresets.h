#pragma once

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
};

/// The built-in presets, the 2-conv Fashion-MNIST CNN first.
QVector<TrainPreset> trainPresets();

} // namespace mf
