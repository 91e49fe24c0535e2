#include "app/gui/mainwindow.h"
#include "app/gui/train/trainconfigform.h"
#include "app/gui/train/trainpage.h"
#include "app/gui/train/trainpresets.h"
#include "core/train/trainconfig.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

using mf::DataKind;
using mf::FineTuneSource;
using mf::MainWindow;
using mf::TrainConfigForm;

namespace {

nlohmann::json configOf(const TrainConfigForm &form)
{
    return nlohmann::json::parse(form.configJson().toStdString());
}

/// A text CSV of two classes: "good" or "bad" decides, the other words are filler.
QString writeTextCsv(const QTemporaryDir &dir)
{
    std::string csv = "text,label\n";
    for (int i = 0; i < 20; ++i)
        csv += std::string(i % 2 ? "a bad film " : "a good film ") + std::to_string(i) + "," +
               (i % 2 ? "neg" : "pos") + "\n";
    const QString path = dir.filePath(QStringLiteral("reviews.csv"));
    mf::testdata::writeBytes(path.toStdString(), csv);
    return path;
}

bool shown(const TrainConfigForm &form, const char *key)
{
    QWidget *field = form.field(QString::fromLatin1(key));
    return field && field->isVisibleTo(&form);
}

template <typename T> T *fieldOf(const TrainConfigForm &form, const char *key)
{
    return qobject_cast<T *>(form.field(QString::fromLatin1(key)));
}

bool offered(const QComboBox *box, const QString &key)
{
    const auto *model = qobject_cast<const QStandardItemModel *>(box->model());
    return model->item(box->findData(key))->isEnabled();
}

QString tipOf(const QComboBox *box, const QString &key)
{
    return box->itemData(box->findData(key), Qt::ToolTipRole).toString();
}

FineTuneSource pretrainedRun(qint64 id, const QString &objective, const QString &type)
{
    FineTuneSource run;
    run.runId = id;
    run.name = QStringLiteral("run %1").arg(id);
    run.modelType = type;
    run.objective = objective;
    run.dataset = QStringLiteral("/data/reviews.csv");
    run.modelJson = QByteArray::fromStdString(nlohmann::json{
        {"type", type.toStdString()},
        {"vocab_size", 900},
        {"embedding_dim", 48},
        {"layers", 3},
        {"heads", 6},
        {"ff_dim", 96},
        {"max_length", 64}}.dump());
    run.textJson = QByteArray::fromStdString(
        nlohmann::json{{"sequence_length", 64}, {"tokenizer", "icu_words"}}.dump());
    return run;
}

void wheel(QWidget *widget, int notches)
{
    const QPointF local = QRectF(widget->rect()).center();
    QWheelEvent event(local, widget->mapToGlobal(local), QPoint(), QPoint(0, 120 * notches),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

} // namespace

class TestTrainConfigForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theWheelOverTheFormChangesNoSetting()
    {
        QTemporaryDir workspace;
        MainWindow window(workspace.path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showSection(MainWindow::TrainSection));
        TrainConfigForm *form = window.trainPage()->form();
        auto *scroll =
            window.trainPage()->findChild<QScrollArea *>(QStringLiteral("trainFormScroll"));
        QVERIFY(scroll);
        const QByteArray before = form->configJson();
        const QString preset = form->presetBox()->currentData().toString();
        QVERIFY(!preset.isEmpty());
        for (const char *key : {"optimizer.learning_rate", "optimizer.beta2", "model.activation"}) {
            QWidget *field = form->field(QString::fromLatin1(key));
            QVERIFY(field);
            scroll->ensureWidgetVisible(field);
            const int scrolled = scroll->verticalScrollBar()->value();
            wheel(field, -3);
            QVERIFY2(scroll->verticalScrollBar()->value() > scrolled, key);
        }
        QCOMPARE(form->configJson(), before);
        QCOMPARE(form->presetBox()->currentData().toString(), preset);
    }

    void aPresetKeepsTheDataAndItsAugmentation()
    {
        QTemporaryDir dir;
        const QString pipeline = dir.filePath(QStringLiteral("flip.json"));
        QFile file(pipeline);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"steps\": []}\n");
        file.close();
        TrainConfigForm form;
        if (!TrainConfigForm::supportsAugmentation())
            QSKIP("this build's TrainConfig has no augmentation key");
        form.setDatasetPath(dir.path());
        form.setAugmentationPath(pipeline);
        auto *validation =
            qobject_cast<QDoubleSpinBox *>(form.field(QStringLiteral("validation_fraction")));
        QVERIFY(validation);
        validation->setValue(0.25);

        // The ResNet preset names no dataset: all the data settings stay.
        QVERIFY(form.applyPreset(QStringLiteral("cifar10-resnet")));
        nlohmann::json config = configOf(form);
        QCOMPARE(QString::fromStdString(config["model"]["type"].get<std::string>()),
                 QStringLiteral("resnet"));
        QCOMPARE(QString::fromStdString(config["dataset"].get<std::string>()), dir.path());
        QCOMPARE(QString::fromStdString(config["augmentation"].get<std::string>()), pipeline);
        QCOMPARE(config["validation_fraction"].get<double>(), 0.25);

        // A Fashion-MNIST preset names its dataset; the pipeline attached to the run stays.
        QVERIFY(form.applyPreset(QStringLiteral("fashion-mnist-mlp")));
        config = configOf(form);
        QCOMPARE(QString::fromStdString(config["model"]["type"].get<std::string>()),
                 QStringLiteral("mlp"));
        QCOMPARE(QString::fromStdString(config["augmentation"].get<std::string>()), pipeline);
        QCOMPARE(config["validation_fraction"].get<double>(), 0.25);
        QVERIFY(QString::fromStdString(config["dataset"].get<std::string>())
                    .contains(QStringLiteral("fashion")));
    }

