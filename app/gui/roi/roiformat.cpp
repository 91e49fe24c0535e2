#include "app/gui/roi/roiformat.h"

#include <algorithm>
#include <cmath>

namespace mf {

using roi::Unit;

bool RoiFormat::isMoney(Unit unit)
{
    switch (unit) {
    case Unit::Money:
    case Unit::MoneyPerHour:
    case Unit::MoneyPerKwh:
    case Unit::MoneyPerGbMonth:
    case Unit::MoneyPerThousand:
        return true;
    default:
        return false;
    }
}

QString RoiFormat::unitText(Unit unit, const QString &currency)
{
    switch (unit) {
    case Unit::Money:
        return currency;
    case Unit::MoneyPerHour:
        return tr("%1/h").arg(currency);
    case Unit::MoneyPerKwh:
        return tr("%1/kWh").arg(currency);
    case Unit::MoneyPerGbMonth:
        return tr("%1/GB-month").arg(currency);
    case Unit::MoneyPerThousand:
        return tr("%1/1,000").arg(currency);
    case Unit::Fraction:
        return QLocale().percent();
    case Unit::Count:
        return QString();
    case Unit::Hours:
        return tr("h");
    case Unit::Months:
        return tr("months");
    case Unit::Kilowatts:
        return tr("kW");
    case Unit::Gigabytes:
        return tr("GB");
    case Unit::PerDay:
        return tr("/day");
    case Unit::PerSecond:
        return tr("/s");
    case Unit::Milliseconds:
        return tr("ms");
    case Unit::Ratio:
        return tr("×");
    case Unit::Flops:
        return tr("FLOPs");
    case Unit::FlopsPerSecond:
        return tr("FLOP/s");
    case Unit::PerMonth:
        return tr("/month");
    }
    return QString();
}

double RoiFormat::displayFactor(Unit unit)
{
    return unit == Unit::Fraction ? 100.0 : 1.0;
}

QString RoiFormat::fieldText(double value, const QLocale &locale)
{
    // Nine significant digits: enough to read a measured figure, few enough to read at all.
    // The text is parsed back only when the user edits it.
    constexpr int kSignificant = 9;
    if (!std::isfinite(value))
        return QString();
    const double magnitude = std::abs(value);
    if (magnitude != 0.0 && (magnitude >= 1e12 || magnitude < 1e-4))
        return locale.toString(value, 'g', kSignificant);
    const int integerDigits = magnitude == 0.0 ? 1 : int(std::floor(std::log10(magnitude))) + 1;
    const int decimals = std::clamp(kSignificant - integerDigits, 0, 12);
    QString text = locale.toString(value, 'f', decimals);
    const QString point = locale.decimalPoint();
    const int dot = text.lastIndexOf(point);
    if (dot >= 0) {
        int end = text.size();
        while (end > dot + point.size() && text.at(end - 1) == locale.zeroDigit().at(0))
            --end;
        if (end == dot + point.size())
            end = dot;
        text.truncate(end);
    }
    if (locale.toDouble(text) == 0.0)
        text = locale.toString(0);
    return text;
}

std::optional<double> RoiFormat::parseField(const QString &text, const QLocale &locale)
{
    QString number = text.trimmed();
    const QString percentSign = locale.percent();
    if (number.endsWith(percentSign))
        number.chop(percentSign.size());
    else if (number.endsWith(QLatin1Char('%')))
        number.chop(1);
    number = number.trimmed();
    if (number.isEmpty())
        return std::nullopt;
    bool ok = false;
    double value = locale.toDouble(number, &ok);
    if (!ok)
        value = QLocale::c().toDouble(number, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

QString RoiFormat::money(double value, const QString &currency, const QLocale &locale)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    const double magnitude = std::abs(value);
    int decimals = 0;
    if (magnitude < 1000.0)
        decimals = 2;
    if (magnitude > 0.0 && magnitude < 0.1)
        decimals = std::min(8, int(std::ceil(-std::log10(magnitude))) + 1);
    const double shown = value == 0.0 ? 0.0 : value; // no "-0"
    QString number = locale.toString(shown, 'f', decimals);
    if (number.startsWith(QLatin1Char('-')) && locale.toDouble(number) == 0.0)
        number.remove(0, 1);
    return currency.isEmpty() ? number : tr("%1 %2").arg(currency, number);
}

QString RoiFormat::percent(double fraction, const QLocale &locale, int decimals)
{
    if (!std::isfinite(fraction))
        return QStringLiteral("—");
    return locale.toString(fraction * 100.0, 'f', decimals) + locale.percent();
}

QString RoiFormat::months(double months, const QLocale &locale)
{
    return tr("%1 months").arg(locale.toString(months, 'f', 1));
}

double RoiFormat::axisScale(double maxMagnitude)
{
    if (maxMagnitude >= 5e9)
        return 1e9;
    if (maxMagnitude >= 5e6)
        return 1e6;
    if (maxMagnitude >= 5e3)
        return 1e3;
    return 1.0;
}

QString RoiFormat::scaledCurrency(const QString &currency, double scale)
{
    if (scale >= 1e9)
        return tr("%1 billions").arg(currency);
    if (scale >= 1e6)
        return tr("%1 millions").arg(currency);
    if (scale >= 1e3)
        return tr("%1 thousands").arg(currency);
    return currency;
}

} // namespace mf
