#include "app/gui/languagesetup.h"
#include "app/gui/launchoptions.h"
#include "app/gui/mainwindow.h"
#include "app/gui/roi/roireportcommand.h"
#include "app/gui/screenshotwriter.h"
#include "app/gui/versioninfo.h"
#include "core/util/allocatortuning.h"
#include "core/util/torchthreads.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ModelForge"));
    QCoreApplication::setApplicationName(QStringLiteral("ModelForge"));
    QCoreApplication::setApplicationVersion(mf::VersionInfo::modelForgeVersion());
}

QString chosenLanguage(const QStringList &arguments)
{
    const QString requested = mf::LanguageSetup::requestedLanguage(arguments);
    return requested.isEmpty() ? mf::LanguageSetup::systemLanguage() : requested;
}

} // namespace

int main(int argc, char *argv[])
{
    mf::keepFreedMemoryForReuse();
    mf::setTorchThreads(0); // every core for previews and evaluations; a run sets its own
    // The command line is read before any window system is touched, so that --help, --version
    // and mistakes are answered on a machine without a display too, in the chosen language.
    mf::LaunchOptions options;
    {
        QCoreApplication parsing(argc, argv);
        describeApplication();
        mf::LanguageSetup::apply(parsing, chosenLanguage(parsing.arguments()));
        QString error;
        if (!mf::LaunchOptions::parse(parsing.arguments(), options, error)) {
            std::fprintf(stderr, "modelforge: %s\n", qPrintable(error));
            return 2;
        }
    }

    // Screenshots and reports render without a display.
    const bool headless = !options.screenshotDir.isEmpty() || !options.roiScenario.isEmpty();
    if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setDesktopFileName(QStringLiteral("io.modelforge.ModelForge"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/modelforge.png")));
    mf::LanguageSetup::apply(app, options.language);

    if (!options.roiScenario.isEmpty())
        return mf::writeRoiReportFromCommandLine(options);

    mf::MainWindow window(options.workspace);
    if (options.screenshotDir.isEmpty()) {
        window.rememberLayout();
        if (!options.selectRuns.isEmpty())
            window.selectRunsOnceLoaded(options.selectRuns);
        window.show();
        return QApplication::exec();
    }

    mf::ScreenshotWriter writer(&window, options.screenshotDir);
    writer.setRunSelection(options.selectRuns);
    int status = 0;
    QObject::connect(&writer, &mf::ScreenshotWriter::finished, &app, [&](bool ok) {
        for (const QString &file : writer.writtenFiles())
            std::printf("%s\n", qPrintable(file));
        if (!ok) {
            std::fprintf(stderr, "modelforge: %s\n", qPrintable(writer.errorString()));
            status = 1;
        }
        QApplication::quit();
    });
    writer.start();
    QApplication::exec();
    return status;
}
