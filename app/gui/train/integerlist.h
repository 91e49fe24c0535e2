#pragma once

#include <QString>

#include <nlohmann/json_fwd.hpp>

namespace mf {

/// A JSON array of integers as a field shows it: "32, 64".
QString integerListText(const nlohmann::json &array);
/// "32, 64" (commas or spaces) as a JSON array of integers; `ok` false, and the text as a JSON
/// string so that validation names the key, when a part is not a whole number.
nlohmann::json integerListJson(const QString &text, bool *ok = nullptr);

} // namespace mf
