#include "core/train/trainconfig.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using nlohmann::json;

namespace {

mf::TrainConfig customConfig()
{
    mf::TrainConfig c;
    c.dataset = "/data/fashion-mnist";
    c.model = {{"type", "resnet"}, {"channels", {8, 16}}, {"blocks", 2}};
    c.loss = "bce";
    c.optimizer.name = "rmsprop";
    c.optimizer.learningRate = 0.005;
    c.optimizer.momentum = 0.5;
    c.optimizer.beta1 = 0.8;
    c.optimizer.beta2 = 0.99;
    c.optimizer.epsilon = 1e-6;
    c.optimizer.alpha = 0.95;
    c.optimizer.weightDecay = 1e-4;
    c.schedule.name = "cosine";
    c.schedule.stepEpochs = 3;
    c.schedule.gamma = 0.3;
    c.schedule.warmupSteps = 100;
    c.schedule.minLearningRate = 1e-5;
    c.schedule.maxLearningRate = 0.05;
    c.schedule.pctStart = 0.25;
    c.l1 = 1e-5;
    c.l2 = 2e-4;
    c.clipGradNorm = 5.0;
    c.epochs = 30;
    c.batchSize = 128;
    c.validationFraction = 0.2;
    c.earlyStoppingPatience = 4;
    c.earlyStoppingMetric = "val_loss";
    c.seed = 18446744073709551615ull; // the largest seed survives the trip
    c.threads = 3;
    c.device = "cuda:1";
    c.amp = "fp16";
    c.cudnnBenchmark = true;
    c.syncBatchNorm = true;
    c.normalize = false;
    c.augmentation = "/pipelines/crop-flip.json";
    c.text.maxVocab = 5000;
    c.text.minFrequency = 3;
    c.text.sequenceLength = 64;
    c.text.tokenizer = "icu_words";
    c.text.lowerCase = false;
    c.text.nfkc = true;
    c.text.punctuation = true;
    c.objective = "classify";
    c.initFromRun = 7;
    c.freezeEpochs = 1;
    return c;
}

bool contains(const std::vector<std::string> &problems, const std::string &text)
{
    for (const auto &p : problems)
        if (p.find(text) != std::string::npos)
            return true;
    return false;
}

std::string joined(const std::vector<std::string> &problems)
{
    std::string all;
    for (const auto &p : problems)
        all += p + "; ";
    return all;
}

} // namespace

class TestTrainConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const mf::TrainConfig original = customConfig();
        const json j = original;
        const std::string text = j.dump();
        const auto back = json::parse(text).get<mf::TrainConfig>();

        QCOMPARE(back.dataset, original.dataset);
        QCOMPARE(back.model, original.model);
        QCOMPARE(back.loss, original.loss);
        QCOMPARE(back.optimizer.name, original.optimizer.name);
        QCOMPARE(back.optimizer.learningRate, original.optimizer.learningRate);
        QCOMPARE(back.optimizer.effectiveMomentum(), original.optimizer.effectiveMomentum());
        QCOMPARE(back.optimizer.beta1, original.optimizer.beta1);
        QCOMPARE(back.optimizer.beta2, original.optimizer.beta2);
        QCOMPARE(back.optimizer.epsilon, original.optimizer.epsilon);
        QCOMPARE(back.optimizer.alpha, original.optimizer.alpha);
        QCOMPARE(back.optimizer.weightDecay, original.optimizer.weightDecay);
        QCOMPARE(back.schedule.name, original.schedule.name);
        QCOMPARE(back.amp, original.amp);
        QCOMPARE(back.cudnnBenchmark, original.cudnnBenchmark);
        QCOMPARE(back.syncBatchNorm, original.syncBatchNorm);
        QCOMPARE(back.schedule.stepEpochs, original.schedule.stepEpochs);
        QCOMPARE(back.schedule.gamma, original.schedule.gamma);
        QCOMPARE(back.schedule.warmupSteps, original.schedule.warmupSteps);
        QCOMPARE(back.schedule.minLearningRate, original.schedule.minLearningRate);
        QCOMPARE(back.schedule.maxLearningRate, original.schedule.maxLearningRate);
        QCOMPARE(back.schedule.pctStart, original.schedule.pctStart);
        QCOMPARE(back.l1, original.l1);
        QCOMPARE(back.l2, original.l2);
        QCOMPARE(back.clipGradNorm, original.clipGradNorm);
        QCOMPARE(back.epochs, original.epochs);
        QCOMPARE(back.batchSize, original.batchSize);
        QCOMPARE(back.validationFraction, original.validationFraction);
        QCOMPARE(back.earlyStoppingPatience, original.earlyStoppingPatience);
        QCOMPARE(back.earlyStoppingMetric, original.earlyStoppingMetric);
        QCOMPARE(back.seed, original.seed);
        QCOMPARE(back.threads, original.threads);
        QCOMPARE(back.device, original.device);
        QCOMPARE(back.normalize, original.normalize);
        QCOMPARE(back.augmentation, original.augmentation);
        QCOMPARE(back.text.maxVocab, original.text.maxVocab);
        QCOMPARE(back.text.minFrequency, original.text.minFrequency);
        QCOMPARE(back.text.sequenceLength, original.text.sequenceLength);
        QCOMPARE(back.text.tokenizer, original.text.tokenizer);
        QCOMPARE(back.text.lowerCase, original.text.lowerCase);
        QCOMPARE(back.text.nfkc, original.text.nfkc);
        QCOMPARE(back.text.punctuation, original.text.punctuation);
        QCOMPARE(back.objective, original.objective);
        QCOMPARE(back.initFromRun, original.initFromRun);
        QCOMPARE(back.freezeEpochs, original.freezeEpochs);
        QCOMPARE(json(back), j);
    }

    void snakeCaseKeys()
    {
        const json j = mf::TrainConfig{};
        for (const char *key : {"dataset",
                                "model",
                                "loss",
                                "optimizer",
                                "schedule",
                                "l1",
                                "l2",
                                "clip_grad_norm",
                                "epochs",
                                "batch_size",
                                "validation_fraction",
                                "early_stopping_patience",
                                "early_stopping_metric",
                                "seed",
                                "threads",
                                "device",
                                "amp",
                                "cudnn_benchmark",
                                "sync_batch_norm",
                                "normalize",
                                "augmentation",
                                "text",
                                "objective",
                                "init_from_run",
                                "freeze_epochs"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j.size(), std::size_t(25));
        for (const char *key : {"max_vocab", "min_frequency", "sequence_length", "tokenizer",
                                "lower_case", "nfkc", "punctuation"})
            QVERIFY2(j.at("text").contains(key), key);
        QCOMPARE(j.at("text").at("max_vocab").get<std::int64_t>(), std::int64_t(20000));
        QCOMPARE(j.at("text").at("sequence_length").get<std::int64_t>(), std::int64_t(128));
        QCOMPARE(j.at("text").at("tokenizer").get<std::string>(), std::string("words"));
        QCOMPARE(j.at("augmentation").get<std::string>(), std::string());
        for (const char *key : {"name", "learning_rate", "momentum", "beta1", "beta2", "epsilon",
                                "alpha", "weight_decay"})
            QVERIFY2(j.at("optimizer").contains(key), key);
        for (const char *key : {"name", "step_epochs", "gamma", "warmup_steps", "min_learning_rate",
                                "max_learning_rate", "pct_start"})
            QVERIFY2(j.at("schedule").contains(key), key);
        QCOMPARE(j.at("optimizer").at("learning_rate").get<double>(), 1e-3);
    }

    void missingKeysKeepDefaults()
    {
        const auto c =
            json::parse(R"({"epochs": 3, "optimizer": {"name": "sgd"}})").get<mf::TrainConfig>();
        const mf::TrainConfig defaults;
        QCOMPARE(c.epochs, 3);
        QCOMPARE(c.optimizer.name, std::string("sgd"));
        QCOMPARE(c.optimizer.learningRate, defaults.optimizer.learningRate);
        QCOMPARE(c.batchSize, defaults.batchSize);
        QCOMPARE(c.model, defaults.model);
        QCOMPARE(c.schedule.name, defaults.schedule.name);
        QCOMPARE(c.seed, defaults.seed);
        // Configs written before the text section load with its defaults.
        QCOMPARE(c.text.maxVocab, std::int64_t(20000));
        QCOMPARE(c.text.minFrequency, std::int64_t(1));
        QCOMPARE(c.text.sequenceLength, std::int64_t(128));
        QCOMPARE(c.text.tokenizer, std::string("words"));
        QVERIFY(c.text.lowerCase);
        QVERIFY(!c.text.nfkc);
        QVERIFY(!c.text.punctuation);
        const auto partial =
            json::parse(R"({"text": {"sequence_length": 32}})").get<mf::TrainConfig>();
        QCOMPARE(partial.text.sequenceLength, std::int64_t(32));
        QCOMPARE(partial.text.maxVocab, std::int64_t(20000));
    }

    void unsetMomentumIsTheOptimizersOwnDefault()
    {
        const auto rmsprop =
            json::parse(R"({"optimizer": {"name": "rmsprop"}})").get<mf::TrainConfig>();
        QCOMPARE(rmsprop.optimizer.effectiveMomentum(), 0.0);
        QCOMPARE(json(rmsprop)["optimizer"]["momentum"].get<double>(), 0.0);
        const auto sgd =
            json::parse(R"({"optimizer": {"name": "momentum"}})").get<mf::TrainConfig>();
        QCOMPARE(sgd.optimizer.effectiveMomentum(), 0.9);
        const auto given = json::parse(R"({"optimizer": {"name": "rmsprop", "momentum": 0.5}})")
                               .get<mf::TrainConfig>();
        QCOMPARE(given.optimizer.effectiveMomentum(), 0.5);
    }

    void badJson_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("key");
        QTest::newRow("unknown top-level key") << R"({"learningrate": 0.1})"
                                               << "learningrate";
        QTest::newRow("unknown optimizer key") << R"({"optimizer": {"lr": 0.1}})"
                                               << "optimizer.lr";
        QTest::newRow("unknown schedule key") << R"({"schedule": {"steps": 3}})"
                                              << "schedule.steps";
        QTest::newRow("unknown text key") << R"({"text": {"vocab": 3}})"
                                          << "text.vocab";
        QTest::newRow("epochs as text") << R"({"epochs": "ten"})"
                                        << "epochs";
        QTest::newRow("fractional batch size") << R"({"batch_size": 12.5})"
                                               << "batch_size";
        QTest::newRow("rate as text") << R"({"optimizer": {"learning_rate": "0.1"}})"
                                      << "optimizer.learning_rate";
        QTest::newRow("warmup as float") << R"({"schedule": {"warmup_steps": 0.5}})"
                                         << "schedule.warmup_steps";
        QTest::newRow("normalize as number") << R"({"normalize": 1})"
                                             << "normalize";
        QTest::newRow("model as text") << R"({"model": "cnn"})"
                                       << "model";
        QTest::newRow("optimizer as text") << R"({"optimizer": "adam"})"
                                           << "optimizer";
        QTest::newRow("negative seed") << R"({"seed": -1})"
                                       << "seed";
        QTest::newRow("device as number") << R"({"device": 0})"
                                          << "device";
        QTest::newRow("augmentation as object") << R"({"augmentation": {"operations": []}})"
                                                << "augmentation";
        QTest::newRow("not an object") << R"([1, 2])"
                                       << "configuration";
    }

    void badJson()
    {
        QFETCH(QString, text);
        QFETCH(QString, key);
        try {
            json::parse(text.toStdString()).get<mf::TrainConfig>();
            QFAIL("expected mf::ConfigError");
        } catch (const mf::ConfigError &error) {
            QVERIFY2(std::string(error.what()).rfind(key.toStdString() + ":", 0) == 0,
                     error.what());
        }
    }

    void standaloneStructs()
    {
        mf::OptimizerConfig o;
        o.name = "adamw";
        o.weightDecay = 0.01;
        QCOMPARE(json(o).get<mf::OptimizerConfig>().weightDecay, 0.01);
        mf::ScheduleConfig s;
        s.name = "onecycle";
        s.pctStart = 0.4;
        const auto back = json(s).get<mf::ScheduleConfig>();
        QCOMPARE(back.name, std::string("onecycle"));
        QCOMPARE(back.pctStart, 0.4);
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError,
                                 json::parse(R"({"gamma": true})").get<mf::ScheduleConfig>());
    }

    void validConfigsHaveNoProblems()
    {
        mf::TrainConfig c;
        c.dataset = "data";
        QVERIFY2(c.validate().empty(), joined(c.validate()).c_str());
        const auto custom = customConfig();
        QVERIFY2(custom.validate().empty(), joined(custom.validate()).c_str());
        for (const char *device : {"cpu", "cuda", "cuda:0", "cuda:12"}) {
            c.device = device;
            QVERIFY2(c.validate().empty(), device);
        }
    }

    void validate_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("message");
        QTest::newRow("no dataset") << R"({"dataset": ""})"
                                    << "dataset must name";
        QTest::newRow("epochs") << R"({"epochs": 0})"
                                << "epochs must be at least 1";
        QTest::newRow("batch size") << R"({"batch_size": -4})"
                                    << "batch_size must be at least 1";
        QTest::newRow("validation fraction") << R"({"validation_fraction": 1.0})"
                                             << "validation_fraction must be";
        QTest::newRow("no validation split") << R"({"validation_fraction": 0})"
                                             << "validation_fraction must be above 0";
        QTest::newRow("loss") << R"({"loss": "hinge"})"
                              << "loss \"hinge\" is unknown";
        QTest::newRow("optimizer") << R"({"optimizer": {"name": "lbfgs"}})"
                                   << "optimizer.name \"lbfgs\" is unknown";
        QTest::newRow("learning rate") << R"({"optimizer": {"learning_rate": 0}})"
                                       << "optimizer.learning_rate must be greater than 0";
        QTest::newRow("beta") << R"({"optimizer": {"beta2": 1.0}})"
                              << "optimizer.beta2";
        QTest::newRow("nesterov without momentum")
            << R"({"optimizer": {"name": "nesterov", "momentum": 0}})"
            << "optimizer.momentum";
        QTest::newRow("weight decay") << R"({"optimizer": {"weight_decay": -1}})"
                                      << "optimizer.weight_decay";
        QTest::newRow("schedule") << R"({"schedule": {"name": "exponential"}})"
                                  << "schedule.name \"exponential\" is unknown";
        QTest::newRow("step epochs") << R"({"schedule": {"step_epochs": 0}})"
                                     << "schedule.step_epochs must be at least 1";
        QTest::newRow("gamma") << R"({"schedule": {"gamma": 0}})"
                               << "schedule.gamma";
        QTest::newRow("pct start") << R"({"schedule": {"pct_start": 0}})"
                                   << "schedule.pct_start";
        QTest::newRow("warmup") << R"({"schedule": {"warmup_steps": -5}})"
                                << "schedule.warmup_steps";
        QTest::newRow("cosine floor above rate")
            << R"({"schedule": {"name": "cosine", "min_learning_rate": 0.5}})"
            << "schedule.min_learning_rate must not exceed";
        QTest::newRow("l1") << R"({"l1": -0.1})"
                            << "l1 must not be negative";
        QTest::newRow("l2") << R"({"l2": -0.1})"
                            << "l2 must not be negative";
        QTest::newRow("clip") << R"({"clip_grad_norm": -1})"
                              << "clip_grad_norm";
        QTest::newRow("patience") << R"({"early_stopping_patience": -1})"
                                  << "early_stopping_patience";
        QTest::newRow("metric") << R"({"early_stopping_metric": "f1"})"
                                << "early_stopping_metric \"f1\" is unknown";
        QTest::newRow("threads") << R"({"threads": -2})"
                                 << "threads must not be negative";
        QTest::newRow("device name") << R"({"device": "gpu"})"
                                     << "device \"gpu\" is unknown";
        QTest::newRow("device index") << R"({"device": "cuda:x"})"
                                      << "device \"cuda:x\"";
        QTest::newRow("model type") << R"({"model": {"type": "gpt"}})"
                                    << "model.type";
        QTest::newRow("sequence length") << R"({"text": {"sequence_length": 0}})"
                                         << "text.sequence_length must be between 1 and";
        QTest::newRow("tokenizer") << R"({"text": {"tokenizer": "bpe"}})"
                                   << "text.tokenizer \"bpe\" is unknown";
        QTest::newRow("min frequency") << R"({"text": {"min_frequency": 0}})"
                                       << "text.min_frequency must be at least 1";
        QTest::newRow("max vocab") << R"({"text": {"max_vocab": 1}})"
                                   << "text.max_vocab must be at least 2";
        QTest::newRow("model key") << R"({"model": {"type": "cnn", "kernel": 0}})"
                                   << "model.kernel";
        QTest::newRow("model unknown key") << R"({"model": {"type": "mlp", "depth": 3}})"
                                           << "model.depth";
        QTest::newRow("amp") << R"({"amp": "int8"})"
                             << "amp \"int8\" is unknown (use off, bf16 or fp16)";
        QTest::newRow("fp16 on the cpu") << R"({"amp": "fp16"})"
                                         << "amp fp16 needs a CUDA device";
    }

    void validate()
    {
        QFETCH(QString, patch);
        QFETCH(QString, message);
        json j = mf::TrainConfig{};
        j["dataset"] = "data";
        j.merge_patch(json::parse(patch.toStdString()));
        const auto problems = j.get<mf::TrainConfig>().validate();
        QVERIFY2(contains(problems, message.toStdString()), joined(problems).c_str());
        QCOMPARE(problems.size(), std::size_t(1));
    }

    void textModelMayLeaveTheVocabularySizeOut()
    {
        mf::TrainConfig c;
        c.dataset = "reviews.csv";
        c.model = {{"type", "gru"}, {"hidden_size", 16}};
        // The run's vocabulary decides vocab_size; the rest of the spec is still checked.
        QVERIFY2(c.validate().empty(), joined(c.validate()).c_str());
        c.model["layers"] = 0;
        QVERIFY2(contains(c.validate(), "model.layers"), joined(c.validate()).c_str());
        c.model = {{"type", "gru"}, {"vocab_size", 1}};
        QVERIFY2(contains(c.validate(), "model.vocab_size"), joined(c.validate()).c_str());
    }

    void augmentationIsReadFromItsFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        mf::TrainConfig c;
        QVERIFY(mf::readAugmentation(c).is_null());
        c.augmentation = dir.filePath("flip.json").toStdString();
        mf::testdata::writeBytes(c.augmentation, R"({"operations": [{"op": "horizontal_flip"}]})");
        const json read = mf::readAugmentation(c);
        // Every parameter is written out, so the stored copy does not depend on defaults.
        QCOMPARE(read, json::parse(R"({"operations": [{"op": "horizontal_flip", "enabled": true,
                                       "probability": 0.5}]})"));
        // Only the path is part of the configuration; validate() reads no file.
        c.dataset = "data";
        c.augmentation = dir.filePath("missing.json").toStdString();
        QVERIFY(c.validate().empty());
    }

    void augmentationErrors_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file") << QString() << ": cannot open";
        QTest::newRow("not json") << R"({"operations": [)"
                                  << ": byte 17: not valid JSON";
        QTest::newRow("bad value") << R"({"operations": [{"op": "rotation", "degrees": [-10, 10]},
                                  {"op": "horizontal_flip", "probability": 2}]})"
                                   << ": operations[1].probability: must be";
        QTest::newRow("unknown op") << R"({"operations": [{"op": "mixup"}]})"
                                    << ": operations[0].op: unknown operation \"mixup\"";
        QTest::newRow("unknown key") << R"({"operations": [{"op": "random_crop", "pad": 2}]})"
                                     << ": operations[0].pad: unknown key";
    }

    void augmentationErrors()
    {
        QFETCH(QString, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        mf::TrainConfig c;
        c.augmentation = dir.filePath("pipeline.json").toStdString();
        if (!content.isNull())
            mf::testdata::writeBytes(c.augmentation, content.toStdString());
        const std::string error = mf::testdata::errorMessage([&] { mf::readAugmentation(c); });
        const std::string expected = "augmentation: " + c.augmentation + message.toStdString();
        QVERIFY2(error.rfind(expected, 0) == 0, error.c_str());
    }

    void severalProblemsAreAllReported()
    {
        mf::TrainConfig c;
        c.dataset = "data";
        c.epochs = 0;
        c.batchSize = 0;
        c.device = "tpu";
        QCOMPARE(c.validate().size(), std::size_t(3));
    }

    void requireValidJoinsEveryProblem()
    {
        mf::TrainConfig c;
        c.dataset = "data";
        c.requireValid();
        c.epochs = 0;
        QCOMPARE(mf::testdata::errorMessage([&] { c.requireValid(); }),
                 std::string("Invalid training configuration: epochs must be at least 1"));
        c.batchSize = 0;
        QCOMPARE(mf::testdata::errorMessage([&] { c.requireValid(); }),
                 std::string("Invalid training configuration: epochs must be at least 1; "
                             "batch_size must be at least 1"));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, c.requireValid());
    }
};

MF_TEST_GUILESS_MAIN(TestTrainConfig)
#include "tst_trainconfig.moc"