    void messagesNameTheFieldsAsTheFormLabelsThem_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("shown");
        QTest::newRow("a model key")
            << QStringLiteral("model.conv: must be an array of integers")
            << QStringLiteral("Layer widths: must be an array of integers");
        QTest::newRow("a leading word") << QStringLiteral("epochs must be at least 1")
                                        << QStringLiteral("Epochs: must be at least 1");
        QTest::newRow("two keys")
            << QStringLiteral("schedule.min_learning_rate must not exceed optimizer.learning_rate")
            << QStringLiteral("Final learning rate: must not exceed Learning rate");
        QTest::newRow("a quoted value") << QStringLiteral("optimizer.name \"lion\" is unknown")
                                        << QStringLiteral("Optimiser: \"lion\" is unknown");
        QTest::newRow("a path is not a key")
            << QStringLiteral("/data/epochs/train.csv: not a dataset the engine reads")
            << QStringLiteral("/data/epochs/train.csv: not a dataset the engine reads");
        QTest::newRow("a metric name is not a field")
            << QStringLiteral("early_stopping_metric \"val_f1\" is unknown (use val_loss)")
            << QStringLiteral("Early stopping watches: \"val_f1\" is unknown (use val_loss)");
    }

    void messagesNameTheFieldsAsTheFormLabelsThem()
    {
        QFETCH(QString, message);
        QFETCH(QString, shown);
        TrainConfigForm form;
        QCOMPARE(form.describe(message), shown);
    }

    void aFileThatIsNoDatasetIsFlaggedBeforeStart()
    {
        QTemporaryDir dir;
        const QString passwd = dir.filePath(QStringLiteral("passwd"));
        QFile file(passwd);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("root:x:0:0:root:/root:/bin/bash\n");
        file.close();
        TrainConfigForm form;
        form.setDatasetPath(passwd);
        QTRY_VERIFY_WITH_TIMEOUT(form.invalidKeys().contains(QStringLiteral("dataset")), 5000);
        const QString problems = form.problems().join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(passwd) && problems.contains(QStringLiteral("unrecognised")),
                 qPrintable(problems));

        // A folder the engine reads is not flagged, once checked.
        const std::string mnist = dir.filePath(QStringLiteral("digits")).toStdString();
        mf::testdata::writeMnistLayout(mnist, mf::testdata::makeImageSet(6, 2, 1, 4, 4, 1),
                                       mf::testdata::makeImageSet(2, 2, 1, 4, 4, 2));
        form.setDatasetPath(QString::fromStdString(mnist));
        QTest::qWait(600);
        QVERIFY2(!form.invalidKeys().contains(QStringLiteral("dataset")),
                 qPrintable(form.problems().join(QLatin1Char('\n'))));
    }

    void aTextDatasetShowsTheTextFieldsThatRoundTrip()
    {
        QTemporaryDir dir;
        const QString csv = writeTextCsv(dir);
        TrainConfigForm form;
        QVERIFY(form.applyPreset(QStringLiteral("fashion-mnist-cnn")));
        QVERIFY(shown(form, "model.layers") && shown(form, "normalize"));
        QVERIFY(!shown(form, "text.max_vocab") && !shown(form, "objective"));

        // Once the CSV reads as text, the image model gives way to a text one.
        form.setDatasetPath(csv);
        QTRY_COMPARE_WITH_TIMEOUT(form.datasetKind(), DataKind::Text, 5000);
        QCOMPARE(configOf(form)["model"]["type"].get<std::string>(), std::string("gru"));
        for (const char *key :
             {"text.max_vocab", "text.min_frequency", "text.sequence_length", "text.tokenizer",
              "text.lower_case", "text.nfkc", "text.punctuation", "objective",
              "model.embedding_dim", "model.hidden_size", "model.encoder_layers",
              "model.bidirectional", "init_from_run", "freeze_epochs"})
            QVERIFY2(shown(form, key), key);
        for (const char *key : {"model.layers", "model.fc", "model.blocks", "model.batch_norm",
                                "model.heads", "model.kernel_sizes"})
            QVERIFY2(!shown(form, key), key);
        // A text run takes a text (EDA) pipeline from the Augment section.
        QVERIFY(form.field(QStringLiteral("augmentation"))->isEnabled());
        const QString eda = dir.filePath(QStringLiteral("eda.json"));
        mf::testdata::writeBytes(eda.toStdString(),
                                 R"({"operations": [{"op": "random_swap", "alpha": 0.1}]})");
        form.setAugmentationPath(eda);
        QVERIFY(!form.field(QStringLiteral("normalize"))->isEnabled());
        auto *types = fieldOf<QComboBox>(form, "model.type");
        QVERIFY(!offered(types, QStringLiteral("cnn")) && offered(types, QStringLiteral("lstm")));
        QVERIFY2(form.problems().isEmpty(), qPrintable(form.problems().join(QLatin1Char('\n'))));

        types->setCurrentIndex(types->findData(QStringLiteral("transformer")));
        QVERIFY(shown(form, "model.heads") && !shown(form, "model.hidden_size"));
        fieldOf<QSpinBox>(form, "text.max_vocab")->setValue(500);
        fieldOf<QSpinBox>(form, "text.min_frequency")->setValue(2);
        fieldOf<QSpinBox>(form, "text.sequence_length")->setValue(48);
        auto *tokenizer = fieldOf<QComboBox>(form, "text.tokenizer");
        tokenizer->setCurrentIndex(tokenizer->findData(QStringLiteral("icu_words")));
        fieldOf<QCheckBox>(form, "text.lower_case")->setChecked(false);
        fieldOf<QCheckBox>(form, "text.nfkc")->setChecked(true);
        fieldOf<QCheckBox>(form, "text.punctuation")->setChecked(true);
        fieldOf<QSpinBox>(form, "model.embedding_dim")->setValue(32);
        fieldOf<QSpinBox>(form, "model.encoder_layers")->setValue(3);
        fieldOf<QSpinBox>(form, "model.heads")->setValue(8);
        fieldOf<QSpinBox>(form, "model.ff_dim")->setValue(80);
        fieldOf<QSpinBox>(form, "model.max_length")->setValue(64);
        auto *objective = fieldOf<QComboBox>(form, "objective");
        objective->setCurrentIndex(objective->findData(QStringLiteral("masked_tokens")));
        QVERIFY2(form.problems().isEmpty(), qPrintable(form.problems().join(QLatin1Char('\n'))));

        const auto config = configOf(form).get<mf::TrainConfig>();
        QVERIFY(config.validate().empty());
        QCOMPARE(config.text.maxVocab, std::int64_t(500));
        QCOMPARE(config.text.minFrequency, std::int64_t(2));
        QCOMPARE(config.text.sequenceLength, std::int64_t(48));
        QCOMPARE(config.text.tokenizer, std::string("icu_words"));
        QVERIFY(!config.text.lowerCase);
        QVERIFY(config.text.nfkc);
        QVERIFY(config.text.punctuation);
        QCOMPARE(config.objective, std::string("masked_tokens"));
        QCOMPARE(QString::fromStdString(config.augmentation), eda);
        const nlohmann::json expected = {{"type", "transformer"}, {"embedding_dim", 32},
                                         {"layers", 3},           {"heads", 8},
                                         {"ff_dim", 80},          {"max_length", 64},
                                         {"activation", "relu"},  {"dropout", 0.0}};
        for (const auto &[key, value] : expected.items())
            QVERIFY2(config.model[key] == value, key.c_str());
        QVERIFY(!config.model.contains("vocab_size")); // the run's vocabulary sets it

        TrainConfigForm again;
        QVERIFY(again.setConfigJson(form.configJson()));
        QCOMPARE(configOf(again), configOf(form));

        // Back to images: the model used before the text dataset returns.
        mf::testdata::writeMnistLayout(dir.filePath(QStringLiteral("digits")).toStdString(),
                                       mf::testdata::makeImageSet(6, 2, 1, 4, 4, 1),
                                       mf::testdata::makeImageSet(2, 2, 1, 4, 4, 2));
        form.setDatasetPath(dir.filePath(QStringLiteral("digits")));
        QTRY_COMPARE_WITH_TIMEOUT(form.datasetKind(), DataKind::ImagesOrTables, 5000);
        QCOMPARE(configOf(form)["model"]["type"].get<std::string>(), std::string("cnn"));
        QCOMPARE(configOf(form)["objective"].get<std::string>(), std::string("classify"));
        QVERIFY(shown(form, "model.layers") && !shown(form, "text.max_vocab"));
    }

    void eachTextTypeShowsItsOwnFields_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("fields");
        const QStringList recurrent = {"model.embedding_dim", "model.hidden_size",
                                       "model.encoder_layers", "model.bidirectional"};
        QTest::newRow("rnn") << "rnn" << recurrent;
        QTest::newRow("gru") << "gru" << recurrent;
        QTest::newRow("lstm") << "lstm" << recurrent;
        QTest::newRow("bag") << "bag" << QStringList{"model.embedding_dim", "model.pooling"};
        QTest::newRow("textcnn") << "textcnn"
                                 << QStringList{"model.embedding_dim", "model.kernel_sizes",
                                                "model.filters", "model.activation"};
        QTest::newRow("transformer")
            << "transformer"
            << QStringList{"model.embedding_dim", "model.encoder_layers", "model.heads",
                           "model.ff_dim",        "model.max_length",     "model.activation"};
    }

    void eachTextTypeShowsItsOwnFields()
    {
        QFETCH(QString, type);
        QFETCH(QStringList, fields);
        TrainConfigForm form;
        auto *types = fieldOf<QComboBox>(form, "model.type");
        types->setCurrentIndex(types->findData(type));
        const QStringList textFields = {"model.embedding_dim",  "model.hidden_size",
                                        "model.encoder_layers", "model.bidirectional",
                                        "model.pooling",        "model.kernel_sizes",
                                        "model.filters",        "model.heads",
                                        "model.ff_dim",         "model.max_length"};
        for (const QString &key : textFields)
            QCOMPARE(shown(form, key.toLatin1().constData()), fields.contains(key));
        QCOMPARE(form.field(QStringLiteral("model.activation"))->isEnabled(),
                 fields.contains(QStringLiteral("model.activation")));
        // The type's defaults, written back as a spec the engine accepts.
        const auto config = configOf(form).get<mf::TrainConfig>();
        QCOMPARE(QString::fromStdString(config.model["type"].get<std::string>()), type);
        form.setDatasetPath(QStringLiteral("/nonexistent/reviews.csv"));
        QCOMPARE(form.problems(), QStringList{"Dataset: /nonexistent/reviews.csv does not exist"});
    }

    void textProblemsNameTheirFields()
    {
        QTemporaryDir dir;
        TrainConfigForm form;
        form.setDatasetPath(writeTextCsv(dir));
        QTRY_COMPARE_WITH_TIMEOUT(form.datasetKind(), DataKind::Text, 5000);
        auto *types = fieldOf<QComboBox>(form, "model.type");
        types->setCurrentIndex(types->findData(QStringLiteral("transformer")));
        QVERIFY(form.problems().isEmpty());

        fieldOf<QSpinBox>(form, "model.heads")->setValue(5);
        QCOMPARE(form.invalidKeys(), QStringList{"model.heads"});
        QVERIFY2(form.problems()
                     .join(QLatin1Char('\n'))
                     .startsWith(QStringLiteral("Attention heads: must divide")),
                 qPrintable(form.problems().join(QLatin1Char('\n'))));
        fieldOf<QSpinBox>(form, "model.heads")->setValue(4);

        fieldOf<QSpinBox>(form, "text.sequence_length")->setValue(300);
        QCOMPARE(form.invalidKeys(), QStringList{"model.max_length"});
        fieldOf<QSpinBox>(form, "text.sequence_length")->setValue(128);

        fieldOf<QSpinBox>(form, "text.max_vocab")->setValue(1);
        QCOMPARE(form.invalidKeys(), QStringList{"text.max_vocab"});
        QVERIFY2(form.problems().constFirst().startsWith(QStringLiteral("Vocabulary size: must")),
                 qPrintable(form.problems().constFirst()));
        fieldOf<QSpinBox>(form, "text.max_vocab")->setValue(0); // no limit
        QVERIFY(form.problems().isEmpty());

        auto *objective = fieldOf<QComboBox>(form, "objective");
        objective->setCurrentIndex(objective->findData(QStringLiteral("next_token")));
        QCOMPARE(form.invalidKeys(), QStringList{"objective"});
        QVERIFY2(form.problems().constFirst().startsWith(QStringLiteral("Objective: ")),
                 qPrintable(form.problems().constFirst()));
        objective->setCurrentIndex(objective->findData(QStringLiteral("classify")));

        QVERIFY(!form.field(QStringLiteral("freeze_epochs"))->isEnabled()); // nothing loaded
        auto config = configOf(form);
        config["freeze_epochs"] = 2;
        QVERIFY(form.setConfigJson(QByteArray::fromStdString(config.dump())));
        QCOMPARE(form.invalidKeys(), QStringList{"freeze_epochs"});
        QVERIFY2(form.problems().constFirst().startsWith(
                     QStringLiteral("Freeze loaded parameters (epochs): needs Start from run")),
                 qPrintable(form.problems().constFirst()));
        QVERIFY(form.field(QStringLiteral("freeze_epochs"))->isEnabled()); // so it can be fixed
    }

    void textPresetsFillTheirSpec_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QByteArray>("expected"); // keys of the config that must have the value
        QTest::newRow("source recipe")
            << "text-simplernn"
            << QByteArray(R"({"model": {"type": "rnn", "embedding_dim": 32, "hidden_size": 32,
                 "layers": 1, "bidirectional": false}, "objective": "classify",
                 "optimizer": {"name": "rmsprop"},
                 "text": {"max_vocab": 10000, "punctuation": false}})");
        QTest::newRow("bidirectional gru")
            << "text-bigru" << QByteArray(R"({"model": {"type": "gru", "bidirectional": true},
                 "objective": "classify", "text": {"punctuation": true}})");
        QTest::newRow("textcnn") << "text-cnn"
                                 << QByteArray(
                                        R"({"model": {"type": "textcnn", "kernel_sizes": [3, 4, 5],
                 "filters": 64}, "objective": "classify", "text": {"punctuation": true}})");
        QTest::newRow("pre-train transformer")
            << "text-transformer-pretrain"
            << QByteArray(R"({"model": {"type": "transformer", "layers": 2, "heads": 4},
                 "objective": "masked_tokens", "init_from_run": 0, "freeze_epochs": 0})");
    }

    void textPresetsFillTheirSpec()
    {
        QFETCH(QString, preset);
        QFETCH(QByteArray, expected);
        QTemporaryDir dir;
        TrainConfigForm form;
        form.setDatasetPath(writeTextCsv(dir));
        QTRY_COMPARE_WITH_TIMEOUT(form.datasetKind(), DataKind::Text, 5000);
        QVERIFY(offered(form.presetBox(), preset));
        QVERIFY(form.applyPreset(preset));
        const nlohmann::json config = configOf(form);
        const nlohmann::json want = nlohmann::json::parse(expected.toStdString());
        for (const auto &[group, values] : want.items()) {
            if (!values.is_object()) {
                QVERIFY2(config[group] == values, group.c_str());
                continue;
            }
            for (const auto &[key, value] : values.items())
                QVERIFY2(config[group][key] == value, (group + "." + key).c_str());
        }
        QVERIFY(!config["model"].contains("vocab_size"));
        QCOMPARE(QString::fromStdString(config["dataset"].get<std::string>()),
                 dir.filePath(QStringLiteral("reviews.csv")));
        QVERIFY2(form.problems().isEmpty(), qPrintable(form.problems().join(QLatin1Char('\n'))));
    }

    void fineTuningPresetStartsFromTheNewestPretrainedEncoder()
    {
        QTemporaryDir dir;
        TrainConfigForm form;
        form.setDatasetPath(writeTextCsv(dir));
        QTRY_COMPARE_WITH_TIMEOUT(form.datasetKind(), DataKind::Text, 5000);
        const QString key = QStringLiteral("text-transformer-finetune");
        QVERIFY(!offered(form.presetBox(), key));
        QVERIFY2(tipOf(form.presetBox(), key).contains(QStringLiteral("Pre-train Transformer")),
                 qPrintable(tipOf(form.presetBox(), key)));
        QVERIFY(!form.applyPreset(key));

        // Newest first: a classifier, a next-token run, then two masked-token encoders.
        form.setFineTuneSources({pretrainedRun(9, QStringLiteral("classify"), "transformer"),
                                 pretrainedRun(8, QStringLiteral("next_token"), "gru"),
                                 pretrainedRun(7, QStringLiteral("masked_tokens"), "transformer"),
                                 pretrainedRun(3, QStringLiteral("masked_tokens"), "transformer")});
        auto *source = fieldOf<QComboBox>(form, "init_from_run");
        QCOMPARE(source->count(), 5);
        QCOMPARE(source->currentData().toLongLong(), qint64(0)); // "None" first
        QVERIFY(form.presetBox()->currentData().toString().isEmpty() ||
                offered(form.presetBox(), form.presetBox()->currentData().toString()));
        QVERIFY(offered(form.presetBox(), key));
        QVERIFY(form.applyPreset(key));
        const nlohmann::json config = configOf(form);
        QCOMPARE(config["init_from_run"].get<qint64>(), qint64(7));
        QCOMPARE(config["freeze_epochs"].get<int>(), 1);
        QCOMPARE(config["objective"].get<std::string>(), std::string("classify"));
        QCOMPARE(source->currentData().toLongLong(), qint64(7));
        // The encoder's own spec and tokenizer, so that every parameter and token id matches.
        const nlohmann::json parent = nlohmann::json::parse(
            pretrainedRun(7, "masked_tokens", "transformer").modelJson.toStdString());
        for (const char *specKey :
             {"type", "embedding_dim", "layers", "heads", "ff_dim", "max_length"})
            QVERIFY2(config["model"][specKey] == parent[specKey], specKey);
        QCOMPARE(config["text"]["sequence_length"].get<int>(), 64);
        QCOMPARE(config["text"]["tokenizer"].get<std::string>(), std::string("icu_words"));
        QVERIFY2(form.problems().isEmpty(), qPrintable(form.problems().join(QLatin1Char('\n'))));
    }

    void presetsOfTheOtherKindAreNotOffered()
    {
        QTemporaryDir dir;
        TrainConfigForm form;
        form.setDatasetPath(writeTextCsv(dir));
        QTRY_COMPARE_WITH_TIMEOUT(form.datasetKind(), DataKind::Text, 5000);
        for (const QString &key : {QStringLiteral("cifar10-resnet"), QStringLiteral("table-mlp")}) {
            QVERIFY2(!offered(form.presetBox(), key), qPrintable(key));
            QVERIFY(tipOf(form.presetBox(), key)
                        .contains(QStringLiteral("the chosen dataset is text")));
            QVERIFY(!form.applyPreset(key));
        }
        // A preset that brings its own dataset replaces the text one.
        QVERIFY(offered(form.presetBox(), QStringLiteral("fashion-mnist-cnn")));

        const std::string digits = dir.filePath(QStringLiteral("digits")).toStdString();
        mf::testdata::writeMnistLayout(digits, mf::testdata::makeImageSet(6, 2, 1, 4, 4, 1),
                                       mf::testdata::makeImageSet(2, 2, 1, 4, 4, 2));
        form.setDatasetPath(QString::fromStdString(digits));
        QTRY_COMPARE_WITH_TIMEOUT(form.datasetKind(), DataKind::ImagesOrTables, 5000);
        QVERIFY(offered(form.presetBox(), QStringLiteral("cifar10-resnet")));
        for (const mf::TrainPreset &preset : mf::trainPresets()) {
            if (preset.data != DataKind::Text)
                continue;
            QVERIFY2(!offered(form.presetBox(), preset.key), qPrintable(preset.key));
            QVERIFY(!form.applyPreset(preset.key));
        }
        QVERIFY(tipOf(form.presetBox(), QStringLiteral("text-cnn"))
                    .contains(QStringLiteral("Choose a text dataset first")));
    }

    void aBadFieldIsReportedByItsLabel()
    {
        TrainConfigForm form;
        auto *layers = qobject_cast<QLineEdit *>(form.field(QStringLiteral("model.layers")));
        QVERIFY(layers);
        layers->setText(QStringLiteral("32, wide"));
        QVERIFY(form.invalidKeys().contains(QStringLiteral("model.layers")));
        const QString problems = form.problems().join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QStringLiteral("Layer widths")), qPrintable(problems));
        QVERIFY2(!problems.contains(QStringLiteral("model.")), qPrintable(problems));
    }
};

MF_TEST_MAIN(TestTrainConfigForm)
#include "tst_trainconfigform.moc"
