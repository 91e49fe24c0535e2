#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace mf {

/// A sentence to classify with the model of a text run; plain values, safe to pass between
/// threads.
struct TextPredictionRequest
{
    quint64 generation = 0; ///< answers to older generations are dropped
    qint64 runId = 0;
    QString workspaceDir;
    /// The run's newest checkpoint: a model cached under another key is loaded again.
    QString modelKey;
    QString text;
};

/// The class probabilities of one sentence, or why there are none.
struct TextPrediction
{
    quint64 generation = 0;
    qint64 runId = 0;
    QString text;
    QStringList classNames;
    QVector<double> probabilities; ///< per class, in class order
    QString error;                 ///< empty when the prediction succeeded
    bool modelLoaded = false;      ///< the model was loaded for this request (not cached)
};

} // namespace mf

Q_DECLARE_METATYPE(mf::TextPrediction)
