// A text run's model as one file: it carries the run's vocabulary and text settings, and a
// typed sentence gets the probabilities `eval` computes for the same text.
#include "core/deploy/deployedmodel.h"
#include "core/deploy/modelbundle.h"
#include "core/deploy/textlines.h"
#include "core/models/modelfactory.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/train/textrundata.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "tests/support/textrunfixture.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <cmath>
#include <filesystem>
#include <random>

using namespace mf;

namespace {

/// The class probabilities `eval` gives one document: evaluated once per class as the
/// document's true label, each cross-entropy loss is -log p(class).
std::vector<double> evalProbabilities(std::int64_t runId, const SessionOptions &options,
                                      const std::string &text)
{
    const RunStore store(Workspace{options.workspaceDir}.databasePath());
    const TrainConfig config =
        nlohmann::json::parse(store.run(runId)->configJson).get<TrainConfig>();
    const Vocabulary vocabulary = readRunVocabulary(store, runId);
    const TextRunData data = loadTextRunData(config, &vocabulary);
    const Artifact checkpoint = TrainingSession::evaluationCheckpoint(runId, options);
    std::vector<double> probabilities;
    for (std::int64_t c = 0; c < data.train.numClasses(); ++c) {
        TextDataset document;
        document.texts = {text};
        document.labels = {c};
        document.classNames = data.train.classNames;
        const Dataset encoded = encodeTextDataset(document, vocabulary, config.text);
        const EvalReport report =
            TrainingSession::evaluateCheckpoint(config, checkpoint, data.train, encoded);
        probabilities.push_back(std::exp(-report.loss));
    }
    return probabilities;
}

std::string longSentence()
{
    std::string text;
    for (int i = 0; i < 10; ++i)
        text += "the movie was quite good ";
    return text + "bad bad bad";
}

} // namespace

