#include "core/store/runrecord.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/train/checkpoint.h"
#include "core/train/runmodel.h"
#include "core/train/textrundata.h"
#include "core/train/trainingsession.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"
#include "tests/support/textrunfixture.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>
#include <random>

using namespace mf;
using nlohmann::json;

namespace {

json transformer(std::int64_t dim)
{
    return {{"type", "transformer"}, {"embedding_dim", dim}, {"heads", 2},
            {"ff_dim", 2 * dim},     {"layers", 1},          {"max_length", 16}};
}

/// The parameters of the model in `run`'s evaluation checkpoint, by name.
std::map<std::string, torch::Tensor> checkpointParameters(const SessionOptions &options,
                                                          std::int64_t run)
{
    const Artifact checkpoint = TrainingSession::evaluationCheckpoint(run, options);
    const CheckpointHeader header = Checkpoint::readHeader(checkpoint.path);
    const TrainConfig config = json::parse(header.configJson).get<TrainConfig>();
    torch::nn::Sequential model = buildRunModel(config, header.sampleShape, header.numClasses);
    Checkpoint::load(checkpoint.path, config, header.sampleShape, header.numClasses, *model,
                     nullptr, torch::kCPU);
    std::map<std::string, torch::Tensor> out;
    for (const auto &item : model->named_parameters())
        out[item.key()] = item.value().detach().clone();
    return out;
}

} // namespace

class TestFineTune : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SessionOptions m_options;
    std::string m_csv;
    std::int64_t m_pretrained = 0;

    TrainConfig config(const json &model, const std::string &objective = "classify") const
    {
        TrainConfig c;
        c.dataset = m_csv;
        c.model = model;
        c.objective = objective;
        c.optimizer.learningRate = 0.01;
        c.epochs = 2;
        c.batchSize = 16;
        c.validationFraction = 0.2;
        c.threads = 1;
        c.text.sequenceLength = 8;
        return c;
    }

    void expectRefused(const TrainConfig &c, const std::string &part)
    {
        try {
            TrainingSession(c, m_options).prepare();
            QFAIL("the run started");
        } catch (const ConfigError &e) {
            QVERIFY2(std::string(e.what()).find(part) != std::string::npos, e.what());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_csv = m_dir.path().toStdString() + "/reviews.csv";
        textrunfixture::writeReviewsCsv(m_csv, 120, 1);
        m_options.workspaceDir = m_dir.path().toStdString() + "/ws";
        const SessionResult pretrained =
            TrainingSession(config(transformer(16), "masked_tokens"), m_options).run();
        QCOMPARE(pretrained.train.outcome, TrainOutcome::Finished);
        m_pretrained = pretrained.runId;
    }

    void fineTuningLoadsTheEncoderAndReportsTheSkippedHead()
    {
        TrainConfig child = config(transformer(16));
        child.initFromRun = m_pretrained;
        child.freezeEpochs = 2; // the whole run: the encoder must come out as it went in
        const SessionResult result = TrainingSession(child, m_options).run();
        QCOMPARE(result.train.outcome, TrainOutcome::Finished);

        const auto parent = checkpointParameters(m_options, m_pretrained);
        const auto tuned = checkpointParameters(m_options, result.runId);
        int encoder = 0;
        for (const auto &[name, tensor] : tuned) {
            if (name.rfind("encoder.", 0) == 0) {
                QVERIFY2(parent.count(name) && torch::equal(parent.at(name), tensor), name.c_str());
                ++encoder;
            }
        }
        QVERIFY(encoder > 4);
        QVERIFY(tuned.count("out.weight") && parent.count("token_head.weight"));

        const RunStore store(Workspace{m_options.workspaceDir}.databasePath());
        const auto params = store.params(result.runId);
        QCOMPARE(params.at(kParentRunParam), std::to_string(m_pretrained));
        const auto skipped = json::parse(params.at("finetune.skipped"));
        QCOMPARE(skipped, json({"token_head.weight: not in this model",
                                "token_head.bias: not in this model"}));
        QCOMPARE(json::parse(params.at("finetune.new")), json({"out.bias", "out.weight"}));
        QVERIFY(json::parse(params.at("finetune.loaded")).size() ==
                static_cast<std::size_t>(encoder));
        // The child reads tokens as its parent did.
        QCOMPARE(readRunVocabulary(store, result.runId), readRunVocabulary(store, m_pretrained));
        QVERIFY(store.runsWithParam(kParentRunParam, std::to_string(m_pretrained)) ==
                std::vector<std::int64_t>{result.runId});
    }

    void unfrozenParametersTrainAfterTheFrozenEpochs()
    {
        TrainConfig child = config(transformer(16));
        child.initFromRun = m_pretrained;
        child.freezeEpochs = 1;
        const SessionResult result = TrainingSession(child, m_options).run();
        QCOMPARE(result.train.outcome, TrainOutcome::Finished);
        const auto parent = checkpointParameters(m_options, m_pretrained);
        const auto tuned = checkpointParameters(m_options, result.runId);
        QVERIFY(!torch::equal(parent.at("encoder.embedding.weight"),
                              tuned.at("encoder.embedding.weight")));
        QVERIFY2(result.validation.accuracy > 0.8,
                 qPrintable(QString::number(result.validation.accuracy)));
    }

    void aDifferentModelTypeIsRefused()
    {
        TrainConfig child = config({{"type", "gru"}, {"bidirectional", true}});
        child.initFromRun = m_pretrained;
        expectRefused(child, "a \"gru\" model cannot start from its checkpoint");
    }

    void aModelThatMatchesNothingIsRefused()
    {
        TrainConfig child = config(transformer(32));
        child.initFromRun = m_pretrained;
        expectRefused(child, "Nothing to fine-tune from run " + std::to_string(m_pretrained));
        // Refused before a run was recorded.
        const RunStore store(Workspace{m_options.workspaceDir}.databasePath());
        for (const RunRecord &run : store.listRuns())
            QVERIFY(run.status != RunStatus::Running);
    }

    void anUnknownParentIsRefused()
    {
        TrainConfig child = config(transformer(16));
        child.initFromRun = 999;
        expectRefused(child, "There is no run 999");
    }

    void aPretrainingRunEvaluatesItsTokens()
    {
        const EvalReport report =
            TrainingSession::evaluateRun(m_pretrained, m_options, EvalSplit::Validation);
        QCOMPARE(report.tokenObjective, std::string("masked_tokens"));
        QVERIFY(report.accuracy > 0.0 && report.loss > 0.0);
    }
};

MF_TEST_GUILESS_MAIN(TestFineTune)
#include "tst_finetune.moc"
