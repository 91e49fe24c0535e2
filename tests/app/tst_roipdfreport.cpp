#include "app/gui/roi/roiformat.h"
#include "app/gui/roi/roipdfreport.h"
#include "core/roi/montecarlo.h"
#include "core/roi/projection.h"
#include "core/roi/runfill.h"
#include "core/roi/scenariotemplates.h"
#include "tests/support/shotpath.h"
#include "tests/support/testsuite.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace mf;

using mf::test::shotDir;
using mf::test::shotPath;

namespace {

/// The credit-risk template filled from a run as "Fill from run" would fill it.
roi::Scenario filledCreditRisk()
{
    roi::Scenario scenario = roi::creditRiskTemplate();
    roi::MeasuredRun run;
    run.runId = 12;
    run.name = "mlp on loans";
    run.precision = "fp32";
    run.machine = "Test CPU";
    run.measuredOn = "2026-12-05";
    run.threads = 4;
    run.trainingSeconds = 5400.0;
    run.trainingDevice = "cpu";
    run.trainingThreads = 4;
    run.latencyBatch1Ms = 0.8;
    run.throughputPerSecond = 4200.0;
    run.classNames = {"good loan", "bad loan"};
    run.confusion = {{880.0, 40.0}, {22.0, 58.0}};
    run.accuracy = 0.938;
    run.evaluatedOn = "test part of loans.csv (1000 items)";
    roi::fillFromRuns(scenario, run, run);
    return scenario;
}

int pageCount(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s\\w])"));
    return int(QString::fromLatin1(pdf).count(page));
}

QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestRoiPdfReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void writesAMultiPageReportThatReadsBack()
    {
        const roi::Scenario scenario = filledCreditRisk();
        roi::MonteCarloOptions options;
        options.trials = 2000;
        options.seed = 7;
        const roi::MonteCarloResult monteCarlo = roi::runMonteCarlo(scenario, options);
        const QString path = QDir(shotDir(m_dir)).filePath(QStringLiteral("roi-report.pdf"));
        QFile::remove(path);
        QString error;
        QVERIFY2(RoiPdfReport::write(scenario, monteCarlo, path, &error), qPrintable(error));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        const int pages = pageCount(bytes);
        QVERIFY2(pages >= 5, qPrintable(QString::number(pages)));

        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString text = pdfText(path);
        const roi::KeyFigures figures = roi::keyFigures(scenario, roi::project(scenario));
        const QString npv = RoiFormat::money(figures.npv, QStringLiteral("EUR"), QLocale());
        QVERIFY2(text.contains(QStringLiteral("Credit-risk scoring")), qPrintable(text.left(500)));
        QVERIFY2(text.contains(npv), qPrintable(npv));
        QVERIFY(text.contains(QStringLiteral("Page 1 of %1").arg(pages)));
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
        // The sections, the inputs with their sources and the run the figures came from.
        for (const char *expected :
             {"Key figures", "Worst, base and best case", "Monte Carlo", "Charts", "Inputs",
              "Value of predictions", "Assumptions", "Where the figures come from",
              "run 12: measured", "2026-12-05"})
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
        QVERIFY(text.contains(QString::fromStdString(scenario.notes.substr(0, 30))));

        // For a person to look at: every page as an image next to the PDF.
        if (!qEnvironmentVariableIsEmpty("MODELFORGE_SHOT_DIR") &&
            !QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty())
            QProcess::execute(QStringLiteral("pdftoppm"),
                              {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                               path, QDir(shotDir(m_dir)).filePath(QStringLiteral("roi-report"))});
    }

    void everyTemplateMakesAReport_data()
    {
        QTest::addColumn<int>("index");
        const auto templates = roi::scenarioTemplates();
        for (int i = 0; i < int(templates.size()); ++i)
            QTest::newRow(templates[i].id.c_str()) << i;
    }

    void everyTemplateMakesAReport()
    {
        QFETCH(int, index);
        const roi::Scenario scenario = roi::scenarioTemplates()[index].scenario;
        const QString path =
            QDir(shotDir(m_dir))
                .filePath(QStringLiteral("roi-template-%1.pdf")
                              .arg(QString::fromStdString(roi::scenarioTemplates()[index].id)));
        QString error;
        QVERIFY2(RoiPdfReport::write(scenario, std::nullopt, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(pageCount(file.readAll()) >= 4);
    }

    void aScenarioThatCannotBeProjectedWritesNothing()
    {
        roi::Scenario scenario = roi::creditRiskTemplate();
        scenario.inputs["general.horizonMonths"] = roi::certainInput(0);
        const QString path = m_dir.filePath(QStringLiteral("invalid.pdf"));
        QString error;
        QVERIFY(!RoiPdfReport::write(scenario, std::nullopt, path, &error));
        QVERIFY2(error.contains(QStringLiteral("general.horizonMonths")), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }

    void anUnwritablePathIsReported()
    {
        const QString path = m_dir.filePath(QStringLiteral("no-such-folder/report.pdf"));
        QString error;
        QVERIFY(!RoiPdfReport::write(roi::tutoringTemplate(), std::nullopt, path, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }
};

MF_TEST_MAIN(TestRoiPdfReport)
#include "tst_roipdfreport.moc"
