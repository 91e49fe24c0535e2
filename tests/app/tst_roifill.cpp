#include "app/gui/roi/roiinputfield.h"
#include "app/gui/roi/roiinputform.h"
#include "app/gui/roi/roikeyfigurespanel.h"
#include "app/gui/roi/roipage.h"
#include "app/gui/roi/roisourcesview.h"
#include "app/gui/roi/runpickerdialog.h"
#include "core/compress/compressionjob.h"
#include "core/roi/measuredrun.h"
#include "core/train/trainingsession.h"
#include "tests/app/roipagetesting.h"
#include "tests/support/shotpath.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "widgets/elidedlabel.h"
#include "widgets/noticelabel.h"

#include <QAction>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest/QtTest>

using mf::RoiKeyFigures;
using mf::RoiPage;
using mf::test::databasePathOf;
using mf::test::nanText;
using mf::test::shotPath;
using mf::test::showPage;

namespace {

mf::roi::MeasuredRun measured(std::int64_t runId, double latencyMs, double throughput)
{
    mf::roi::MeasuredRun run;
    run.runId = runId;
    run.name = "tiny";
    run.precision = "fp32";
    run.machine = "test machine";
    run.measuredOn = "2025-01-15";
    run.threads = 2;
    run.trainingSeconds = 1800;
    run.trainingDevice = "cpu";
    run.trainingThreads = 2;
    run.parameters = 1000;
    run.modelFileBytes = 4000;
    run.latencyBatch1Ms = latencyMs;
    run.throughputPerSecond = throughput;
    run.classNames = {"good loan", "bad loan"};
    run.confusion = {{900, 30}, {20, 50}};
    run.accuracy = 0.95;
    run.evaluatedOn = "test part (1000 items)";
    return run;
}

} // namespace

