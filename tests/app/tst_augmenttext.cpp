// The Augment page's text mode: the text pipeline model and the panel's variants, which are
// the core pipeline's own output for (seed + v, epoch, sample index).
#include "app/gui/augment/textaugmentpanel.h"
#include "app/gui/augment/textpipelinemodel.h"
#include "core/text/textaugmentpipeline.h"
#include "core/text/textdataset.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QAbstractItemModelTester>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QtTest/QtTest>

using namespace mf;

namespace {

const char *const kNoWordNet = R"({"level": "word", "operations": [
    {"op": "random_swap", "alpha": 0.2},
    {"op": "random_deletion", "alpha": 0.2, "probability": 0.7},
    {"op": "sentence_reorder"}]})";

bool waitForVariants(TextAugmentPanel &panel)
{
    QSignalSpy refreshed(&panel, &TextAugmentPanel::refreshed);
    if (!panel.isPending())
        return true;
    return refreshed.wait(20000) && !panel.isPending();
}

} // namespace

class TestAugmentText : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void theModelEditsThePipeline()
    {
        TextPipelineModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &TextPipelineModel::pipelineChanged);
        QCOMPARE(TextPipelineModel::operationNames().size(), 5);
        for (const QString &op : TextPipelineModel::operationNames())
            QVERIFY(model.addOperation(op) >= 0);
        QCOMPARE(model.addOperation(QStringLiteral("back_translation")), -1);
        QCOMPARE(changed.count(), 5);
        QVERIFY(!model.index(4).data(TextPipelineModel::AlphaRole).isValid());

        QVERIFY(model.moveRows(QModelIndex(), 4, 1, QModelIndex(), 0));
        QCOMPARE(model.pipeline()->ops().front().name(), std::string("sentence_reorder"));
        QCOMPARE(model.setParameter(1, QStringLiteral("alpha"), 0.3), QString());
        QCOMPARE(model.pipeline()->ops()[1].alpha, 0.3);
        const QString refusal = model.setParameter(1, QStringLiteral("alpha"), 1.5);
        QVERIFY2(refusal.startsWith(QStringLiteral("operations[1].alpha: ")), qPrintable(refusal));
        QCOMPARE(model.pipeline()->ops()[1].alpha, 0.3);
        QVERIFY(model.setData(model.index(2), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!model.pipeline()->ops()[2].enabled);
        model.setLevel(QStringLiteral("char"));
        QCOMPARE(model.pipeline()->toJson().at("level").get<std::string>(), std::string("char"));
        QVERIFY(model.removeRows(0, 2));
        QCOMPARE(model.rowCount(), 3);
    }

    void variantsAreThePipelinesOutput()
    {
        TextAugmentPanel panel;
        panel.model()->setPipeline(
            TextAugmentPipeline::fromJson(nlohmann::json::parse(kNoWordNet)));
        const QString text = QStringLiteral("One two three four five six. Seven eight nine ten. "
                                            "Eleven twelve thirteen.");
        panel.setText(text);
        panel.setSampleIndex(17);
        panel.setSeed(900);
        panel.setEpoch(3);
        panel.setVariants(5);
        QVERIFY(waitForVariants(panel));
        const TextPreviewResult &result = panel.result();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.texts.size(), 5);
        const TextAugmentPipeline pipeline =
            TextAugmentPipeline::fromJson(nlohmann::json::parse(kNoWordNet));
        for (int v = 0; v < 5; ++v) {
            std::vector<nlohmann::json> drawn;
            const std::string expected = pipeline.apply(text.toStdString(), 900 + v, 3, 17, &drawn);
            QCOMPARE(result.texts[v], QString::fromStdString(expected));
            QCOMPARE(result.seeds[v], quint64(900 + v));
            QCOMPARE(result.drawn[v].size(), static_cast<qsizetype>(drawn.size()));
        }
        QVERIFY(result.drawn[0].first().startsWith(QStringLiteral("Random swap: ")));

        // An edit redraws.
        const QStringList before = result.texts;
        QVERIFY(panel.model()->setParameter(0, QStringLiteral("alpha"), 0.6).isEmpty());
        QVERIFY(waitForVariants(panel));
        QVERIFY(panel.result().texts != before);
    }

    void aDatasetSampleIsDrawnByItsIndex()
    {
        const QString path = m_dir.filePath(QStringLiteral("reviews.csv"));
        testdata::writeBytes(
            QFile::encodeName(path).toStdString(),
            testdata::csvText({"text", "label"}, {{"Good film and a fine cast.", "pos"},
                                                  {"Dull plot, slow pace. Not again.", "neg"},
                                                  {"A bright and warm story. Loved it. Would "
                                                   "watch again.",
                                                   "pos"}}));
        TextAugmentPanel panel;
        panel.model()->setPipeline(
            TextAugmentPipeline::fromJson(nlohmann::json::parse(kNoWordNet)));
        QSignalSpy changed(&panel, &TextAugmentPanel::datasetChanged);
        panel.openDataset(path);
        QVERIFY(changed.wait(20000));
        panel.setSampleIndex(2);
        QVERIFY(waitForVariants(panel));
        const TextDatasetBundle bundle = loadTextDataset(QFile::encodeName(path).toStdString());
        QCOMPARE(panel.findChild<QPlainTextEdit *>(QStringLiteral("textInput"))->toPlainText(),
                 QString::fromStdString(bundle.train.texts[2]));
        const TextAugmentPipeline pipeline =
            TextAugmentPipeline::fromJson(nlohmann::json::parse(kNoWordNet));
        QCOMPARE(panel.result().texts.value(0),
                 QString::fromStdString(pipeline.apply(bundle.train.texts[2], 42, 1, 2)));
    }

    void saveLoadAndErrors()
    {
        const QString path = m_dir.filePath(QStringLiteral("pipelines/text.json"));
        QDir().mkpath(QFileInfo(path).path());
        TextAugmentPanel panel;
        panel.setWorkspace(m_dir.path());
        panel.model()->setPipeline(
            TextAugmentPipeline::fromJson(nlohmann::json::parse(kNoWordNet)));
        QSignalSpy saved(&panel, &TextAugmentPanel::pipelineSaved);
        QVERIFY(panel.savePipeline(path));
        QCOMPARE(saved.count(), 1);
        TextAugmentPanel other;
        QVERIFY(other.loadPipeline(path));
        QCOMPARE(other.model()->pipeline()->toJson(), panel.model()->pipeline()->toJson());
        QCOMPARE(other.pipelinePath(), path);

        testdata::writeBytes(QFile::encodeName(path).toStdString(),
                             R"({"operations": [{"op": "random_swap", "alpha": 2}]})");
        QVERIFY(!other.loadPipeline(path));
        QVERIFY(other.messageIsError());
        QVERIFY2(other.messageText().contains(path + QStringLiteral(": operations[0].alpha")),
                 qPrintable(other.messageText()));
    }
};

MF_TEST_MAIN(TestAugmentText)
#include "tst_augmenttext.moc"
