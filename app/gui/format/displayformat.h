#pragma once

#include "core/store/runrecord.h"

#include <QColor>
#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace mf {

/// How run values read on screen: translated status names, locale-formatted times and numbers.
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(mf::DisplayFormat)
public:
    static QString statusText(RunStatus status);
    /// A muted colour per status, for small markers rather than whole rows.
    static QColor statusColor(RunStatus status);

    /// Local date and time of a store timestamp; empty for 0 (unset).
    static QString dateTimeText(qint64 msSinceEpoch, const QLocale &locale);
    /// "42 s", "3 min 05 s", "2 h 07 min", "3 d 4 h"; empty for a negative duration.
    static QString durationText(qint64 ms, const QLocale &locale);
    /// A fraction in [0, 1] as a percentage with two decimals.
    static QString percentText(double fraction, const QLocale &locale);
    /// A metric value with up to six significant digits.
    static QString metricText(double value, const QLocale &locale);
    /// A recorded parameter's value as the Train form words it: threads 0 reads "All cores",
    /// a patience or clipping of 0 "Off"; other values as stored.
    static QString parameterText(const QString &key, const QString &value);

    /// How long a run ran: until its end, or until `nowMs` while it runs, or until its last
    /// heartbeat when it ended without an end time; -1 when unknown.
    static qint64 durationMs(const RunRecord &run, qint64 nowMs);
};

} // namespace mf
