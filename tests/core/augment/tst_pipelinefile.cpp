// Saving and loading pipelines: round trip, atomic replacement, errors naming file and key.
#include "core/augment/horizontalflip.h"
#include "core/augment/pipelinefile.h"
#include "core/augment/randomcrop.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

using namespace mf;

namespace {

void writeText(const std::string &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary) << text;
}

std::string readText(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

} // namespace

class TestPipelineFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveAndLoadRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("crop-flip.json").toStdString();
        AugmentPipeline pipeline;
        pipeline.add(std::make_shared<RandomCrop>(3, RandomCrop::PaddingMode::Reflect, 0.75));
        pipeline.add(std::make_shared<HorizontalFlip>(0.25), false);
        saveAugmentPipeline(path, pipeline);
        const AugmentPipeline loaded = loadAugmentPipeline(path);
        QCOMPARE(loaded.toJson(), pipeline.toJson());
        QCOMPARE(loaded.ops().size(), std::size_t(2));
        QVERIFY(!loaded.ops()[1].enabled);
        // Indented for people and version control, one operation per block.
        const std::string text = readText(path);
        QVERIFY(text.find("\n  \"operations\": [\n") != std::string::npos);

        // Saving again replaces the file.
        AugmentPipeline shorter;
        shorter.add(std::make_shared<HorizontalFlip>());
        saveAugmentPipeline(path, shorter);
        QCOMPARE(loadAugmentPipeline(path).ops().size(), std::size_t(1));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"crop-flip.json"});
    }

    void errorsNameTheFileAndTheKey_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QString() << ": cannot open";
        QTest::newRow("syntax") << R"({"operations": [{"op": "rotation",}]})"
                                << ": byte 35: not valid JSON";
        QTest::newRow("not an object") << R"([1])"
                                       << ": augmentation pipeline: must be";
        QTest::newRow("top-level key") << R"({"ops": []})"
                                       << ": ops: unknown key";
        QTest::newRow("interval") << R"({"operations": [{"op": "horizontal_flip"},
                                       {"op": "rotation", "degrees": [10, -10]}]})"
                                  << ": operations[1].degrees: ";
        QTest::newRow("no op") << R"({"operations": [{"probability": 1}]})"
                               << ": operations[0].op: ";
    }

    void errorsNameTheFileAndTheKey()
    {
        QFETCH(QString, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("pipeline.json").toStdString();
        if (!content.isNull())
            writeText(path, content.toStdString());
        try {
            loadAugmentPipeline(path);
            QFAIL("expected mf::ConfigError");
        } catch (const ConfigError &error) {
            const std::string expected = path + message.toStdString();
            QVERIFY2(std::string(error.what()).rfind(expected, 0) == 0, error.what());
        }
    }

    void unwritableTargetsThrow()
    {
        AugmentPipeline pipeline;
        const std::string path = "/nonexistent-directory/pipeline.json";
        try {
            saveAugmentPipeline(path, pipeline);
            QFAIL("expected mf::Error");
        } catch (const Error &error) {
            QVERIFY2(std::string(error.what()).find(path) != std::string::npos ||
                         std::string(error.what()).find("/nonexistent-directory") !=
                             std::string::npos,
                     error.what());
        }
    }
};

MF_TEST_GUILESS_MAIN(TestPipelineFile)
#include "tst_pipelinefile.moc"
