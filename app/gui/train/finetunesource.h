#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

namespace mf {

/// A finished run with a checkpoint, which a new run can start from ("fine-tune from run"), as
/// the Train form lists it. Plain values: read off the GUI thread, shown on it.
struct FineTuneSource
{
    qint64 runId = 0;
    QString name;
    QString modelType;    ///< "transformer", "cnn", …
    QString objective;    ///< "classify", "masked_tokens" or "next_token"
    QString dataset;      ///< as the run's configuration names it
    QByteArray modelJson; ///< the run's model spec
    QByteArray textJson;  ///< the run's text settings (TrainConfig "text")
};

using FineTuneSources = QVector<FineTuneSource>; ///< newest run first

} // namespace mf
