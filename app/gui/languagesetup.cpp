#include "app/gui/languagesetup.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace mf {

QStringList LanguageSetup::supportedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageSetup::systemLanguage()
{
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                            : QStringLiteral("en");
}

QString LanguageSetup::requestedLanguage(const QStringList &arguments)
{
    const QString option = QStringLiteral("--language");
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == QLatin1String("--"))
            break;
        if (argument == option && i + 1 < arguments.size())
            return arguments[i + 1];
        if (argument.startsWith(option + QLatin1Char('=')))
            return argument.mid(option.size() + 1);
    }
    return QString();
}

bool LanguageSetup::apply(QCoreApplication &app, const QString &language)
{
    if (!supportedLanguages().contains(language))
        return false;
    if (language == QLatin1String("en")) {
        // English text with Chinese number and date formats would read oddly.
        if (QLocale::system().language() == QLocale::Chinese)
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return true;
    }
    auto *own = new QTranslator(&app);
    if (!own->load(QStringLiteral(":/i18n/modelforge_%1.qm").arg(language))) {
        delete own;
        return false;
    }
    app.installTranslator(own);
    // Qt's own strings (standard buttons, context menus); optional, as distributions split them.
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(QLocale(language));
    return true;
}

} // namespace mf
