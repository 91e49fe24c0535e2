#pragma once
// Not read by moc: may include nlohmann/json.

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <functional>
#include <vector>

namespace mf {

/// What an augmentation drew for one sample, as the preview lists it: one line per operation
/// applied, "Random crop: top 3, left 1", "Random swap: n 2, swaps [4, 7]". The engine names
/// the parameters by key; each known key reads in the UI's language.
class DrawnParameters
{
    Q_DECLARE_TR_FUNCTIONS(mf::DrawnParameters)
public:
    /// The title of operation `op` ("random_crop" → "Random crop").
    using TitleOf = std::function<QString(const QString &op)>;

    static QStringList lines(const std::vector<nlohmann::json> &applied, const TitleOf &titleOf);
    /// The word for a drawn parameter's key ("top" → "top", in Chinese "上"); the key itself
    /// when unknown.
    static QString keyText(const QString &key);
    static QString valueText(const nlohmann::json &value, const QLocale &locale);
};

} // namespace mf
