// A trained run made smaller: each technique gives a variant run under its parent, measured.
#include "core/compress/compressionjob.h"
#include "core/compress/int8variant.h"
#include "core/compress/quantengine.h"
#include "core/compress/sparsemodelfile.h"
#include "core/models/modelfactory.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/train/checkpoint.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>

#include <QtTest/QtTest>
#include <cstdio>

using namespace mf;

namespace {

/// Stops the run it observes at its second step.
class StopAtSecondStep : public TrainerObserver
{
public:
    CompressionJob *job = nullptr;
    void onStep(const StepMetrics &step) override
    {
        if (step.step == 2)
            job->requestStop();
    }
};

std::size_t runCount(const SessionOptions &options)
{
    return RunStore(Workspace{options.workspaceDir}.databasePath()).listRuns().size();
}

} // namespace

class TestCompressionJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SessionOptions m_options;
    std::int64_t m_source = 0;
    nlohmann::json m_spec = {{"type", "cnn"}, {"conv", {8, 16}}, {"fc", {32}}};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::string dataset = m_dir.path().toStdString() + "/mnist";
        testdata::writeMnistLayout(dataset, testdata::makeImageSet(384, 4, 1, 8, 8, 1),
                                   testdata::makeImageSet(64, 4, 1, 8, 8, 2));
        TrainConfig config;
        config.dataset = dataset;
        config.model = m_spec;
        config.epochs = 2;
        config.batchSize = 32;
        config.threads = 1;
        m_options.workspaceDir = m_dir.path().toStdString() + "/ws";
        m_source = TrainingSession(config, m_options).run().runId;
    }

    void everyTechniqueMakesAVariantRunUnderItsParent()
    {
        if (quantEngines().empty())
            QSKIP("this LibTorch build offers no int8 engine");
        CompressionRequest request;
        request.sourceRun = m_source;
        request.quantize = QuantMode::Static;
        request.calibrationBatches = 2;
        request.accuracyBudget = 100.0; // speed alone decides here: the data is noise
        request.pruneSparsity = 0.8;
        request.pruneChannels = 0.5;
        request.distillStudent = nlohmann::json::object(); // the suggested student
        request.epochs = 1;
        CompressionJob job(request, m_options);
        const CompressionResult result = job.run();

        QCOMPARE(result.variants.size(), std::size_t(4));
        RunStore store(Workspace{m_options.workspaceDir}.databasePath());
        for (const CompressionVariant &variant : result.variants) {
            const auto params = store.params(variant.runId);
            QCOMPARE(params.at(kParentRunParam), std::to_string(m_source));
            QCOMPARE(params.at(kCompressionParam), variant.technique);
            QCOMPARE(store.run(variant.runId)->status, RunStatus::Finished);
            QVERIFY(std::filesystem::exists(variant.file));
            QVERIFY(variant.test.samples > 0);
            QVERIFY(variant.forward(torch::zeros({2, 1, 8, 8})).sizes() ==
                    torch::IntArrayRef({2, 4}));
        }
        std::int64_t sourceParameters = 0;
        for (const torch::Tensor &tensor : result.sourceTensors)
            sourceParameters += tensor.numel();
        const auto count = [](const std::vector<torch::Tensor> &tensors, bool nonZero) {
            std::int64_t n = 0;
            for (const torch::Tensor &t : tensors)
                n += nonZero ? (t.dequantize() != 0).sum().item<std::int64_t>() : t.numel();
            return n;
        };
        const CompressionVariant &channels = result.variants[0];
        QCOMPARE(channels.technique, std::string("channels 0.5"));
        QVERIFY(count(channels.tensors, false) < sourceParameters / 2);
        const CompressionVariant &sparse = result.variants[1];
        QCOMPARE(sparse.technique, std::string("sparsity 0.8"));
        // The weights of convolutions and linear layers are 80% zero; biases are kept.
        std::int64_t weights = 0, zeros = 0;
        for (const torch::Tensor &t : sparse.tensors)
            if (t.dim() >= 2) {
                weights += t.numel();
                zeros += (t == 0).sum().item<std::int64_t>();
            }
        QCOMPARE(zeros, std::llround(0.8 * double(weights)));
        QVERIFY(sparse.file.find("model-sparse.pt") != std::string::npos);
        auto reread = buildModel(m_spec, {1, 8, 8}, 4, 5);
        SparseModelFile::load(*reread, sparse.file);
        QCOMPARE(count(reread->parameters(), true), count(sparse.tensors, true));
        QCOMPARE(result.variants[2].technique, std::string("distilled"));
        QVERIFY(count(result.variants[2].tensors, false) * 8 <= sourceParameters);
        // Per-layer sparsity is reported.
        QVERIFY(std::any_of(sparse.notes.begin(), sparse.notes.end(), [](const std::string &note) {
            return note.rfind("conv1.weight: ", 0) == 0;
        }));
        const CompressionVariant &int8 = result.variants[3];
        QCOMPARE(int8.technique, std::string("int8 static"));
        QCOMPARE(int8.layers.size(), std::size_t(4));
        QVERIFY(!int8.engine.empty());
        QCOMPARE(store.artifacts(int8.runId).front().kind, std::string("int8-model"));
        // Evaluated again from its file, as `modelforge-cli eval` does: the same model.
        QVERIFY(isInt8Variant(int8.runId, m_options));
        QVERIFY(!isInt8Variant(channels.runId, m_options));
        const EvalReport again = evaluateInt8Variant(int8.runId, m_options);
        QCOMPARE(again.samples, int8.test.samples);
        QCOMPARE(again.accuracy, int8.test.accuracy);
        QCOMPARE(again.confusion, int8.test.confusion);
        // Training variants ship their weights alone, beside their checkpoints.
        const auto artifacts = store.artifacts(channels.runId);
        QVERIFY(std::any_of(artifacts.begin(), artifacts.end(), [&](const Artifact &a) {
            return a.kind == "model" && a.path == channels.file;
        }));
        QVERIFY(std::filesystem::exists(*result.sourceFile));
        // The source run is untouched.
        QCOMPARE(store.params(m_source).count(kCompressionParam), std::size_t(0));
    }

    void theDistillationControlIsTheSameStudentTrainedAlone()
    {
        CompressionRequest request;
        request.sourceRun = m_source;
        request.distillStudent = nlohmann::json::object();
        request.distillControl = true;
        request.epochs = 1;
        const CompressionResult result = CompressionJob(request, m_options).run();
        QCOMPARE(result.variants.size(), std::size_t(2));
        const CompressionVariant &distilled = result.variants[0];
        const CompressionVariant &alone = result.variants[1];
        QCOMPARE(distilled.technique, std::string("distilled"));
        QCOMPARE(alone.technique, std::string("student alone"));
        RunStore store(Workspace{m_options.workspaceDir}.databasePath());
        QCOMPARE(store.params(alone.runId).at(kParentRunParam), std::to_string(m_source));

        // The control is what training the student spec on the labels gives, weight for weight.
        const TrainConfig plain =
            nlohmann::json::parse(store.run(alone.runId)->configJson).get<TrainConfig>();
        QCOMPARE(plain.model,
                 nlohmann::json::parse(store.run(distilled.runId)->configJson).at("model"));
        QVERIFY(plain.model != m_spec);
        SessionOptions options = m_options;
        const std::int64_t direct = TrainingSession(plain, options).run().runId;
        auto model = buildModel(plain.model, {1, 8, 8}, 4, plain.seed);
        torch::load(model, alone.file);
        const Artifact checkpoint = TrainingSession::evaluationCheckpoint(direct, options);
        auto trained = buildModel(plain.model, {1, 8, 8}, 4, plain.seed);
        Checkpoint::load(checkpoint.path, plain, {1, 8, 8}, 4, *trained, nullptr, torch::kCPU,
                         checkpoint.sha256);
        const auto mine = model->parameters(), theirs = trained->parameters();
        QCOMPARE(mine.size(), theirs.size());
        for (std::size_t i = 0; i < mine.size(); ++i)
            QVERIFY(torch::equal(mine[i], theirs[i]));
        // ... and differs from the distilled student, which the teacher's outputs trained.
        auto student = buildModel(plain.model, {1, 8, 8}, 4, plain.seed);
        torch::load(student, distilled.file);
        QVERIFY(!torch::equal(student->parameters().back(), mine.back()));

        char expected[64];
        std::snprintf(expected, sizeof expected, "%+.2f points of test accuracy",
                      (distilled.test.accuracy - alone.test.accuracy) * 100.0);
        QVERIFY(std::any_of(distilled.notes.begin(), distilled.notes.end(),
                            [&](const std::string &note) { return note.rfind(expected, 0) == 0; }));
    }

    void aTextRunGetsADynamicInt8VariantWithItsRecurrentEncoderMeasured()
    {
        if (quantEngines().empty())
            QSKIP("this LibTorch build offers no int8 engine");
        std::string csv = "text,label\n";
        for (int i = 0; i < 160; ++i)
            csv += std::string(i % 2 ? "a fine film " : "a dull film ") + std::to_string(i % 5) +
                   (i % 2 ? ",pos\n" : ",neg\n");
        const std::string file = m_dir.path().toStdString() + "/reviews.csv";
        testdata::writeBytes(file, csv);
        TrainConfig config;
        config.dataset = file;
        config.model = {{"type", "lstm"}, {"embedding_dim", 8}, {"hidden_size", 16}};
        config.epochs = 2;
        config.batchSize = 16;
        config.threads = 1;
        config.text.sequenceLength = 6;
        const std::int64_t source = TrainingSession(config, m_options).run().runId;

        CompressionRequest request;
        request.sourceRun = source;
        request.quantize = QuantMode::Dynamic;
        request.accuracyBudget = 100.0;
        const CompressionResult result = CompressionJob(request, m_options).run();
        QCOMPARE(result.variants.size(), std::size_t(1));
        const CompressionVariant &int8 = result.variants[0];
        QCOMPARE(int8.technique, std::string("int8 dynamic"));
        // Both the LSTM and the output layer were measured in each precision; which stays
        // int8 is this machine's call.
        QCOMPARE(int8.layers.size(), std::size_t(2));
        QCOMPARE(int8.layers[0].layer, std::string("encoder"));
        QVERIFY(int8.test.samples > 0);
        const EvalReport again = evaluateInt8Variant(int8.runId, m_options, EvalSplit::Validation);
        QVERIFY(again.samples > 0);
    }

    void badRequestsAreRefusedBeforeAnythingIsWritten_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("no technique") << 0;
        QTest::newRow("sparsity 1") << 1;
        QTest::newRow("every channel") << 2;
        QTest::newRow("student that does not fit") << 3;
        QTest::newRow("unknown run") << 4;
    }
    void badRequestsAreRefusedBeforeAnythingIsWritten()
    {
        QFETCH(int, which);
        CompressionRequest request;
        request.sourceRun = m_source;
        if (which == 1)
            request.pruneSparsity = 1.0;
        if (which == 2)
            request.pruneChannels = 0.99; // conv1 has 8 channels: all 8 would go
        if (which == 3)
            request.distillStudent = nlohmann::json{{"type", "cnn"}, {"conv", {4, 4, 4, 4}}};
        if (which == 4) {
            request.sourceRun = 999;
            request.pruneChannels = 0.5;
        }
        const std::size_t before = runCount(m_options);
        QVERIFY_THROWS_EXCEPTION(ConfigError, CompressionJob(request, m_options).run());
        QCOMPARE(runCount(m_options), before);
    }

    void aStopEndsTheVariantInTrainingAndMakesNoMore()
    {
        CompressionRequest request;
        request.sourceRun = m_source;
        request.pruneChannels = 0.5;
        request.pruneSparsity = 0.5;
        request.epochs = 3;
        CompressionJob job(request, m_options);
        StopAtSecondStep stopper;
        stopper.job = &job;
        job.addObserver(&stopper);
        const CompressionResult result = job.run();
        QCOMPARE(result.variants.size(), std::size_t(1));
        RunStore store(Workspace{m_options.workspaceDir}.databasePath());
        QCOMPARE(store.run(result.variants[0].runId)->status, RunStatus::Stopped);
        QVERIFY(result.variants[0].file.empty());
    }
};

MF_TEST_GUILESS_MAIN(TestCompressionJob)
#include "tst_compressionjob.moc"
