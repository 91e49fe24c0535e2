#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

namespace mf {

/// How the Augment page edits one parameter of an augmentation operation.
struct OperationParameter
{
    enum class Kind
    {
        Number,     ///< one number
        Integer,    ///< one integer
        OddInteger, ///< one odd integer (kernel sizes)
        Interval,   ///< [lo, hi] with lo <= hi, a range values are drawn from
        Pair,       ///< two independent numbers (x and y)
        Choice,     ///< one of `choices`
        NumberList  ///< one number, or one per channel
    };

    QString key; ///< the JSON key, e.g. "padding"
    QString label;
    QString toolTip;
    Kind kind = Kind::Number;
    /// The form's range; a loaded value outside it widens the range rather than being clipped.
    double minimum = 0.0;
    double maximum = 1.0;
    double step = 0.1;
    int decimals = 2;
    QStringList choices;   ///< Choice: the JSON values
    QStringList itemNames; ///< Interval and Pair: names of the two fields
};

/// Titles, descriptions and editable parameters of every augmentation operation of
/// core/augment/augmentfactory.h, for the Augment page's editor.
class OperationCatalog
{
    Q_DECLARE_TR_FUNCTIONS(mf::OperationCatalog)
public:
    /// Every operation name, in the factory's order.
    static QStringList names();
    /// "Random crop"; the name itself for an unknown operation.
    static QString title(const QString &op);
    /// One sentence on what the operation does.
    static QString description(const QString &op);
    /// The parameters besides "probability", in form order; empty for an unknown operation.
    static QVector<OperationParameter> parameters(const QString &op);
    /// True when the operation applies to every sample whatever its probability (normalize).
    static bool ignoresProbability(const QString &op);
};

} // namespace mf