class TestTextBundle : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SessionOptions m_options;
    std::string m_csv;
    static constexpr const char *kPunctuated = "bag, punctuation tokens";
    std::map<std::string, std::int64_t> m_runs; ///< by model type, and kPunctuated

    std::string path(const std::string &name) const
    {
        return m_dir.path().toStdString() + "/" + name;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_csv = path("reviews.csv");
        textrunfixture::writeReviewsCsv(m_csv, 200, 1);
        m_options.workspaceDir = path("ws");
        for (const std::string type : {"bag", "gru"})
            m_runs[type] = textrunfixture::trainTextRun(m_csv, type, m_options.workspaceDir);
        // Punctuation tokens change how many tokens "GOOD!!!" is, so a typed sentence only
        // matches eval when the file carries the setting.
        TrainConfig punctuated = textrunfixture::textRunConfig(m_csv, "bag");
        punctuated.text.punctuation = true;
        m_runs[kPunctuated] = textrunfixture::trainTextRun(punctuated, m_options.workspaceDir);
    }

    void aTypedSentenceGetsTheProbabilitiesOfEval_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("text");
        for (const char *type : {"bag", "gru", kPunctuated}) {
            const auto row = [type](const char *name, const std::string &text) {
                QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(type, name)))
                    << QString::fromLatin1(type) << QString::fromStdString(text);
            };
            row("positive", "the plot was good");
            row("negative", "bad ending and bad music");
            row("case and punctuation", "GOOD!!! The Movie.");
            row("unknown words", "zeta omega lambda");
            row("longer than the sequence", longSentence());
            row("empty", "");
            row("no token", "!!! ... ???");
        }
    }

    void aTypedSentenceGetsTheProbabilitiesOfEval()
    {
        QFETCH(QString, type);
        QFETCH(QString, text);
        const std::int64_t run = m_runs.at(type.toStdString());
        const DeployedModel model =
            DeployedModel::fromBytes(ModelBundle::exportRun(run, m_options), "run");
        const torch::Tensor typed = model.textProbabilities({text.toStdString()});
        QCOMPARE(typed.sizes().vec(), (std::vector<std::int64_t>{1, 2}));
        QVERIFY(std::abs(typed.sum().item<double>() - 1.0) < 1e-6);
        const std::vector<double> evaluated = evalProbabilities(run, m_options, text.toStdString());
        for (std::int64_t c = 0; c < 2; ++c)
            QVERIFY2(std::abs(typed[0][c].item<double>() - evaluated[static_cast<std::size_t>(c)]) <
                         1e-6,
                     qPrintable(QStringLiteral("class %1: %2 typed, %3 by eval")
                                    .arg(c)
                                    .arg(typed[0][c].item<double>(), 0, 'g', 10)
                                    .arg(evaluated[static_cast<std::size_t>(c)], 0, 'g', 10)));
    }

    void theDecidingWordDecidesAndBatchesChangeNothing()
    {
        const DeployedModel model =
            DeployedModel::fromBytes(ModelBundle::exportRun(m_runs.at("gru"), m_options), "run");
        QCOMPARE(model.meta().classNames, (std::vector<std::string>{"neg", "pos"}));
        const std::vector<std::string> texts = {"the movie was good", "the movie was bad", "",
                                                "scene music good ending"};
        const torch::Tensor together = model.textProbabilities(texts);
        QCOMPARE(together.sizes().vec(), (std::vector<std::int64_t>{4, 2}));
        QCOMPARE(together[0].argmax().item<std::int64_t>(), std::int64_t(1));
        QCOMPARE(together[1].argmax().item<std::int64_t>(), std::int64_t(0));
        QCOMPARE(together[3].argmax().item<std::int64_t>(), std::int64_t(1));
        for (std::size_t i = 0; i < texts.size(); ++i)
            QVERIFY(torch::allclose(together[static_cast<std::int64_t>(i)],
                                    model.textProbabilities({texts[i]})[0], 0.0, 1e-6));
        QCOMPARE(model.textProbabilities({}).sizes().vec(), (std::vector<std::int64_t>{0, 2}));

        const torch::Tensor ids = model.textIds({"good " + longSentence()});
        QCOMPARE(ids.sizes().vec(), (std::vector<std::int64_t>{1, 12}));
        QVERIFY(model.textIds({""}).eq(Vocabulary::kPadId).all().item<bool>());
        QVERIFY(torch::equal(model.probabilities(ids),
                             model.textProbabilities({"good " + longSentence()})));
    }

    void anExportedFileReloadsAndPredictsTheSame()
    {
        const std::int64_t run = m_runs.at("bag");
        const std::string file = path("bag.mfmodel");
        const ModelBundleMeta written = ModelBundle::exportRunTo(run, m_options, file);
        QCOMPARE(written.formatVersion, ModelBundleMeta::kTextFormatVersion);
        QVERIFY(written.textInputs);
        QVERIFY(!written.tableInputs);

        const DeployedModel loaded = DeployedModel::load(file);
        const ModelBundleMeta &meta = loaded.meta();
        QCOMPARE(meta.formatVersion, 2);
        QVERIFY(meta.textInputs);
        QCOMPARE(meta.sampleShape, (std::vector<std::int64_t>{12}));
        QCOMPARE(meta.text.sequenceLength, std::int64_t(12));
        QCOMPARE(meta.text.tokenizer, std::string("words"));
        QVERIFY(meta.text.lowerCase);
        QVERIFY(!meta.text.punctuation);
        QVERIFY(DeployedModel::fromBytes(ModelBundle::exportRun(m_runs.at(kPunctuated), m_options),
                                         "run")
                    .meta()
                    .text.punctuation);
        QCOMPARE(meta.classNames, (std::vector<std::string>{"neg", "pos"}));

        // The dataset is gone: the file alone holds the vocabulary.
        std::filesystem::rename(m_csv, m_csv + ".moved");
        const std::vector<std::string> texts = {"the plot was good", "bad music", "GOOD"};
        const torch::Tensor fromFile = loaded.textProbabilities(texts);
        std::filesystem::rename(m_csv + ".moved", m_csv);
        const DeployedModel inMemory =
            DeployedModel::fromBytes(ModelBundle::exportRun(run, m_options), "run");
        QVERIFY(torch::equal(fromFile, inMemory.textProbabilities(texts)));

        const RunStore store(Workspace{m_options.workspaceDir}.databasePath());
        const Vocabulary vocabulary = readRunVocabulary(store, run);
        const torch::Tensor ids = loaded.textIds({"the plot was good"});
        QCOMPARE(ids[0][3].item<std::int64_t>(), vocabulary.id("good"));
        QCOMPARE(ids[0][4].item<std::int64_t>(), Vocabulary::kPadId);
        const EvalReport evaluated = loaded.evaluate(
            loadTextRunData(nlohmann::json::parse(store.run(run)->configJson).get<TrainConfig>(),
                            &vocabulary)
                .validation);
        QCOMPARE(evaluated.accuracy,
                 TrainingSession::evaluateRun(run, m_options, EvalSplit::Validation).accuracy);
    }

    void aBundleEvaluatesLabelledTextsAsTheRunDoes()
    {
        // An aclImdb folder: its test part is evaluated from the file as `eval RUN` does.
        const std::string dir = path("imdb");
        std::mt19937 random(5);
        for (const char *folder : {"/train/pos", "/train/neg", "/test/pos", "/test/neg"})
            std::filesystem::create_directories(dir + folder);
        for (const auto &[part, count] : {std::pair{"train", 120}, {"test", 30}})
            for (int i = 0; i < count; ++i) {
                const bool positive = i % 2 == 0;
                testdata::writeBytes(dir + "/" + part + (positive ? "/pos/" : "/neg/") +
                                         std::to_string(i) + ".txt",
                                     textrunfixture::review(random, positive));
            }
        SessionOptions options;
        options.workspaceDir = path("ws-imdb");
        const std::int64_t run = textrunfixture::trainTextRun(dir, "bag", options.workspaceDir);
        const std::string file = path("imdb.mfmodel");
        ModelBundle::exportRunTo(run, options, file);
        const DeployedModel model = DeployedModel::load(file);
        const EvalReport fromFile = model.evaluateTexts(*loadTextDataset(dir).test);
        const EvalReport fromRun = TrainingSession::evaluateRun(run, options, EvalSplit::Test);
        QCOMPARE(fromFile.samples, std::int64_t(30));
        QCOMPARE(fromFile.accuracy, fromRun.accuracy);
        QVERIFY(std::abs(fromFile.loss - fromRun.loss) < 1e-6);
        QCOMPARE(fromFile.classNames, (std::vector<std::string>{"neg", "pos"}));

        Dataset table;
        table.kind = DatasetKind::Table;
        table.inputs = torch::zeros({2, 12});
        table.labels = torch::zeros({2}, torch::kInt64);
        table.classNames = {"a", "b"};
        table.source = "rows.csv";
        const std::string message = testdata::errorMessage([&] { model.evaluate(table); });
        QVERIFY2(message.find("takes text; rows.csv holds table rows") != std::string::npos,
                 message.c_str());
    }

    void aTextModelAskedForImagesSaysSo()
    {
        const DeployedModel model =
            DeployedModel::fromBytes(ModelBundle::exportRun(m_runs.at("bag"), m_options), "run");
        const std::string floats = testdata::errorMessage([&] {
            model.probabilities(torch::zeros({1, 12}, torch::kFloat32));
        });
        QVERIFY2(floats.find("takes text") != std::string::npos, floats.c_str());
        const std::string images = testdata::errorMessage([&] {
            model.probabilities(torch::zeros({1, 1, 8, 8}, torch::kUInt8));
        });
        QVERIFY2(images.find("[12]") != std::string::npos, images.c_str());
    }

    void brokenTextBundlesAreNamed()
    {
        const std::string bytes = ModelBundle::exportRun(m_runs.at("bag"), m_options);
        torch::serialize::InputArchive archive;
        archive.load_from(bytes.data(), bytes.size());
        c10::IValue metaText;
        archive.read("meta", metaText);

        const auto bundleWith = [&](const c10::optional<std::string> &vocabulary) {
            torch::serialize::OutputArchive out;
            out.write("meta", metaText);
            if (vocabulary)
                out.write("vocabulary", c10::IValue(*vocabulary));
            std::ostringstream stream;
            out.save_to(stream);
            return stream.str();
        };
        const std::string none = testdata::errorMessage(
            [&] { DeployedModel::fromBytes(bundleWith(c10::nullopt), "novocab.mfmodel"); });
        QVERIFY2(none.find("novocab.mfmodel") != std::string::npos &&
                     none.find("holds no vocabulary") != std::string::npos,
                 none.c_str());
        const std::string broken = testdata::errorMessage([&] {
            DeployedModel::fromBytes(bundleWith(std::string("{\"tokens\": [\"x\"]}")),
                                     "badvocab.mfmodel");
        });
        QVERIFY2(broken.find("badvocab.mfmodel") != std::string::npos &&
                     broken.find("not a valid vocabulary") != std::string::npos,
                 broken.c_str());

        const std::string vocabularyText = bundleWith(Vocabulary().toJson().dump());
        const std::string weightless = testdata::errorMessage(
            [&] { DeployedModel::fromBytes(vocabularyText, "noweights.mfmodel"); });
        QVERIFY2(weightless.find("noweights.mfmodel") != std::string::npos &&
                     weightless.find("no weights") != std::string::npos,
                 weightless.c_str());

        nlohmann::json meta = nlohmann::json::parse(metaText.toStringRef());
        meta["text"]["sequence_length"] = 5;
        const std::string mismatch = testdata::errorMessage(
            [&] { ModelBundleMeta::fromJson(meta.dump(), "shape.mfmodel"); });
        QVERIFY2(mismatch.find("shape.mfmodel") != std::string::npos &&
                     mismatch.find("sequence length") != std::string::npos,
                 mismatch.c_str());
        meta["version"] = 3;
        const std::string newer =
            testdata::errorMessage([&] { ModelBundleMeta::fromJson(meta.dump(), "new.mfmodel"); });
        QVERIFY2(newer.find("newer") != std::string::npos, newer.c_str());
    }

    void aVariantWithoutItsOwnVocabularyReadsItsSourceRuns()
    {
        const std::int64_t source = m_runs.at("bag");
        RunStore store(Workspace{m_options.workspaceDir}.databasePath());
        RunRecord record = *store.run(source);
        record.id = 0;
        const std::int64_t variant =
            store.createRun(record, {{kParentRunParam, std::to_string(source)}});
        for (Artifact artifact : store.artifacts(source))
            if (artifact.kind == "checkpoint") {
                artifact.id = 0;
                artifact.runId = variant;
                store.addArtifact(artifact);
            }
        store.setStatus(variant, RunStatus::Finished);
        const DeployedModel model =
            DeployedModel::fromBytes(ModelBundle::exportRun(variant, m_options), "variant");
        const DeployedModel original =
            DeployedModel::fromBytes(ModelBundle::exportRun(source, m_options), "source");
        QVERIFY(torch::equal(model.textIds({"the plot was good"}),
                             original.textIds({"the plot was good"})));
    }

    void aPretrainingRunHasNoClassifierToExport()
    {
        RunStore store(Workspace{m_options.workspaceDir}.databasePath());
        RunRecord pretraining = *store.run(m_runs.at("gru"));
        pretraining.id = 0;
        auto config = nlohmann::json::parse(pretraining.configJson);
        config["objective"] = "masked_tokens";
        pretraining.configJson = config.dump();
        const std::int64_t run = store.createRun(pretraining);
        store.setStatus(run, RunStatus::Finished);
        const std::string message =
            testdata::errorMessage([&] { ModelBundle::exportRun(run, m_options); });
        QVERIFY2(message.find("pre-trains an encoder") != std::string::npos &&
                     message.find("fine-tune") != std::string::npos,
                 message.c_str());
    }

    void anEmptyTextHasADefinedAnswerForEveryTextModel_data()
    {
        QTest::addColumn<QString>("type");
        for (const char *type : {"rnn", "gru", "lstm", "bag", "textcnn", "transformer"})
            QTest::newRow(type) << QString::fromLatin1(type);
    }

    void anEmptyTextHasADefinedAnswerForEveryTextModel()
    {
        QFETCH(QString, type);
        nlohmann::json spec = defaultModelSpec(type.toStdString());
        spec["vocab_size"] = 20;
        torch::nn::Sequential model = buildModel(spec, {12}, 3, 1);
        model->eval();
        torch::NoGradGuard noGrad;
        torch::Tensor ids = torch::zeros({2, 12}, torch::kInt64);
        ids[1][0] = 5;
        const torch::Tensor logits = model->forward(ids);
        QCOMPARE(logits.sizes().vec(), (std::vector<std::int64_t>{2, 3}));
        QVERIFY(torch::isfinite(logits).all().item<bool>());
    }

    void textFilesGiveOneDocumentPerLine()
    {
        const std::string file = path("texts.txt");
        testdata::writeBytes(file, "\xEF\xBB\xBF"
                                   "first good one\r\n\r\n   \nsecond \xFF bad\nlast");
        const std::vector<TextLine> lines = readTextLines(file);
        QCOMPARE(lines.size(), std::size_t(3));
        QCOMPARE(lines[0].line, std::int64_t(1));
        QCOMPARE(lines[0].text, std::string("first good one"));
        QCOMPARE(lines[1].line, std::int64_t(4));
        QCOMPARE(lines[1].text, std::string("second \xEF\xBF\xBD bad"));
        QCOMPARE(lines[2].line, std::int64_t(5));
        QCOMPARE(lines[2].text, std::string("last"));

        const std::string empty = path("empty.txt");
        testdata::writeBytes(empty, "");
        std::string message = testdata::errorMessage([&] { readTextLines(empty); });
        QVERIFY2(message.find("empty.txt") != std::string::npos &&
                     message.find("empty") != std::string::npos,
                 message.c_str());
        const std::string blank = path("blank.txt");
        testdata::writeBytes(blank, "\n  \n\t\n");
        message = testdata::errorMessage([&] { readTextLines(blank); });
        QVERIFY2(message.find("blank.txt") != std::string::npos &&
                     message.find("blank lines") != std::string::npos,
                 message.c_str());
        message = testdata::errorMessage([&] { readTextLines(path("absent.txt")); });
        QVERIFY2(message.find("absent.txt") != std::string::npos, message.c_str());
    }
};

MF_TEST_GUILESS_MAIN(TestTextBundle)
#include "tst_textbundle.moc"
