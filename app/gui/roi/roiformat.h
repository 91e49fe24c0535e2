#pragma once

#include "core/roi/inputcatalogue.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <optional>

namespace mf {

/// How the ROI section shows its numbers: money with the scenario's currency code, fractions as
/// percentages, and the text of an input field (which parses back to the value it shows).
class RoiFormat
{
    Q_DECLARE_TR_FUNCTIONS(mf::RoiFormat)
public:
    static bool isMoney(roi::Unit unit);
    /// The unit shown after an input field: "USD", "USD/h", "%", "requests/day"; empty for a
    /// plain count.
    static QString unitText(roi::Unit unit, const QString &currency);
    /// Fractions are edited as percentages: 0.1 is shown as 10.
    static double displayFactor(roi::Unit unit);

    /// A field's text for `value` (already multiplied by the display factor): nine significant
    /// digits, grouped, no trailing zeros, exponent form from 1e12 up or below 1e-4; empty for
    /// NaN or infinity.
    static QString fieldText(double value, const QLocale &locale);
    /// The number in a field's text (group separators and a trailing % allowed); nullopt when it
    /// is no number.
    static std::optional<double> parseField(const QString &text, const QLocale &locale);

    /// "USD 1,234,568", "USD 12.50", "USD 0.0042": whole units from 1,000 up, else enough
    /// decimals for two significant digits.
    static QString money(double value, const QString &currency, const QLocale &locale);
    /// A fraction as a percentage: 0.1234 -> "12.3%".
    static QString percent(double fraction, const QLocale &locale, int decimals = 1);
    /// "14.3 months".
    static QString months(double months, const QLocale &locale);

    /// A money axis shows value / scale: 1, 1e3, 1e6 or 1e9 for the largest magnitude.
    static double axisScale(double maxMagnitude);
    /// "USD", "USD thousands", "USD millions", "USD billions".
    static QString scaledCurrency(const QString &currency, double scale);
};

} // namespace mf
