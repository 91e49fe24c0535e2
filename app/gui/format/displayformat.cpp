#include "app/gui/format/displayformat.h"

#include <QDateTime>

namespace mf {

QString DisplayFormat::statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Running:
        return tr("Running");
    case RunStatus::Finished:
        return tr("Finished");
    case RunStatus::Failed:
        return tr("Failed");
    case RunStatus::Stopped:
        return tr("Stopped");
    case RunStatus::Interrupted:
        return tr("Interrupted");
    }
    return QString();
}

QColor DisplayFormat::statusColor(RunStatus status)
{
    switch (status) {
    case RunStatus::Running:
        return QColor(0x3b, 0x82, 0xc4);
    case RunStatus::Finished:
        return QColor(0x4c, 0xa0, 0x5a);
    case RunStatus::Failed:
        return QColor(0xc8, 0x4b, 0x4b);
    case RunStatus::Stopped:
        return QColor(0x8c, 0x8c, 0x8c);
    case RunStatus::Interrupted:
        return QColor(0xd0, 0x95, 0x30);
    }
    return QColor(Qt::gray);
}

QString DisplayFormat::dateTimeText(qint64 msSinceEpoch, const QLocale &locale)
{
    if (msSinceEpoch <= 0)
        return QString();
    return locale.toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch), QLocale::ShortFormat);
}

QString DisplayFormat::durationText(qint64 ms, const QLocale &locale)
{
    if (ms < 0)
        return QString();
    const qint64 seconds = ms / 1000;
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    const QLatin1Char zero('0');
    if (minutes == 0)
        return tr("%1 s").arg(locale.toString(seconds));
    if (hours == 0)
        return tr("%1 min %2 s").arg(locale.toString(minutes)).arg(seconds % 60, 2, 10, zero);
    if (days == 0)
        return tr("%1 h %2 min").arg(locale.toString(hours)).arg(minutes % 60, 2, 10, zero);
    return tr("%1 d %2 h").arg(locale.toString(days)).arg(hours % 24);
}

QString DisplayFormat::percentText(double fraction, const QLocale &locale)
{
    return locale.toString(fraction * 100.0, 'f', 2) + locale.percent();
}

QString DisplayFormat::metricText(double value, const QLocale &locale)
{
    return locale.toString(value, 'g', 6);
}

QString DisplayFormat::parameterText(const QString &key, const QString &value)
{
    const bool zero = value == QLatin1String("0") || value == QLatin1String("0.0");
    if (key == QLatin1String("threads") && zero)
        return tr("All cores");
    if ((key == QLatin1String("early_stopping_patience") ||
         key == QLatin1String("clip_grad_norm")) &&
        zero)
        return tr("Off");
    if (key == QLatin1String("schedule.max_learning_rate") && zero)
        return tr("10x the base rate");
    if (key == QLatin1String("augmentation") && value.isEmpty())
        return tr("None");
    return value;
}

qint64 DisplayFormat::durationMs(const RunRecord &run, qint64 nowMs)
{
    return run.durationMs(nowMs);
}

} // namespace mf
