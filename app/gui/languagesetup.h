#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mf {

/// Chooses the user interface language: installs ModelForge's and Qt's own translations and
/// makes QLocale's default (numbers, dates) match.
class LanguageSetup
{
public:
    /// "en" and "zh_CN".
    static QStringList supportedLanguages();
    /// "zh_CN" when the system locale is Chinese, otherwise "en".
    static QString systemLanguage();
    /// The value of --language in raw arguments (before the parser runs, so that its help text
    /// can be translated); an empty string when it is not given.
    static QString requestedLanguage(const QStringList &arguments);
    /// Installs the translators for `language` on `app`. Returns false, changing nothing, for a
    /// language that is not supported or whose catalogue cannot be loaded.
    static bool apply(QCoreApplication &app, const QString &language);
};

} // namespace mf
