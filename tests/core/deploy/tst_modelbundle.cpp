// A run's model as one file: every precision reloads to the run's own results, without the
// store, and bad files get a message that names them.
#include "core/compress/compressionjob.h"
#include "core/compress/int8variant.h"
#include "core/compress/quantengine.h"
#include "core/data/datasetloader.h"
#include "core/deploy/deployedmodel.h"
#include "core/deploy/imageinput.h"
#include "core/deploy/modelbundle.h"
#include "core/deploy/runmeasurement.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace mf;

class TestModelBundle : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SessionOptions m_options;
    std::string m_dataset;
    std::int64_t m_source = 0;
    CompressionResult m_variants;

    std::string path(const std::string &name) const
    {
        return m_dir.path().toStdString() + "/" + name;
    }

    /// The test accuracy of `runId` as `modelforge-cli eval RUN` reports it.
    double storedEvaluation(std::int64_t runId) const
    {
        return isInt8Variant(runId, m_options)
                   ? evaluateInt8Variant(runId, m_options).accuracy
                   : TrainingSession::evaluateRun(runId, m_options).accuracy;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dataset = path("mnist");
        testdata::writeMnistLayout(m_dataset, testdata::makeImageSet(384, 4, 1, 8, 8, 1),
                                   testdata::makeImageSet(64, 4, 1, 8, 8, 2));
        TrainConfig config;
        config.dataset = m_dataset;
        config.model = {{"type", "cnn"}, {"conv", {8, 16}}, {"fc", {32}}};
        config.epochs = 2;
        config.batchSize = 32;
        config.threads = 1;
        m_options.workspaceDir = path("ws");
        m_source = TrainingSession(config, m_options).run().runId;

        CompressionRequest request;
        request.sourceRun = m_source;
        if (!quantEngines().empty())
            request.quantize = QuantMode::Static;
        request.calibrationBatches = 2;
        request.accuracyBudget = 100.0;
        request.pruneSparsity = 0.8;
        request.epochs = 1;
        m_variants = CompressionJob(request, m_options).run();
    }

    void everyPrecisionReloadsToTheRunsOwnEvaluation()
    {
        std::vector<std::int64_t> runs{m_source};
        for (const CompressionVariant &variant : m_variants.variants)
            runs.push_back(variant.runId);
        std::set<std::string> precisions;
        const Dataset test = *loadDataset(m_dataset).test;
        for (const std::int64_t run : runs) {
            const std::string file = path("run" + std::to_string(run) + ".mfmodel");
            const ModelBundleMeta written = ModelBundle::exportRunTo(run, m_options, file);
            const DeployedModel model = DeployedModel::load(file);
            QCOMPARE(model.meta().run, run);
            QCOMPARE(model.meta().precision, written.precision);
            QCOMPARE(model.meta().sampleShape, (std::vector<std::int64_t>{1, 8, 8}));
            QCOMPARE(model.meta().classNames.size(), std::size_t(4));
            QVERIFY(model.meta().testAccuracy.has_value());
            QCOMPARE(model.evaluate(test).accuracy, storedEvaluation(run));
            precisions.insert(written.precision);
        }
        QVERIFY(precisions.count("fp32"));
        QVERIFY(precisions.count("fp32 sparse"));
        if (!quantEngines().empty())
            QVERIFY(precisions.count("int8"));
    }

    void theSparseBundleIsSmallerThanTheDenseOne()
    {
        const std::string dense = path("dense.mfmodel");
        ModelBundle::exportRunTo(m_source, m_options, dense);
        for (const CompressionVariant &variant : m_variants.variants) {
            const std::string file = path("variant.mfmodel");
            if (ModelBundle::exportRunTo(variant.runId, m_options, file).precision != "fp32 sparse")
                continue;
            QVERIFY(QFileInfo(QString::fromStdString(file)).size() <
                    QFileInfo(QString::fromStdString(dense)).size() / 2);
        }
    }

    void probabilitiesOfAnImageFileMatchTheDatasetSample()
    {
        const testdata::ImageSet set = testdata::makeImageSet(4, 4, 1, 8, 8, 2);
        const std::string image = path("sample.png");
        testdata::writeImageFile(image, set, 0);
        const DeployedModel model =
            DeployedModel::fromBytes(ModelBundle::exportRun(m_source, m_options), "run");
        bool resized = true;
        const torch::Tensor raw = readImageForModel(image, model.meta().sampleShape, &resized);
        QVERIFY(!resized);
        const torch::Tensor expected = torch::from_blob(
            const_cast<std::uint8_t *>(set.pixels.data()), {1, 1, 8, 8}, torch::kUInt8);
        QVERIFY(torch::equal(raw, expected));
        const torch::Tensor p = model.probabilities(raw);
        QCOMPARE(p.sizes().vec(), (std::vector<std::int64_t>{1, 4}));
        QVERIFY(std::abs(p.sum().item<double>() - 1.0) < 1e-5);

        const std::string large = path("large.png");
        testdata::writeImageFile(large, testdata::makeImageSet(1, 4, 1, 16, 16, 3), 0);
        QCOMPARE(readImageForModel(large, {1, 8, 8}, &resized).sizes().vec(),
                 (std::vector<std::int64_t>{1, 1, 8, 8}));
        QVERIFY(resized);
    }

    void aRunIsMeasuredForTheRoiCalculator()
    {
        const roi::MeasuredRun trained = measureRun(m_source, m_options);
        QCOMPARE(trained.runId, m_source);
        QCOMPARE(trained.precision, std::string("fp32"));
        QVERIFY(trained.trainingSeconds.has_value() && *trained.trainingSeconds > 0.0);
        QVERIFY(trained.latencyBatch1Ms > 0.0);
        QVERIFY(trained.throughputPerSecond > 0.0);
        QVERIFY(trained.parameters > 0);
        QCOMPARE(trained.measuredOn.size(), std::size_t(10)); // YYYY-MM-DD
        QCOMPARE(trained.confusion.size(), std::size_t(4));
        double total = 0;
        for (const auto &row : trained.confusion)
            for (double count : row)
                total += count;
        QCOMPARE(total, 64.0); // the test part
        QCOMPARE(trained.accuracy, storedEvaluation(m_source));
        for (const CompressionVariant &variant : m_variants.variants) {
            const roi::MeasuredRun measured = measureRun(variant.runId, m_options);
            QCOMPARE(measured.technique.empty(), false);
            QCOMPARE(measured.trainingSeconds.has_value(), measured.precision != "int8");
        }
    }

    void imageBundlesStayVersionOneAndRefuseText()
    {
        const std::string bytes = ModelBundle::exportRun(m_source, m_options);
        torch::serialize::InputArchive archive;
        archive.load_from(bytes.data(), bytes.size());
        c10::IValue metaText;
        archive.read("meta", metaText);
        // Builds that read only version 1 still load the bundles of image and table models.
        const nlohmann::json meta = nlohmann::json::parse(metaText.toStringRef());
        QCOMPARE(meta.at("version").get<int>(), 1);
        QVERIFY(!meta.contains("text_inputs") && !meta.contains("text"));

        const DeployedModel model = DeployedModel::fromBytes(bytes, "run");
        QVERIFY(!model.meta().textInputs);
        const std::string message =
            testdata::errorMessage([&] { model.textProbabilities({"a sentence"}); });
        QVERIFY2(message.find("takes images, not text") != std::string::npos, message.c_str());
    }

    void badFilesAreNamedWithTheReason()
    {
        const std::string garbage = path("garbage.mfmodel");
        testdata::writeBytes(garbage, "not a model");
        QVERIFY(testdata::errorMessage([&] {
                    DeployedModel::load(garbage);
                }).find("garbage.mfmodel") != std::string::npos);

        const std::string truncated = path("truncated.mfmodel");
        const std::string bytes = ModelBundle::exportRun(m_source, m_options);
        testdata::writeBytes(truncated, bytes.substr(0, bytes.size() / 2));
        const std::string message = testdata::errorMessage([&] { DeployedModel::load(truncated); });
        QVERIFY2(message.find("truncated.mfmodel") != std::string::npos, message.c_str());

        const std::string image = path("broken.png");
        testdata::writeBytes(image, "\x89PNG broken");
        QVERIFY(testdata::errorMessage([&] {
                    readImageForModel(image, {1, 8, 8});
                }).find("broken.png: cannot decode image") != std::string::npos);
        QVERIFY(testdata::errorMessage([&] {
                    readImageForModel(path("absent.png"), {1, 8, 8});
                }).find("no such file") != std::string::npos);

        const DeployedModel model = DeployedModel::load(path("dense.mfmodel"));
        QVERIFY(testdata::errorMessage([&] {
                    model.probabilities(torch::zeros({1, 3, 8, 8}, torch::kUInt8));
                }).find("[1, 8, 8]") != std::string::npos);
        QVERIFY(testdata::errorMessage([&] {
                    ModelBundle::exportRun(999, m_options);
                }).find("no run 999") != std::string::npos);
    }
};

MF_TEST_GUILESS_MAIN(TestModelBundle)
#include "tst_modelbundle.moc"
