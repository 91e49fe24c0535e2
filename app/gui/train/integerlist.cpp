#include "app/gui/train/integerlist.h"

#include <QRegularExpression>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace mf {

QString integerListText(const nlohmann::json &array)
{
    QStringList parts;
    if (array.is_array())
        for (const auto &v : array)
            parts.append(QString::fromStdString(v.dump()));
    return parts.join(QStringLiteral(", "));
}

nlohmann::json integerListJson(const QString &text, bool *ok)
{
    nlohmann::json array = nlohmann::json::array();
    const QStringList parts =
        text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        bool partOk = false;
        const long long value = part.toLongLong(&partOk);
        if (!partOk) {
            if (ok)
                *ok = false;
            return nlohmann::json(text.toStdString());
        }
        array.push_back(value);
    }
    if (ok)
        *ok = true;
    return array;
}

} // namespace mf
