#include "app/gui/augment/drawnparameters.h"

#include <QHash>

namespace mf {

QStringList DrawnParameters::lines(const std::vector<nlohmann::json> &applied,
                                   const TitleOf &titleOf)
{
    const QLocale locale;
    QStringList lines;
    for (const nlohmann::json &entry : applied) {
        QStringList values;
        for (const auto &item : entry.items())
            if (item.key() != "op" && item.key() != "index" && item.key() != "level")
                values.append(tr("%1 %2", "a drawn parameter: its name, then its value")
                                  .arg(keyText(QString::fromStdString(item.key())),
                                       valueText(item.value(), locale)));
        const QString title = titleOf(QString::fromStdString(entry.value("op", std::string())));
        lines.append(values.isEmpty()
                         ? title
                         : tr("%1: %2", "an operation, then what it drew")
                               .arg(title, values.join(tr(", ", "between drawn parameters"))));
    }
    return lines;
}

QString DrawnParameters::keyText(const QString &key)
{
    static const QHash<QString, const char *> words = {
        {QStringLiteral("top"), QT_TR_NOOP("top")},
        {QStringLiteral("left"), QT_TR_NOOP("left")},
        {QStringLiteral("height"), QT_TR_NOOP("height")},
        {QStringLiteral("width"), QT_TR_NOOP("width")},
        {QStringLiteral("angle"), QT_TR_NOOP("angle")},
        {QStringLiteral("translate"), QT_TR_NOOP("translate")},
        {QStringLiteral("scale"), QT_TR_NOOP("scale")},
        {QStringLiteral("shear"), QT_TR_NOOP("shear")},
        {QStringLiteral("factor"), QT_TR_NOOP("factor")},
        {QStringLiteral("sigma"), QT_TR_NOOP("sigma")},
        {QStringLiteral("keys"), QT_TR_NOOP("noise keys")},
        {QStringLiteral("n"), QT_TR_NOOP("n")},
        {QStringLiteral("p"), QT_TR_NOOP("p")},
        {QStringLiteral("replaced"), QT_TR_NOOP("replaced")},
        {QStringLiteral("inserted"), QT_TR_NOOP("inserted")},
        {QStringLiteral("swaps"), QT_TR_NOOP("swaps")},
        {QStringLiteral("deleted"), QT_TR_NOOP("deleted")},
        {QStringLiteral("skipped"), QT_TR_NOOP("skipped")},
    };
    const auto found = words.constFind(key);
    return found == words.constEnd() ? key : tr(found.value());
}

QString DrawnParameters::valueText(const nlohmann::json &value, const QLocale &locale)
{
    // Unsigned values are the keys of random streams: hexadecimal, like the pipeline files.
    if (value.is_number_unsigned())
        return QString::number(value.get<quint64>(), 16).prepend(QStringLiteral("0x"));
    if (value.is_number_integer())
        return locale.toString(value.get<qlonglong>());
    if (value.is_number())
        return locale.toString(value.get<double>(), 'g', 3);
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_array()) {
        QStringList items;
        for (const nlohmann::json &item : value)
            items.append(valueText(item, locale));
        return QStringLiteral("[%1]").arg(items.join(QStringLiteral(", ")));
    }
    if (value.is_object()) {
        // Synonym replacement and insertion read best as "word → synonym", "x @3".
        if (value.contains("word") && value.contains("synonym"))
            return QStringLiteral("%1 → %2").arg(valueText(value.at("word"), locale),
                                                 valueText(value.at("synonym"), locale));
        if (value.contains("character") && value.contains("position"))
            return QStringLiteral("%1 @%2").arg(valueText(value.at("character"), locale),
                                                valueText(value.at("position"), locale));
        QStringList items;
        for (const auto &item : value.items())
            items.append(QStringLiteral("%1 %2").arg(keyText(QString::fromStdString(item.key())),
                                                     valueText(item.value(), locale)));
        return items.join(QStringLiteral(" "));
    }
    return QString::fromStdString(value.dump());
}

} // namespace mf
