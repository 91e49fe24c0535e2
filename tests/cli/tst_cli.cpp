// modelforge-cli end to end: exit codes, messages and outputs on small generated datasets.
#include "core/roi/projection.h"
#include "core/roi/scenariojson.h"
#include "core/roi/scenariotemplates.h"
#include "tests/core/roi/roitestscenario.h"
#include "tests/support/readonlyfolder.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <csignal>

namespace {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_dataset;

    CliResult cli(const QStringList &arguments, bool withWorkspace = true)
    {
        return withWorkspace ? cliIn(m_workspace, arguments) : cliIn({}, arguments);
    }

    /// Runs modelforge-cli on the workspace `workspace` (none given when empty).
    static CliResult cliIn(const QString &workspace, const QStringList &arguments)
    {
        QStringList all;
        if (!workspace.isEmpty())
            all << QStringLiteral("--workspace") << workspace;
        return cliWithEnvironment(QProcessEnvironment::systemEnvironment(), all + arguments);
    }

    static CliResult cliWithEnvironment(const QProcessEnvironment &environment,
                                        const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(MODELFORGE_CLI_PATH), arguments);
        if (!process.waitForFinished(120000))
            qFatal("modelforge-cli did not finish");
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QStringList trainArguments(const QString &lr = QStringLiteral("0.01")) const
    {
        return {QStringLiteral("train"),
                QStringLiteral("--dataset"),
                m_dataset,
                QStringLiteral("--model"),
                QStringLiteral("mlp"),
                QStringLiteral("--hidden"),
                QStringLiteral("32,16"),
                QStringLiteral("--epochs"),
                QStringLiteral("2"),
                QStringLiteral("--batch-size"),
                QStringLiteral("32"),
                QStringLiteral("--lr"),
                lr,
                QStringLiteral("--threads"),
                QStringLiteral("1"),
                QStringLiteral("--quiet")};
    }

