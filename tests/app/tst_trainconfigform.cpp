#include "app/gui/mainwindow.h"
#include "app/gui/train/trainconfigform.h"
#include "app/gui/train/trainpage.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

using mf::MainWindow;
using mf::TrainConfigForm;

namespace {

nlohmann::json configOf(const TrainConfigForm &form)
{
    return nlohmann::json::parse(form.configJson().toStdString());
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
