#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QtGlobal>

#include <memory>

namespace mf {

struct CompressionReport;
/// A measured report, immutable once the worker hands it over.
using SharedReport = std::shared_ptr<const CompressionReport>;

/// What the Compress wizard asks for, in plain values that cross to the worker thread; the
/// worker turns it into a core CompressionRequest. A technique left off has a negative value.
struct CompressSettings
{
    enum class Quantize
    {
        None,
        Dynamic,
        Static
    };

    qint64 sourceRun = 0;
    Quantize quantize = Quantize::None;
    int calibrationBatches = 8;
    bool histogramObserver = false;
    double accuracyBudget = 0.5;
    double pruneChannels = -1.0; ///< fraction of channels removed
    bool channelL2 = false;
    double pruneSparsity = -1.0;
    QByteArray distillStudent; ///< model spec JSON; empty: no distillation
    double temperature = 2.0;
    double alpha = 0.5;
    bool distillControl = false; ///< also train the student alone
    int epochs = 2;

    bool hasTechnique() const
    {
        return quantize != Quantize::None || pruneChannels >= 0.0 || pruneSparsity >= 0.0 ||
               !distillStudent.isEmpty();
    }
};

} // namespace mf

Q_DECLARE_METATYPE(mf::CompressSettings)
Q_DECLARE_METATYPE(mf::SharedReport)