/// "Fill from Run" and "Fill from Compressed Variant": measured runs fill the scenario, and each
/// filled input names the run and the figure it came from.
class TestRoiFill : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    void save(QWidget *widget, const QString &name) { mf::test::saveShot(m_dir, widget, name); }

    QString newWorkspace(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void fillFromMeasurementsNamesTheSources()
    {
        RoiPage page(newWorkspace(QStringLiteral("fill")));
        showPage(page);
        QVERIFY(page.newFromTemplate(QStringLiteral("credit-risk")));
        const QString npvBefore = page.keyFiguresPanel()->valueText(RoiKeyFigures::Npv);
        page.applyMeasuredRuns(measured(3, 0.8, 4000), measured(5, 0.3, 9000));
        QVERIFY(!page.lastFillReport().filled.empty());
        QCOMPARE(page.tabs()->currentIndex(), int(RoiPage::SourcesTab));
        QVERIFY(page.sourcesView()->filledList()->topLevelItemCount() > 0);
        mf::RoiInputField *throughput = page.inputForm()->field("serving.throughputPerInstance");
        QCOMPARE(page.scenario().value("serving.throughputPerInstance"), 9000.0);
        QVERIFY2(throughput->captionLabel()->text().contains(QLatin1String("5")),
                 qPrintable(throughput->captionLabel()->text()));
        QCOMPARE(
            throughput->sourceEdit()->text(),
            QString::fromStdString(page.scenario().input("serving.throughputPerInstance").source));
        QVERIFY(page.scenario().sourceRuns.size() == 2);
        QVERIFY(page.sourcesView()->runsLabel()->text().contains(QLatin1String("#5")));
        QVERIFY(page.problems().empty());
        QVERIFY(page.keyFiguresPanel()->valueText(RoiKeyFigures::Npv) != npvBefore);
        save(&page, QStringLiteral("roi-sources.png"));
    }

    void fillFromATrainedRun()
    {
        const QString workspace = newWorkspace(QStringLiteral("trained"));
        const std::string root = m_dir.path().toStdString();
        mf::testdata::writeMnistLayout(root + "/digits",
                                       mf::testdata::makeImageSet(300, 2, 1, 8, 8, 1),
                                       mf::testdata::makeImageSet(100, 2, 1, 8, 8, 2));
        mf::TrainConfig config;
        config.dataset = root + "/digits";
        config.model = {{"type", "mlp"}, {"hidden", {16}}};
        config.epochs = 1;
        config.batchSize = 32;
        config.validationFraction = 0.2;
        config.threads = 1;
        mf::SessionOptions options;
        options.workspaceDir = workspace.toStdString();
        options.runName = "tiny";
        const qint64 runId = mf::TrainingSession(config, options).run().runId;
        QVERIFY(runId > 0);

        {
            // The run to fill from is offered; it has no compressed variant.
            mf::RunPickerDialog runs(databasePathOf(workspace), mf::RunPickerDialog::Mode::Run);
            QCOMPARE(runs.runList()->topLevelItemCount(), 1);
            QCOMPARE(runs.selectedRun(), runId);
            mf::RunPickerDialog variants(databasePathOf(workspace),
                                         mf::RunPickerDialog::Mode::Variant);
            variants.show();
            QVERIFY(QTest::qWaitForWindowExposed(&variants));
            QCOMPARE(variants.selectedRun(), runId);
            QCOMPARE(variants.variantList()->topLevelItemCount(), 0);
            QCOMPARE(variants.selectedVariant(), 0);
            save(&variants, QStringLiteral("roi-pick-variant.png"));
        }
        RoiPage page(workspace);
        showPage(page);
        QVERIFY(page.newFromTemplate(QStringLiteral("credit-risk")));
        QVERIFY(page.fillFromRuns(runId));
        QVERIFY(page.isMeasuring());
        QVERIFY(!page.fillFromRunAction()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isMeasuring(), 120000);
        QVERIFY2(!page.notice()->isError(), qPrintable(page.notice()->notice()));
        QVERIFY(!page.lastFillReport().filled.empty());
        QVERIFY(page.scenario().sourceRuns == std::vector<int>{int(runId)});
        const std::string source = page.scenario().input("serving.latencyMs").source;
        QVERIFY2(source.find(std::to_string(runId)) != std::string::npos, source.c_str());
        QVERIFY2(nanText(&page).isEmpty(), qPrintable(nanText(&page)));
        save(&page, QStringLiteral("roi-filled-from-run.png"));

        // An int8 variant of the run: offered, and its serving figures are used.
        mf::CompressionRequest request;
        request.sourceRun = runId;
        request.quantize = mf::QuantMode::Dynamic;
        const mf::CompressionResult compressed = mf::CompressionJob(request, options).run();
        QCOMPARE(compressed.variants.size(), std::size_t(1));
        const qint64 variantId = compressed.variants.front().runId;
        {
            mf::RunPickerDialog variants(databasePathOf(workspace),
                                         mf::RunPickerDialog::Mode::Variant);
            QVERIFY(variants.selectVariant(variantId));
            QCOMPARE(variants.selectedRun(), runId);
            QCOMPARE(variants.selectedVariant(), variantId);
        }
        QVERIFY(page.fillFromRuns(runId, variantId));
        QTRY_VERIFY_WITH_TIMEOUT(!page.isMeasuring(), 120000);
        QVERIFY2(!page.notice()->isError(), qPrintable(page.notice()->notice()));
        const std::string servedBy = page.scenario().input("serving.latencyMs").source;
        QVERIFY2(servedBy.rfind("run " + std::to_string(variantId), 0) == 0, servedBy.c_str());
        const std::string trainedBy = page.scenario().input("training.deviceHoursPerRun").source;
        QVERIFY2(trainedBy.rfind("run " + std::to_string(runId), 0) == 0, trainedBy.c_str());
        QVERIFY2(nanText(&page).isEmpty(), qPrintable(nanText(&page)));
    }
};

MF_TEST_MAIN(TestRoiFill)
#include "tst_roifill.moc"
