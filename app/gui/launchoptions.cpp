#include "app/gui/launchoptions.h"

#include "app/gui/languagesetup.h"
#include "core/store/workspace.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>

#include <exception>

namespace mf {

bool LaunchOptions::parse(const QStringList &arguments, LaunchOptions &options, QString &error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("ModelForge: train, compare and compress models on your own datasets."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"),
        tr("Use the workspace in <dir> (its run store and run files) instead of the default."),
        tr("dir"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        tr("Render every available section and the main window offscreen to PNG files in <dir>, "
           "then exit."),
        tr("dir"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        tr("User interface language: %1 (default: from the system locale).")
            .arg(LanguageSetup::supportedLanguages().join(QStringLiteral(", "))),
        tr("language"));
    const QCommandLineOption selectOption(
        QStringLiteral("select"),
        tr("Select the runs <ids> (comma-separated) in the Runs section; two or more are "
           "compared."),
        tr("ids"));
    const QCommandLineOption roiReportOption(
        QStringLiteral("roi-report"),
        tr("Write the PDF report of the ROI scenario file <scenario> to the --output file "
           "without a window, then exit."),
        tr("scenario"));
    const QCommandLineOption outputOption(QStringLiteral("output"),
                                          tr("The PDF file --roi-report writes."), tr("file"));
    const QCommandLineOption monteCarloOption(
        QStringLiteral("monte-carlo"),
        tr("Include a Monte Carlo of <trials> trials in the --roi-report report."), tr("trials"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), tr("The seed of that Monte Carlo (default 1)."), tr("seed"));
    parser.addOption(workspaceOption);
    parser.addOption(selectOption);
    parser.addOption(screenshotOption);
    parser.addOption(languageOption);
    parser.addOption(roiReportOption);
    parser.addOption(outputOption);
    parser.addOption(monteCarloOption);
    parser.addOption(seedOption);

    if (!parser.parse(arguments)) {
        error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        error = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return false;
    }

    options.language = parser.isSet(languageOption) ? parser.value(languageOption)
                                                    : LanguageSetup::systemLanguage();
    if (!LanguageSetup::supportedLanguages().contains(options.language)) {
        error = tr("Unknown language \"%1\"; choose one of: %2.")
                    .arg(options.language,
                         LanguageSetup::supportedLanguages().join(QStringLiteral(", ")));
        return false;
    }
    if (parser.isSet(workspaceOption)) {
        options.workspace =
            QDir::cleanPath(QDir::current().absoluteFilePath(parser.value(workspaceOption)));
    } else {
        try {
            options.workspace = QFile::decodeName(defaultWorkspaceDir().c_str());
        } catch (const std::exception &failure) {
            error = QString::fromUtf8(failure.what());
            return false;
        }
    }
    if (parser.isSet(selectOption)) {
        const QStringList ids = parser.value(selectOption).split(QLatin1Char(','));
        for (const QString &text : ids) {
            bool ok = false;
            const qint64 id = text.trimmed().toLongLong(&ok);
            if (!ok || id <= 0) {
                error = tr("--select takes run ids separated by commas, such as 3,5; \"%1\" "
                           "is not one.")
                            .arg(text.trimmed());
                return false;
            }
            if (!options.selectRuns.contains(id))
                options.selectRuns.append(id);
        }
    }
    if (parser.isSet(roiReportOption) != parser.isSet(outputOption)) {
        error = tr("--roi-report and --output go together: the scenario file and the PDF to "
                   "write.");
        return false;
    }
    if (parser.isSet(roiReportOption)) {
        options.roiScenario = parser.value(roiReportOption);
        options.output = parser.value(outputOption);
    }
    if (parser.isSet(monteCarloOption) || parser.isSet(seedOption)) {
        if (options.roiScenario.isEmpty()) {
            error = tr("--monte-carlo and --seed belong to --roi-report.");
            return false;
        }
        bool trialsOk = true;
        bool seedOk = true;
        options.monteCarloTrials = parser.isSet(monteCarloOption)
                                       ? parser.value(monteCarloOption).toInt(&trialsOk)
                                       : 10000;
        if (parser.isSet(seedOption))
            options.seed = parser.value(seedOption).toULongLong(&seedOk);
        if (!trialsOk || !seedOk || options.monteCarloTrials < 1) {
            error = tr("--monte-carlo takes a number of trials of at least 1 and --seed a whole "
                       "number of at least 0.");
            return false;
        }
    }
    if (parser.isSet(screenshotOption)) {
        options.screenshotDir =
            QDir::cleanPath(QDir::current().absoluteFilePath(parser.value(screenshotOption)));
    }
    return true;
}

} // namespace mf
