#include "core/models/modelspec.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/text/textaugmentpipeline.h"
#include "core/train/textbatchaugmenter.h"
#include "core/train/textrundata.h"
#include "core/train/trainingsession.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "tests/support/textrunfixture.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>
#include <random>

using namespace mf;

namespace {

using textrunfixture::review;

void writeFile(const std::filesystem::path &path, const std::string &text)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

/// aclImdb layout: <dir>/{train,test}/{pos,neg}/<i>.txt.
void writeImdb(const std::string &dir, int trainCount, int testCount, std::uint32_t seed)
{
    std::mt19937 random(seed);
    for (const auto &[part, count] : {std::pair{"train", trainCount}, {"test", testCount}})
        for (int i = 0; i < count; ++i) {
            const bool positive = i % 2 == 0;
            writeFile(std::filesystem::path(dir) / part / (positive ? "pos" : "neg") /
                          (std::to_string(i) + ".txt"),
                      review(random, positive));
        }
}

Artifact vocabularyArtifact(const RunStore &store, std::int64_t runId)
{
    for (const Artifact &artifact : store.artifacts(runId))
        if (artifact.kind == kVocabularyArtifact)
            return artifact;
    return {};
}

} // namespace

class TestTextTraining : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    SessionOptions workspace(const std::string &name) const
    {
        SessionOptions options;
        options.workspaceDir = m_dir.path().toStdString() + "/ws-" + name;
        options.runName = name;
        return options;
    }

    static TrainConfig textConfig(const std::string &dataset)
    {
        TrainConfig config;
        config.dataset = dataset;
        config.model = defaultModelSpec("bag");
        config.model.erase("vocab_size"); // the session fills it in from the vocabulary
        config.model["embedding_dim"] = 16;
        config.optimizer.learningRate = 0.05;
        config.epochs = 6;
        config.batchSize = 16;
        config.validationFraction = 0.2;
        config.threads = 1;
        config.text.sequenceLength = 12;
        return config;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void csvRunTrainsAndStoresItsVocabulary()
    {
        const std::string csv = m_dir.path().toStdString() + "/reviews.csv";
        textrunfixture::writeReviewsCsv(csv, 200, 1);
        const SessionOptions options = workspace("csv");
        TrainingSession session(textConfig(csv), options);
        const SessionResult result = session.run();
        QCOMPARE(result.train.outcome, TrainOutcome::Finished);
        QVERIFY2(result.train.last.trainAccuracy > 0.9,
                 qPrintable(QString::number(result.train.last.trainAccuracy)));
        QVERIFY(result.validation.accuracy > 0.9);
        QCOMPARE(result.validation.samples, std::int64_t(40));

        RunStore store(Workspace{options.workspaceDir}.databasePath());
        const RunRecord run = *store.run(result.runId);
        QCOMPARE(run.status, RunStatus::Finished);
        const Artifact artifact = vocabularyArtifact(store, result.runId);
        QCOMPARE(artifact.path,
                 Workspace{options.workspaceDir}.runDir(result.runId) + "/vocabulary.json");
        QVERIFY(std::filesystem::exists(artifact.path));
        const Vocabulary vocabulary = readRunVocabulary(store, result.runId);
        QVERIFY(vocabulary.contains("good") && vocabulary.contains("bad"));
        // <pad>, <unk>, good, bad and the 11 filler words.
        QCOMPARE(vocabulary.size(), std::int64_t(15));
        const auto stored = nlohmann::json::parse(run.configJson);
        // One embedding row more than the vocabulary: the [MASK] token of pre-training, so that
        // every text run of a vocabulary has the same table shape.
        QCOMPARE(stored.at("model").at("vocab_size").get<std::int64_t>(), vocabulary.size() + 1);
        QCOMPARE(stored.at("text").at("sequence_length").get<std::int64_t>(), std::int64_t(12));
        QCOMPARE(store.params(result.runId).at("model.vocab_size"), std::string("16"));

        const EvalReport validation =
            TrainingSession::evaluateRun(result.runId, options, EvalSplit::Validation);
        QCOMPARE(validation.samples, std::int64_t(40));
        QVERIFY(validation.accuracy > 0.9);
        QCOMPARE(validation.classNames, (std::vector<std::string>{"neg", "pos"}));
    }

    void evaluationUsesTheStoredVocabulary()
    {
        const std::string dir = m_dir.path().toStdString() + "/imdb";
        writeImdb(dir, 160, 40, 2);
        const SessionOptions options = workspace("imdb");
        const TrainConfig config = textConfig(dir);
        TrainingSession session(config, options);
        const SessionResult result = session.run();
        QCOMPARE(result.train.outcome, TrainOutcome::Finished);
        QVERIFY(result.test.has_value());
        QVERIFY(result.test->accuracy > 0.9);
        const EvalReport before =
            TrainingSession::evaluateRun(result.runId, options, EvalSplit::Test);

        // New, frequent training words: a vocabulary rebuilt now would give other ids.
        for (const auto &entry : std::filesystem::recursive_directory_iterator(dir + "/train"))
            if (entry.is_regular_file())
                std::ofstream(entry.path(), std::ios::app) << " zeta zeta omega omega omega";
        RunStore store(Workspace{options.workspaceDir}.databasePath());
        const Vocabulary stored = readRunVocabulary(store, result.runId);
        QVERIFY(loadTextRunData(session.config()).vocabulary != stored);

        const EvalReport test =
            TrainingSession::evaluateRun(result.runId, options, EvalSplit::Test);
        QCOMPARE(test.samples, std::int64_t(40));
        QCOMPARE(test.accuracy, before.accuracy);
        QCOMPARE(test.loss, before.loss);

        const std::string path = vocabularyArtifact(store, result.runId).path;
        writeFile(path, "{\"tokens\": [\"<pad>\"");
        try {
            TrainingSession::evaluateRun(result.runId, options, EvalSplit::Test);
            QFAIL("a corrupt vocabulary was used");
        } catch (const DataError &e) {
            QCOMPARE(e.file(), path);
            QVERIFY2(QString::fromUtf8(e.what()).contains("vocabulary.json"), e.what());
        }
        std::filesystem::remove(path);
        try {
            TrainingSession::evaluateRun(result.runId, options, EvalSplit::Test);
            QFAIL("a missing vocabulary was not noticed");
        } catch (const DataError &e) {
            QCOMPARE(e.file(), path);
            QVERIFY2(QString::fromStdString(e.reason()).contains("missing"), e.what());
        }
    }

    void splitBuildsTheVocabularyFromTrainingDocumentsOnly()
    {
        const std::string csv = m_dir.path().toStdString() + "/split.csv";
        textrunfixture::writeReviewsCsv(csv, 50, 3);
        TrainConfig config = textConfig(csv);
        config.text.sequenceLength = 4; // the reviews have 6 words: the rest is cut off
        const TextRunData data = loadTextRunData(config);
        QCOMPARE(data.train.size() + data.validation.size(), std::int64_t(50));
        QCOMPARE(data.validation.size(), std::int64_t(10));
        QCOMPARE(data.train.kind, DatasetKind::Text);
        QCOMPARE(data.train.inputs.scalar_type(), torch::kInt64);
        QCOMPARE(data.train.sampleShape(), (std::vector<std::int64_t>{4}));
        QCOMPARE(data.validation.sampleShape(), (std::vector<std::int64_t>{4}));
        QVERIFY(data.train.inputs.ne(Vocabulary::kPadId).all().item<bool>());

        const TextDatasetBundle bundle = loadTextDataset(csv);
        const Tokenizer tokenizer(tokenizerOptions(config.text));
        std::vector<std::vector<std::string>> trainDocuments;
        for (std::int64_t i = 0; i < data.trainIndices.numel(); ++i)
            trainDocuments.push_back(tokenizer.tokenize(bundle.train.texts[static_cast<std::size_t>(
                data.trainIndices[i].item<int64_t>())]));
        QVERIFY(data.vocabulary ==
                Vocabulary::build(trainDocuments, config.text.minFrequency, config.text.maxVocab));

        TextDataset shortOne;
        shortOne.texts = {"good"};
        shortOne.labels = {0};
        shortOne.classNames = {"pos"};
        const Dataset padded = encodeTextDataset(shortOne, data.vocabulary, config.text);
        QCOMPARE(padded.inputs[0][0].item<std::int64_t>(), data.vocabulary.id("good"));
        QCOMPARE(padded.inputs[0][3].item<std::int64_t>(), Vocabulary::kPadId);
    }

    void modelAndDatasetKindsMustMatch()
    {
        const std::string csv = m_dir.path().toStdString() + "/kinds.csv";
        textrunfixture::writeReviewsCsv(csv, 40, 4);
        TrainConfig imageModel = textConfig(csv);
        imageModel.model = {{"type", "mlp"}, {"hidden", {8}}};
        try {
            TrainingSession(imageModel, workspace("kinds")).prepare();
            QFAIL("an image model was trained on text");
        } catch (const ConfigError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("is a text dataset"), e.what());
        }

        const std::string mnist = m_dir.path().toStdString() + "/mnist";
        testdata::writeMnistLayout(mnist, testdata::makeImageSet(32, 2, 1, 8, 8, 1),
                                   testdata::makeImageSet(8, 2, 1, 8, 8, 2));
        try {
            TrainingSession(textConfig(mnist), workspace("kinds")).prepare();
            QFAIL("a text model was trained on images");
        } catch (const ConfigError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("is not a text dataset"), e.what());
        }

        TrainConfig augmented = textConfig(csv);
        augmented.augmentation = m_dir.path().toStdString() + "/flip.json";
        writeFile(augmented.augmentation, R"({"operations": [{"op": "horizontal_flip"}]})");
        try {
            TrainingSession(augmented, workspace("kinds")).prepare();
            QFAIL("an image augmentation was applied to text");
        } catch (const ConfigError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("it is an image pipeline"), e.what());
            QVERIFY2(QString::fromUtf8(e.what()).contains("flip.json"), e.what());
        }
    }

    void textAugmentationDrawsEachEpochAndSample()
    {
        const TextAugmentPipeline pipeline = TextAugmentPipeline::fromJson(nlohmann::json::parse(
            R"({"level": "word", "operations": [{"op": "random_swap", "alpha": 0.3},
                                                 {"op": "random_deletion", "alpha": 0.2}]})"));
        const auto texts =
            std::make_shared<const std::vector<std::string>>(std::vector<std::string>{
                "the movie was good and the plot was fine", "a bad film with a bad ending"});
        const Vocabulary vocabulary = Vocabulary::build(std::vector<std::vector<std::string>>{
            Tokenizer().tokenize((*texts)[0]), Tokenizer().tokenize((*texts)[1])});
        const TextBatchAugmenter augmenter(std::make_shared<const TextAugmentPipeline>(pipeline),
                                           texts, vocabulary, TokenizerOptions{}, 12, 42);
        const torch::Tensor indices = torch::tensor(std::vector<std::int64_t>{1, 0});
        const torch::Tensor epoch1 = augmenter(indices, 1);
        QCOMPARE(epoch1.sizes().vec(), (std::vector<std::int64_t>{2, 12}));
        for (std::int64_t row = 0; row < 2; ++row) {
            const std::int64_t sample = indices[row].item<std::int64_t>();
            // What the Augment page previews for (seed, epoch, sample), encoded as training does.
            const std::vector<std::int64_t> expected = vocabulary.encodeText(
                pipeline.apply((*texts)[static_cast<std::size_t>(sample)], 42, 1, sample),
                Tokenizer(), 12);
            QVERIFY(epoch1[row].equal(torch::tensor(expected)));
        }
        QVERIFY(augmenter(indices, 1).equal(epoch1));
        QVERIFY(!augmenter(indices, 2).equal(epoch1));
    }

    void wordVectorsInitialiseTheEmbeddingAndAreCounted()
    {
        const std::string csv = m_dir.path().toStdString() + "/vectors.csv";
        textrunfixture::writeReviewsCsv(csv, 60, 6);
        TrainConfig config = textConfig(csv);
        config.epochs = 1;
        config.model["embedding_dim"] = 3;
        config.text.wordVectors = m_dir.path().toStdString() + "/vectors.txt";
        writeFile(config.text.wordVectors, "good 1 2 3\nbad -1 -2 -3\nunused 9 9 9\n");
        const SessionOptions options = workspace("vectors");
        const SessionResult result = TrainingSession(config, options).run();
        QCOMPARE(result.train.outcome, TrainOutcome::Finished);
        const RunStore store(Workspace{options.workspaceDir}.databasePath());
        const auto params = store.params(result.runId);
        QCOMPARE(params.at("word_vectors.found"), std::string("2"));
        // good and bad had vectors; the 11 filler words did not.
        QCOMPARE(params.at("word_vectors.out_of_vocabulary"), std::string("11"));
        QCOMPARE(params.at("word_vectors.dimension"), std::string("3"));

        // A line of the wrong width: the file, the line and the reason, and no run left RUNNING.
        writeFile(config.text.wordVectors, "good 1 2 3\nbad -1 -2\n");
        try {
            TrainingSession(config, options).run();
            QFAIL("a malformed word-vector file was read");
        } catch (const DataError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("vectors.txt"), e.what());
            QVERIFY2(QString::fromUtf8(e.what()).contains("line 2"), e.what());
        }
        for (const RunRecord &run : store.listRuns())
            QVERIFY(run.status != RunStatus::Running);
    }

    void textRunsTrainThroughATextPipeline()
    {
        const std::string csv = m_dir.path().toStdString() + "/eda.csv";
        textrunfixture::writeReviewsCsv(csv, 120, 5);
        TrainConfig config = textConfig(csv);
        config.augmentation = m_dir.path().toStdString() + "/eda.json";
        writeFile(config.augmentation,
                  R"({"level": "word", "operations": [{"op": "random_swap", "alpha": 0.2}]})");
        const SessionOptions options = workspace("eda");
        const SessionResult result = TrainingSession(config, options).run();
        QCOMPARE(result.train.outcome, TrainOutcome::Finished);
        QVERIFY(result.validation.accuracy > 0.9);
        const RunStore store(Workspace{options.workspaceDir}.databasePath());
        const auto stored =
            nlohmann::json::parse(store.params(result.runId).at("augmentation_pipeline"));
        QCOMPARE(stored.at("operations").at(0).at("op").get<std::string>(),
                 std::string("random_swap"));
    }
};

MF_TEST_GUILESS_MAIN(TestTextTraining)
#include "tst_texttraining.moc"