    static QJsonObject jsonObject(const QByteArray &text)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning() << "not JSON:" << text;
        return document.object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(QStringLiteral("workspace"));
        m_dataset = m_dir.filePath(QStringLiteral("digits"));
        const auto train = mf::testdata::makeImageSet(384, 4, 1, 8, 8, 1);
        const auto test = mf::testdata::makeImageSet(96, 4, 1, 8, 8, 2);
        mf::testdata::writeMnistLayout(m_dataset.toStdString(), train, test, true);
    }

    void helpAndVersionSucceed()
    {
        QCOMPARE(cli({QStringLiteral("--help")}).exitCode, 0);
        const CliResult version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(!version.out.trimmed().isEmpty());
        const CliResult trainHelp = cli({QStringLiteral("train"), QStringLiteral("--help")});
        QCOMPARE(trainHelp.exitCode, 0);
        QVERIFY(trainHelp.out.contains("--clip-grad-norm"));
    }

    void badUsageExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no subcommand") << QStringList{};
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("fly")};
        QTest::newRow("unknown flag")
            << QStringList{QStringLiteral("train"), QStringLiteral("--warp-speed")};
        QTest::newRow("bad model type") << QStringList{
            QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("gan")};
        QTest::newRow("non-numeric epochs") << QStringList{
            QStringLiteral("train"), QStringLiteral("--epochs"), QStringLiteral("many")};
        QTest::newRow("no dataset") << QStringList{QStringLiteral("train")};
        QTest::newRow("run id missing") << QStringList{QStringLiteral("eval")};
    }

    void badUsageExitsWithTwo()
    {
        QFETCH(QStringList, arguments);
        const CliResult result = cli(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!result.err.isEmpty());
    }

    void badInputNamesTheFileAndExitsWithTwo()
    {
        const QString corrupt = m_dir.filePath(QStringLiteral("corrupt-images-idx3-ubyte"));
        mf::testdata::writeBytes(corrupt.toStdString(), std::string("\x00\x00\x08\x03garbage", 11));
        const CliResult inspect =
            cli({QStringLiteral("datasets"), QStringLiteral("inspect"), corrupt});
        QCOMPARE(inspect.exitCode, 2);
        QVERIFY2(inspect.err.contains(corrupt.toUtf8()), inspect.err.constData());

        QStringList arguments = trainArguments();
        arguments[2] = m_dir.filePath(QStringLiteral("missing-dir"));
        const CliResult train = cli(arguments);
        QCOMPARE(train.exitCode, 2);
        QVERIFY2(train.err.contains("missing-dir"), train.err.constData());

        const QString badConfig = m_dir.filePath(QStringLiteral("bad.json"));
        mf::testdata::writeBytes(badConfig.toStdString(), "{\"epochs\": \"three\"}");
        const CliResult config =
            cli({QStringLiteral("train"), QStringLiteral("--config"), badConfig});
        QCOMPARE(config.exitCode, 2);
        QVERIFY2(config.err.contains("bad.json") && config.err.contains("epochs"),
                 config.err.constData());

        const CliResult invalid = cli({QStringLiteral("train"), QStringLiteral("--dataset"),
                                       m_dataset, QStringLiteral("--epochs"), QStringLiteral("0")});
        QCOMPARE(invalid.exitCode, 2);
        QVERIFY2(invalid.err.contains("epochs"), invalid.err.constData());
    }

    void inspectReportsCountsAndBalance()
    {
        const CliResult result = cli({QStringLiteral("--json"), QStringLiteral("datasets"),
                                      QStringLiteral("inspect"), m_dataset});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject summary = jsonObject(result.out);
        QCOMPARE(summary.value(QStringLiteral("format")).toString(), QStringLiteral("idx"));
        QCOMPARE(summary.value(QStringLiteral("trainCount")).toInt(), 384);
        QCOMPARE(summary.value(QStringLiteral("testCount")).toInt(), 96);
        // makeImageSet labels image i as i % classes: 4 classes, evenly balanced.
        const QJsonArray train = summary.value(QStringLiteral("trainClassCounts")).toArray();
        const QJsonArray test = summary.value(QStringLiteral("testClassCounts")).toArray();
        QCOMPARE(train.size(), 4);
        QCOMPARE(test.size(), 4);
        for (int k = 0; k < 4; ++k) {
            QCOMPARE(train.at(k).toInt(), 96);
            QCOMPARE(test.at(k).toInt(), 24);
        }
    }

    void trainPrintsJsonAndIsRecorded()
    {
        QStringList arguments{QStringLiteral("--json")};
        arguments << trainArguments();
        const CliResult result = cli(arguments);
        QCOMPARE(result.exitCode, 0);
        const QJsonObject out = jsonObject(result.out);
        QCOMPARE(out.value(QStringLiteral("outcome")).toString(), QStringLiteral("finished"));
        QVERIFY(out.value(QStringLiteral("samples_per_second")).toDouble() > 0);
        QVERIFY(out.value(QStringLiteral("test"))
                    .toObject()
                    .value(QStringLiteral("accuracy"))
                    .toDouble() > 0.5);
        const int run = out.value(QStringLiteral("run")).toInt();
        QVERIFY(run > 0);

        const CliResult list =
            cli({QStringLiteral("--json"), QStringLiteral("runs"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray runs = QJsonDocument::fromJson(list.out).array();
        QVERIFY(!runs.isEmpty());
        QCOMPARE(runs.first().toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("FINISHED"));

        const CliResult show =
            cli({QStringLiteral("runs"), QStringLiteral("show"), QString::number(run)});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.contains("FINISHED") && show.out.contains("test_accuracy"));

        const QString csv = m_dir.filePath(QStringLiteral("export.csv"));
        const CliResult exported =
            cli({QStringLiteral("runs"), QStringLiteral("export"), QString::number(run),
                 QStringLiteral("--csv"), QStringLiteral("-o"), csv});
        QCOMPARE(exported.exitCode, 0);
        const QString text = QString::fromStdString(mf::testdata::readBytes(csv.toStdString()));
        QVERIFY(text.startsWith(QStringLiteral("run,run_name,key,step,epoch,wall_seconds,value")));
        QVERIFY(text.contains(QStringLiteral(",train_loss,")));

        const CliResult eval =
            cli({QStringLiteral("--json"), QStringLiteral("eval"), QString::number(run)});
        QCOMPARE(eval.exitCode, 0);
        const QJsonObject report = jsonObject(eval.out);
        QCOMPARE(report.value(QStringLiteral("confusion")).toArray().size(), 4);
        QCOMPARE(report.value(QStringLiteral("samples")).toInt(), 96);

        // A finished run cannot be resumed; an unknown run is bad input.
        QCOMPARE(cli({QStringLiteral("resume"), QString::number(run)}).exitCode, 2);
        QCOMPARE(
            cli({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("9999")}).exitCode,
            2);
    }

    void compressMakesVariantRunsAndAMeasuredReport()
    {
        QStringList arguments{QStringLiteral("--json")};
        arguments << trainArguments();
        const int run = jsonObject(cli(arguments).out).value(QStringLiteral("run")).toInt();
        QVERIFY(run > 0);

        const QString csv = m_dir.filePath(QStringLiteral("compress.csv"));
        const CliResult compressed =
            cli({QStringLiteral("--json"), QStringLiteral("compress"), QString::number(run),
                 QStringLiteral("--prune-channels"), QStringLiteral("0.5"),
                 QStringLiteral("--quantize"), QStringLiteral("dynamic"),
                 QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--threads"),
                 QStringLiteral("1"), QStringLiteral("--report-csv"), csv});
        QVERIFY2(compressed.exitCode == 0, compressed.err.constData());
        const QJsonObject report = jsonObject(compressed.out);
        const QJsonArray variants = report.value(QStringLiteral("variants")).toArray();
        QCOMPARE(variants.size(), 2);
        QCOMPARE(variants[0].toObject().value(QStringLiteral("technique")).toString(),
                 QStringLiteral("channels 0.5"));
        QCOMPARE(variants[1].toObject().value(QStringLiteral("technique")).toString(),
                 QStringLiteral("int8 dynamic"));
        const QJsonObject source = report.value(QStringLiteral("source")).toObject();
        QVERIFY(source.value(QStringLiteral("batch64"))
                    .toObject()
                    .value(QStringLiteral("median_ms"))
                    .toDouble() > 0);
        const QString text = QString::fromStdString(mf::testdata::readBytes(csv.toStdString()));
        QCOMPARE(text.count(QLatin1Char('\n')), 4); // the header, the source and two variants
        // The pruned variant is a run of its own that eval reads like any other.
        const QString name = variants[0]
                                 .toObject()
                                 .value(QStringLiteral("measurement"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString();
        const QString variantRun = name.section(QLatin1Char(' '), 1);
        QCOMPARE(cli({QStringLiteral("eval"), variantRun}).exitCode, 0);
        const CliResult shown = cli({QStringLiteral("runs"), QStringLiteral("show"), variantRun});
        QVERIFY(shown.out.contains("lineage.parent"));
        // So is the int8 one, from its int8 model file.
        const QString int8Run = variants[1]
                                    .toObject()
                                    .value(QStringLiteral("measurement"))
                                    .toObject()
                                    .value(QStringLiteral("name"))
                                    .toString()
                                    .section(QLatin1Char(' '), 1);
        const CliResult int8Eval = cli({QStringLiteral("--json"), QStringLiteral("eval"), int8Run});
        QVERIFY2(int8Eval.exitCode == 0, int8Eval.err.constData());
        QCOMPARE(jsonObject(int8Eval.out).value(QStringLiteral("samples")).toInt(), 96);

        // The int8 variant as one file: eval and predict load it without the store, and eval
        // gives what it gave for the run.
        const QString model = m_dir.filePath(QStringLiteral("int8.mfmodel"));
        const CliResult exported =
            cli({QStringLiteral("export-model"), int8Run, QStringLiteral("-o"), model});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QVERIFY(exported.out.contains("int8"));
        const CliResult fileEval =
            cliIn({}, {QStringLiteral("--json"), QStringLiteral("eval"), model});
        QVERIFY2(fileEval.exitCode == 0, fileEval.err.constData());
        QCOMPARE(jsonObject(fileEval.out).value(QStringLiteral("accuracy")).toDouble(),
                 jsonObject(int8Eval.out).value(QStringLiteral("accuracy")).toDouble());
        const QString image = m_dir.filePath(QStringLiteral("digit.png"));
        mf::testdata::writeImageFile(image.toStdString(),
                                     mf::testdata::makeImageSet(1, 4, 1, 8, 8, 5), 0);
        const CliResult predicted =
            cliIn({}, {QStringLiteral("--json"), QStringLiteral("predict"), model, image,
                       QStringLiteral("--top"), QStringLiteral("2")});
        QVERIFY2(predicted.exitCode == 0, predicted.err.constData());
        const QJsonArray top = jsonObject(predicted.out)
                                   .value(QStringLiteral("predictions"))
                                   .toArray()[0]
                                   .toObject()
                                   .value(QStringLiteral("top"))
                                   .toArray();
        QCOMPARE(top.size(), 2);
        QVERIFY(top[0].toObject().value(QStringLiteral("probability")).toDouble() >=
                top[1].toObject().value(QStringLiteral("probability")).toDouble());
        const CliResult notAModel = cliIn({}, {QStringLiteral("predict"), image, image});
        QCOMPARE(notAModel.exitCode, 2);
        QVERIFY2(notAModel.err.contains("digit.png"), notAModel.err.constData());

        // Bad input names the reason and creates no run.
        const CliResult bad = cli({QStringLiteral("compress"), QString::number(run),
                                   QStringLiteral("--prune-sparsity"), QStringLiteral("1")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("sparsity"), bad.err.constData());
    }

    void roiPrintsTheKeyFiguresAndWritesTheCashFlow()
    {
        const mf::roi::Scenario scenario = mf::roi::creditRiskTemplate();
        const QString file = m_dir.filePath(QStringLiteral("credit.json"));
        mf::roi::writeScenarioFile(file.toStdString(), scenario);
        const mf::roi::Projection projection = mf::roi::project(scenario);
        const double npv = mf::roi::keyFigures(scenario, projection).npv;

        const QString csv = m_dir.filePath(QStringLiteral("credit.csv"));
        const CliResult json = cliIn({}, {QStringLiteral("--json"), QStringLiteral("roi"), file,
                                          QStringLiteral("--csv"), csv});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject out = jsonObject(json.out);
        QCOMPARE(out.value(QStringLiteral("scenario")).toString(),
                 QString::fromStdString(scenario.name));
        const QJsonObject figures = out.value(QStringLiteral("figures")).toObject();
        QCOMPARE(figures.value(QStringLiteral("npv")).toDouble(), npv);
        QCOMPARE(figures.value(QStringLiteral("irr")).toObject().value(QStringLiteral("status")),
                 QStringLiteral("found"));
        const QStringList lines = QString::fromStdString(mf::testdata::readBytes(csv.toStdString()))
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), projection.months + 1);
        QVERIFY(lines.first().startsWith(QStringLiteral("month,cost: Training (EUR),")));

        const CliResult text = cliIn({}, {QStringLiteral("roi"), file});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Credit-risk scoring") && text.out.contains("NPV") &&
                     text.out.contains("Payback"),
                 text.out.constData());

        // Costs only: the flows never change sign, and the IRR says so in words.
        mf::roi::Scenario costs = mf::roi::test::quietScenario(12);
        costs.setValue("operations.perMonth", 1000.0);
        const QString costsFile = m_dir.filePath(QStringLiteral("costs.json"));
        mf::roi::writeScenarioFile(costsFile.toStdString(), costs);
        const CliResult noRoot = cliIn({}, {QStringLiteral("roi"), costsFile});
        QCOMPARE(noRoot.exitCode, 0);
        QVERIFY2(noRoot.out.contains("no root") && noRoot.out.contains("never change sign"),
                 noRoot.out.constData());
        const QJsonObject noRootJson =
            jsonObject(cliIn({}, {QStringLiteral("--json"), QStringLiteral("roi"), costsFile}).out);
        const QJsonObject irr = noRootJson.value(QStringLiteral("figures"))
                                    .toObject()
                                    .value(QStringLiteral("irr"))
                                    .toObject();
        QCOMPARE(irr.value(QStringLiteral("status")).toString(), QStringLiteral("no root"));
        QVERIFY(irr.value(QStringLiteral("annual")).isNull());
    }

    void roiStartsFromATemplateAndSavesTheScenario()
    {
        const QString saved = m_dir.filePath(QStringLiteral("from-template.json"));
        const CliResult result = cliIn(
            {}, {QStringLiteral("--json"), QStringLiteral("roi"), QStringLiteral("--template"),
                 QStringLiteral("medical-screening"), QStringLiteral("--save"), saved});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject out = jsonObject(result.out);
        QCOMPARE(out.value(QStringLiteral("template")).toString(),
                 QStringLiteral("medical-screening"));
        const mf::roi::Scenario scenario = mf::roi::readScenarioFile(saved.toStdString());
        QCOMPARE(scenario.name, mf::roi::medicalScreeningTemplate().name);
        const double npv = mf::roi::keyFigures(scenario, mf::roi::project(scenario)).npv;
        QCOMPARE(
            out.value(QStringLiteral("figures")).toObject().value(QStringLiteral("npv")).toDouble(),
            npv);

        // The saved file gives the same figures; a file and a template together are refused.
        const CliResult again = cliIn({}, {QStringLiteral("--json"), QStringLiteral("roi"), saved});
        QCOMPARE(jsonObject(again.out).value(QStringLiteral("figures")),
                 out.value(QStringLiteral("figures")));
        QCOMPARE(cliIn({}, {QStringLiteral("roi"), saved, QStringLiteral("--template"),
                            QStringLiteral("tutoring")})
                     .exitCode,
                 2);
        QCOMPARE(cliIn({}, {QStringLiteral("roi"), QStringLiteral("--template"),
                            QStringLiteral("bakery")})
                     .exitCode,
                 2);
        QCOMPARE(cliIn({}, {QStringLiteral("roi")}).exitCode, 2);
    }

    void roiMonteCarloAndPdfReport()
    {
        const QString file = m_dir.filePath(QStringLiteral("credit-mc.json"));
        mf::roi::writeScenarioFile(file.toStdString(), mf::roi::creditRiskTemplate());
        const QStringList monteCarlo{QStringLiteral("--monte-carlo"), QStringLiteral("2000"),
                                     QStringLiteral("--seed"), QStringLiteral("5")};
        const CliResult first = cliIn(
            {}, QStringList{QStringLiteral("--json"), QStringLiteral("roi"), file} + monteCarlo);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QJsonObject mc =
            jsonObject(first.out).value(QStringLiteral("monte_carlo")).toObject();
        QCOMPARE(mc.value(QStringLiteral("trials")).toInt(), 2000);
        const double p10 = mc.value(QStringLiteral("p10")).toDouble();
        const double p50 = mc.value(QStringLiteral("p50")).toDouble();
        const double p90 = mc.value(QStringLiteral("p90")).toDouble();
        QVERIFY(p10 < p50 && p50 < p90);
        // The same seed draws the same trials.
        const CliResult again = cliIn(
            {}, QStringList{QStringLiteral("--json"), QStringLiteral("roi"), file} + monteCarlo);
        QCOMPARE(jsonObject(again.out).value(QStringLiteral("monte_carlo")).toObject(), mc);
        const CliResult text = cliIn({}, QStringList{QStringLiteral("roi"), file} + monteCarlo);
        QVERIFY2(text.out.contains("probability of a loss"), text.out.constData());

        if (!MODELFORGE_APP_BUILT)
            QSKIP("built without the GUI (MODELFORGE_BUILD_GUI=OFF): no app to draw the PDF");
        // The PDF is drawn by the app (found beside the CLI in the build tree).
        const QString pdf = m_dir.filePath(QStringLiteral("credit.pdf"));
        const CliResult report =
            cliIn({}, QStringList{QStringLiteral("roi"), file, QStringLiteral("--pdf"), pdf} +
                          monteCarlo);
        QVERIFY2(report.exitCode == 0, report.err.constData());
        QVERIFY2(report.out.contains("report written to"), report.out.constData());
        QFile written(pdf);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.read(5).startsWith("%PDF-"));
        QVERIFY(written.size() > 10000);

        // Without the app: exit 2, saying what is missing; no file.
        QProcessEnvironment noApp = QProcessEnvironment::systemEnvironment();
        noApp.insert(QStringLiteral("MODELFORGE_APP"), m_dir.filePath(QStringLiteral("none")));
        const QString missing = m_dir.filePath(QStringLiteral("missing.pdf"));
        const CliResult absent = cliWithEnvironment(
            noApp, {QStringLiteral("roi"), file, QStringLiteral("--pdf"), missing});
        QCOMPARE(absent.exitCode, 2);
        QVERIFY2(absent.err.contains("MODELFORGE_APP"), absent.err.constData());
        QVERIFY(!QFile::exists(missing));
    }

    void roiBadScenarioNamesTheKeyAndExitsWithTwo_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        // A wrong type is found reading the file, a value out of range by validate().
        QTest::newRow("text for a number")
            << QStringLiteral("serving.latencyMs") << QStringLiteral("\"fast\"")
            << QStringLiteral("serving.latencyMs.value");
        QTest::newRow("churn of 1 or more")
            << QStringLiteral("subscriptions.churn") << QStringLiteral("1.5")
            << QStringLiteral("subscriptions.churn: ");
        QTest::newRow("horizon of 0")
            << QStringLiteral("general.horizonMonths") << QStringLiteral("0")
            << QStringLiteral("general.horizonMonths: ");
    }

    void roiBadScenarioNamesTheKeyAndExitsWithTwo()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        nlohmann::json json = mf::roi::scenarioToJson(mf::roi::creditRiskTemplate());
        json["inputs"][key.toStdString()] = {{"value", nlohmann::json::parse(value.toStdString())}};
        const QString file = m_dir.filePath(QStringLiteral("bad-scenario.json"));
        mf::testdata::writeBytes(file.toStdString(), json.dump());
        const CliResult result = cliIn({}, {QStringLiteral("--json"), QStringLiteral("roi"), file});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("bad-scenario.json") && result.err.contains(expected.toUtf8()),
                 result.err.constData());
        QVERIFY(result.out.isEmpty());
    }

    void roiFillsFromAMeasuredRun()
    {
        QStringList arguments{QStringLiteral("--json")};
        arguments << trainArguments();
        const int run = jsonObject(cli(arguments).out).value(QStringLiteral("run")).toInt();
        QVERIFY(run > 0);
        const QString file = m_dir.filePath(QStringLiteral("credit-run.json"));
        mf::roi::writeScenarioFile(file.toStdString(), mf::roi::creditRiskTemplate());
        const CliResult result = cli({QStringLiteral("--json"), QStringLiteral("roi"), file,
                                      QStringLiteral("--from-run"), QString::number(run)});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject out = jsonObject(result.out);
        QCOMPARE(out.value(QStringLiteral("source_runs")).toArray().first().toInt(), run);
        const QJsonObject fill = out.value(QStringLiteral("fill")).toObject();
        QStringList keys;
        for (const QJsonValue &figure : fill.value(QStringLiteral("filled")).toArray()) {
            keys << figure.toObject().value(QStringLiteral("key")).toString();
            QVERIFY(figure.toObject()
                        .value(QStringLiteral("source"))
                        .toString()
                        .startsWith(QStringLiteral("run %1").arg(run)));
        }
        QVERIFY2(keys.contains(QStringLiteral("training.deviceHoursPerRun")) &&
                     keys.contains(QStringLiteral("serving.latencyMs")),
                 qPrintable(keys.join(QLatin1Char(' '))));
        // The run has 4 classes, the template's benefit matrix 2: said, not taken.
        QVERIFY(!fill.value(QStringLiteral("notes")).toArray().isEmpty());

        const CliResult text =
            cli({QStringLiteral("roi"), file, QStringLiteral("--from-run"), QString::number(run)});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("filled from runs:") &&
                     text.out.contains(QStringLiteral("run %1").arg(run).toUtf8()),
                 text.out.constData());
        QCOMPARE(
            cli({QStringLiteral("roi"), file, QStringLiteral("--from-run"), QStringLiteral("9999")})
                .exitCode,
            2);

        // Serving figures from an int8 variant, training figures from its source run.
        const CliResult compressed =
            cli({QStringLiteral("--json"), QStringLiteral("compress"), QString::number(run),
                 QStringLiteral("--quantize"), QStringLiteral("dynamic"),
                 QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(compressed.exitCode == 0, compressed.err.constData());
        const QString variant = jsonObject(compressed.out)
                                    .value(QStringLiteral("variants"))
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(QStringLiteral("measurement"))
                                    .toObject()
                                    .value(QStringLiteral("name"))
                                    .toString()
                                    .section(QLatin1Char(' '), 1);
        QVERIFY(variant.toInt() > run);
        const CliResult both = cli({QStringLiteral("--json"), QStringLiteral("roi"), file,
                                    QStringLiteral("--from-run"), QString::number(run),
                                    QStringLiteral("--variant"), variant});
        QVERIFY2(both.exitCode == 0, both.err.constData());
        QMap<QString, QString> sources;
        for (const QJsonValue &figure : jsonObject(both.out)
                                            .value(QStringLiteral("fill"))
                                            .toObject()
                                            .value(QStringLiteral("filled"))
                                            .toArray())
            sources.insert(figure.toObject().value(QStringLiteral("key")).toString(),
                           figure.toObject().value(QStringLiteral("source")).toString());
        QVERIFY2(sources.value(QStringLiteral("serving.latencyMs"))
                     .startsWith(QStringLiteral("run %1").arg(variant)),
                 qPrintable(sources.value(QStringLiteral("serving.latencyMs"))));
        QVERIFY2(sources.value(QStringLiteral("training.deviceHoursPerRun"))
                     .startsWith(QStringLiteral("run %1").arg(run)),
                 qPrintable(sources.value(QStringLiteral("training.deviceHoursPerRun"))));
    }

    void ctrlCStopsTrainAndResumeWithACheckpoint()
    {
        // A real SIGINT to a real process, once while it trains and once while it resumes: each
        // time the run ends STOPPED with its checkpoints, and the process exits normally.
        const QString workspace = m_dir.filePath(QStringLiteral("ctrl-c"));
        const QString checkpoints = workspace + QStringLiteral("/runs/1/checkpoints");
        // Older checkpoints are pruned (the newest two and the best are kept), so a new one is
        // a name not seen before, not a larger count.
        const auto checkpointNames = [&checkpoints] {
            const QStringList names =
                QDir(checkpoints).entryList({QStringLiteral("epoch-*.pt")}, QDir::Files);
            return QSet<QString>(names.begin(), names.end());
        };
        const auto interrupted = [&](const QStringList &command, const QSet<QString> &before) {
            QProcess process;
            QStringList all{QStringLiteral("--workspace"), workspace, QStringLiteral("--json")};
            all << command;
            process.start(QStringLiteral(MODELFORGE_CLI_PATH), all);
            QTRY_VERIFY_WITH_TIMEOUT(!(checkpointNames() - before).isEmpty(), 60000);
            ::kill(static_cast<pid_t>(process.processId()), SIGINT);
            QVERIFY(process.waitForFinished(60000));
            QCOMPARE(process.exitStatus(), QProcess::NormalExit);
            QCOMPARE(process.exitCode(), 0);
            QCOMPARE(jsonObject(process.readAllStandardOutput())
                         .value(QStringLiteral("outcome"))
                         .toString(),
                     QStringLiteral("stopped"));
        };
        QStringList train = trainArguments();
        train[train.indexOf(QStringLiteral("--epochs")) + 1] = QStringLiteral("100000");
        train[train.indexOf(QStringLiteral("--threads")) + 1] = QStringLiteral("2");
        interrupted(train, {});
        interrupted({QStringLiteral("resume"), QStringLiteral("1")}, checkpointNames());

        QProcess list;
        list.start(QStringLiteral(MODELFORGE_CLI_PATH),
                   {QStringLiteral("--workspace"), workspace, QStringLiteral("--json"),
                    QStringLiteral("runs"), QStringLiteral("list")});
        QVERIFY(list.waitForFinished(60000));
        const QJsonArray runs = QJsonDocument::fromJson(list.readAllStandardOutput()).array();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("STOPPED"));
    }

    void textDatasetTrainsAndEvaluates()
    {
        const QString workspace = m_dir.filePath(QStringLiteral("text-workspace"));
        const QString csv = m_dir.filePath(QStringLiteral("reviews.csv"));
        std::string rows = "text,label\n";
        const char *filler[] = {"the", "movie", "was", "plot", "story", "film", "scene"};
        for (int i = 0; i < 200; ++i)
            rows += std::string(filler[i % 7]) + " " + filler[(i / 7) % 7] +
                    (i % 2 == 0 ? " good " : " bad ") + filler[(i / 3) % 7] +
                    (i % 2 == 0 ? ",pos\n" : ",neg\n");
        mf::testdata::writeBytes(csv.toStdString(), rows);

        const QStringList train{QStringLiteral("--json"),
                                QStringLiteral("train"),
                                QStringLiteral("--dataset"),
                                csv,
                                QStringLiteral("--model"),
                                QStringLiteral("bag"),
                                QStringLiteral("--max-vocab"),
                                QStringLiteral("100"),
                                QStringLiteral("--min-frequency"),
                                QStringLiteral("1"),
                                QStringLiteral("--sequence-length"),
                                QStringLiteral("8"),
                                QStringLiteral("--tokenizer"),
                                QStringLiteral("words"),
                                QStringLiteral("--epochs"),
                                QStringLiteral("6"),
                                QStringLiteral("--batch-size"),
                                QStringLiteral("16"),
                                QStringLiteral("--lr"),
                                QStringLiteral("0.05"),
                                QStringLiteral("--threads"),
                                QStringLiteral("1")};
        const CliResult result = cliIn(workspace, train);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject out = jsonObject(result.out);
        QCOMPARE(out.value(QStringLiteral("outcome")).toString(), QStringLiteral("finished"));
        const int run = out.value(QStringLiteral("run")).toInt();

        const CliResult eval =
            cliIn(workspace, {QStringLiteral("eval"), QString::number(run),
                              QStringLiteral("--split"), QStringLiteral("validation")});
        QVERIFY2(eval.exitCode == 0, eval.err.constData());
        QVERIFY2(eval.out.contains("precision") && eval.out.contains("pos") &&
                     eval.out.contains("neg"),
                 eval.out.constData());

        const CliResult imageModel =
            cliIn(workspace, {QStringLiteral("train"), QStringLiteral("--dataset"), csv,
                              QStringLiteral("--model"), QStringLiteral("mlp")});
        QCOMPARE(imageModel.exitCode, 2);
        QVERIFY2(imageModel.err.contains("is a text dataset"), imageModel.err.constData());
    }

    void divergingRunFailsWithOne()
    {
        QStringList arguments = trainArguments(QStringLiteral("1e30"));
        arguments << QStringLiteral("--optimizer") << QStringLiteral("sgd");
        const CliResult result = cli(arguments);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains("failed") && result.out.contains("nan"),
                 result.out.constData());
        const CliResult list =
            cli({QStringLiteral("--json"), QStringLiteral("runs"), QStringLiteral("list")});
        const QJsonObject newest = QJsonDocument::fromJson(list.out).array().first().toObject();
        QCOMPARE(newest.value(QStringLiteral("status")).toString(), QStringLiteral("FAILED"));
        QVERIFY(!newest.value(QStringLiteral("failure_reason")).toString().isEmpty());
    }

    void readOnlyWorkspaceIsReadWithANoteAndLeftUnchanged()
    {
        // A workspace on a read-only mount or backup: its runs are listed, shown, exported and
        // evaluated, each command says once that the store is read as it is, and no byte of
        // the store changes (no liveness sweep, no migration, no side files).
        const QString workspace = m_dir.filePath(QStringLiteral("read-only"));
        QCOMPARE(cliIn(workspace, trainArguments()).exitCode, 0);
        const QString storePath = QDir(workspace).filePath(QStringLiteral("modelforge.db"));
        const QStringList list{QStringLiteral("--json"), QStringLiteral("runs"),
                               QStringLiteral("list")};
        // Writable, the same listing says nothing about it.
        const CliResult writable = cliIn(workspace, list);
        QCOMPARE(writable.exitCode, 0);
        QVERIFY2(!writable.err.contains("note:"), writable.err.constData());
        const std::string before = mf::testdata::readBytes(storePath.toStdString());
        QVERIFY(!before.empty());
        const QStringList filesBefore = QDir(workspace).entryList(QDir::Files | QDir::Hidden);

        const mf::testdata::ReadOnlyFolder readOnly(workspace.toStdString());
        if (!readOnly.ok())
            QSKIP("this file system lets the process write to a folder it made read-only");
        // Each command succeeds and says once, on stderr, that the store is read as it is.
        const auto readsWithANote = [&](const QStringList &arguments, CliResult *result) {
            *result = cliIn(workspace, arguments);
            const QByteArray &err = result->err;
            if (result->exitCode == 0 && err.count("note: ") == 1 &&
                err.contains(storePath.toUtf8()) && err.contains("is not writable") &&
                err.contains("nothing is changed"))
                return true;
            qWarning().noquote() << arguments.join(QLatin1Char(' ')) << "exited with"
                                 << result->exitCode << "and wrote" << err;
            return false;
        };

        CliResult listed, shown, exported, evaluated;
        QVERIFY(readsWithANote(list, &listed));
        const QJsonArray runs = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("FINISHED"));
        const QString run =
            QString::number(runs.first().toObject().value(QStringLiteral("id")).toInt());

        QVERIFY(readsWithANote({QStringLiteral("runs"), QStringLiteral("show"), run}, &shown));
        QVERIFY2(shown.out.contains("FINISHED") && shown.out.contains("test_accuracy"),
                 shown.out.constData());

        const QString csv = m_dir.filePath(QStringLiteral("read-only-export.csv"));
        QVERIFY(readsWithANote({QStringLiteral("runs"), QStringLiteral("export"), run,
                                QStringLiteral("--csv"), QStringLiteral("-o"), csv},
                               &exported));
        QVERIFY(QString::fromStdString(mf::testdata::readBytes(csv.toStdString()))
                    .contains(QStringLiteral(",train_loss,")));

        QVERIFY(
            readsWithANote({QStringLiteral("--json"), QStringLiteral("eval"), run}, &evaluated));
        QCOMPARE(jsonObject(evaluated.out).value(QStringLiteral("samples")).toInt(), 96);

        QVERIFY(mf::testdata::readBytes(storePath.toStdString()) == before);
        QCOMPARE(QDir(workspace).entryList(QDir::Files | QDir::Hidden), filesBefore);
    }

    void predictOnTypedTextGivesTheProbabilitiesOfEval()
    {
        // aclImdb layout; "good" or "bad" alone decides the class. The test part holds one
        // document per class, so eval's loss is the mean of -log p(true class) of the two.
        const QString dataset = m_dir.filePath(QStringLiteral("reviews"));
        const QStringList filler = {QStringLiteral("the"),   QStringLiteral("movie"),
                                    QStringLiteral("was"),   QStringLiteral("plot"),
                                    QStringLiteral("actor"), QStringLiteral("quite"),
                                    QStringLiteral("story"), QStringLiteral("music")};
        for (const char *folder : {"train/pos", "train/neg", "test/pos", "test/neg"})
            QVERIFY(QDir(dataset).mkpath(QString::fromLatin1(folder)));
        for (int i = 0; i < 160; ++i) {
            const bool positive = i % 2 == 0;
            const QString text = QStringLiteral("%1 %2 %3 %4")
                                     .arg(filler[i % 8], filler[(i / 8) % 8],
                                          positive ? QStringLiteral("good") : QStringLiteral("bad"),
                                          filler[(i * 3) % 8]);
            mf::testdata::writeBytes(
                QStringLiteral("%1/train/%2/%3.txt")
                    .arg(dataset, positive ? QStringLiteral("pos") : QStringLiteral("neg"))
                    .arg(i)
                    .toStdString(),
                text.toStdString());
        }
        const QString positive = QStringLiteral("The music was GOOD, the plot too");
        const QString negative = QStringLiteral("quite a bad story");
        mf::testdata::writeBytes((dataset + QStringLiteral("/test/pos/0.txt")).toStdString(),
                                 positive.toStdString());
        mf::testdata::writeBytes((dataset + QStringLiteral("/test/neg/0.txt")).toStdString(),
                                 negative.toStdString());
        const QString workspace = m_dir.filePath(QStringLiteral("text-workspace"));
        const CliResult trained =
            cliIn(workspace,
                  {QStringLiteral("--json"), QStringLiteral("train"), QStringLiteral("--dataset"),
                   dataset, QStringLiteral("--model"), QStringLiteral("gru"),
                   QStringLiteral("--epochs"), QStringLiteral("4"), QStringLiteral("--batch-size"),
                   QStringLiteral("16"), QStringLiteral("--lr"), QStringLiteral("0.01"),
                   QStringLiteral("--sequence-length"), QStringLiteral("10"),
                   QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--quiet")});
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        const QString run =
            QString::number(jsonObject(trained.out).value(QStringLiteral("run")).toInt());

        const CliResult evaluated =
            cliIn(workspace, {QStringLiteral("--json"), QStringLiteral("eval"), run});
        QVERIFY2(evaluated.exitCode == 0, evaluated.err.constData());
        const double evalLoss = jsonObject(evaluated.out).value(QStringLiteral("loss")).toDouble();

        /// Probability of class `name` per prediction of a `predict --json` output.
        const auto probabilities = [this](const CliResult &result, const QString &name) {
            QVector<double> values;
            for (const QJsonValue prediction :
                 jsonObject(result.out).value(QStringLiteral("predictions")).toArray())
                for (const QJsonValue entry :
                     prediction.toObject().value(QStringLiteral("top")).toArray())
                    if (entry.toObject().value(QStringLiteral("name")).toString() == name)
                        values.append(
                            entry.toObject().value(QStringLiteral("probability")).toDouble());
            return values;
        };
        const QStringList typed = {QStringLiteral("--json"),
                                   QStringLiteral("predict"),
                                   run,
                                   QStringLiteral("--text"),
                                   positive,
                                   QStringLiteral("--text"),
                                   negative};
        const CliResult predicted = cliIn(workspace, typed);
        QVERIFY2(predicted.exitCode == 0, predicted.err.constData());
        const QVector<double> pos = probabilities(predicted, QStringLiteral("pos"));
        const QVector<double> neg = probabilities(predicted, QStringLiteral("neg"));
        QCOMPARE(pos.size(), 2);
        QCOMPARE(neg.size(), 2);
        QVERIFY(pos[0] > 0.5 && neg[1] > 0.5);
        const double predictLoss = -(std::log(pos[0]) + std::log(neg[1])) / 2.0;
        QVERIFY2(std::abs(predictLoss - evalLoss) < 1e-6,
                 qPrintable(QStringLiteral("predict %1, eval %2")
                                .arg(predictLoss, 0, 'g', 12)
                                .arg(evalLoss, 0, 'g', 12)));

        // The exported file and a file of texts (one per line) give the same numbers.
        const QString model = m_dir.filePath(QStringLiteral("reviews.mfmodel"));
        const CliResult exported =
            cliIn(workspace, {QStringLiteral("export-model"), run, QStringLiteral("-o"), model});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QStringList fromFile = typed;
        fromFile[2] = model;
        const CliResult fileModel = cliIn({}, fromFile);
        QVERIFY2(fileModel.exitCode == 0, fileModel.err.constData());
        QCOMPARE(probabilities(fileModel, QStringLiteral("pos")), pos);
        const QString texts = m_dir.filePath(QStringLiteral("texts.txt"));
        mf::testdata::writeBytes(
            texts.toStdString(),
            (positive + QStringLiteral("\r\n\n") + negative + QLatin1Char('\n')).toStdString());
        const CliResult lines = cliIn({}, {QStringLiteral("--json"), QStringLiteral("predict"),
                                           model, QStringLiteral("--file"), texts});
        QVERIFY2(lines.exitCode == 0, lines.err.constData());
        QCOMPARE(probabilities(lines, QStringLiteral("pos")), pos);
        const QJsonArray lineResults =
            jsonObject(lines.out).value(QStringLiteral("predictions")).toArray();
        QCOMPARE(lineResults[1].toObject().value(QStringLiteral("line")).toInt(), 3);
        QCOMPARE(lineResults[1].toObject().value(QStringLiteral("text")).toString(), negative);

        const CliResult plain =
            cliIn({}, {QStringLiteral("predict"), model, QStringLiteral("--text"), positive,
                       QStringLiteral("--top"), QStringLiteral("1")});
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        QCOMPARE(QString::fromUtf8(plain.out).trimmed(),
                 QStringLiteral("\"%1\":  pos %2").arg(positive).arg(pos[0], 0, 'f', 3));

        // Bad input: named, with the reason.
        const CliResult absent =
            cliIn({}, {QStringLiteral("predict"), model, QStringLiteral("--file"),
                       m_dir.filePath(QStringLiteral("absent.txt"))});
        QCOMPARE(absent.exitCode, 2);
        QVERIFY2(absent.err.contains("absent.txt"), absent.err.constData());
        const QString empty = m_dir.filePath(QStringLiteral("empty.txt"));
        mf::testdata::writeBytes(empty.toStdString(), "\n \n");
        const CliResult blank =
            cliIn({}, {QStringLiteral("predict"), model, QStringLiteral("--file"), empty});
        QCOMPARE(blank.exitCode, 2);
        QVERIFY2(blank.err.contains("empty.txt") && blank.err.contains("blank"),
                 blank.err.constData());
        const CliResult nothing = cliIn({}, {QStringLiteral("predict"), model});
        QCOMPARE(nothing.exitCode, 2);
        QVERIFY2(nothing.err.contains("--text"), nothing.err.constData());
        const CliResult both =
            cliIn({}, {QStringLiteral("predict"), model, QStringLiteral("--text"), positive,
                       QStringLiteral("--file"), texts});
        QCOMPARE(both.exitCode, 2);
        const QString image = m_dir.filePath(QStringLiteral("review.png"));
        mf::testdata::writeImageFile(image.toStdString(),
                                     mf::testdata::makeImageSet(1, 2, 1, 8, 8, 5), 0);
        const CliResult imageToText = cliIn({}, {QStringLiteral("predict"), model, image});
        QCOMPARE(imageToText.exitCode, 2);
        QVERIFY2(imageToText.err.contains("classifies texts"), imageToText.err.constData());
    }

    void storeThatIsNotAStoreIsBadInput()
    {
        QTemporaryDir other;
        mf::testdata::writeBytes(other.filePath(QStringLiteral("modelforge.db")).toStdString(),
                                 "this is not a database, just text");
        QProcess process;
        process.start(QStringLiteral(MODELFORGE_CLI_PATH),
                      {QStringLiteral("--workspace"), other.path(), QStringLiteral("runs"),
                       QStringLiteral("list")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("modelforge.db"));
    }
};

MF_TEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
