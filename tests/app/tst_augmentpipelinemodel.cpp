// The Augment page's pipeline editing: the operation catalog, the pipeline model, the
// parameter form and the editor's buttons.
#include "app/gui/augment/operationcatalog.h"
#include "app/gui/augment/parameterform.h"
#include "app/gui/augment/pipelineeditor.h"
#include "app/gui/augment/pipelinemodel.h"
#include "core/augment/augmentfactory.h"
#include "core/augment/augmentpipeline.h"
#include "tests/support/testsuite.h"

#include <QAbstractItemModelTester>
#include <QDoubleSpinBox>
#include <QListView>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest/QtTest>

using namespace mf;

namespace {

QStringList operationsOf(const PipelineModel &model)
{
    QStringList names;
    const nlohmann::json json = model.pipeline()->toJson();
    for (const nlohmann::json &spec : json.at("operations"))
        names.append(QString::fromStdString(spec.at("op").get<std::string>()));
    return names;
}

} // namespace

class TestAugmentPipelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogDescribesEveryOperation()
    {
        QCOMPARE(OperationCatalog::names().size(),
                 static_cast<qsizetype>(augmentOperationNames().size()));
        for (const std::string &name : augmentOperationNames()) {
            const QString op = QString::fromStdString(name);
            QVERIFY2(OperationCatalog::title(op) != op, name.c_str());
            QVERIFY2(!OperationCatalog::description(op).isEmpty(), name.c_str());
            // The form edits exactly the keys the operation writes out.
            const nlohmann::json defaults = makeAugmentOperation(name)->toJson();
            QSet<QString> expected;
            for (const auto &item : defaults.items())
                if (item.key() != "op" && item.key() != "probability")
                    expected.insert(QString::fromStdString(item.key()));
            QSet<QString> described;
            for (const OperationParameter &parameter : OperationCatalog::parameters(op)) {
                described.insert(parameter.key);
                QVERIFY2(parameter.minimum <= parameter.maximum, qPrintable(parameter.key));
                QVERIFY2(!parameter.label.isEmpty(), qPrintable(parameter.key));
                // The defaults lie inside the form's ranges.
                const nlohmann::json &value = defaults.at(parameter.key.toStdString());
                const std::vector<double> numbers =
                    value.is_array()    ? value.get<std::vector<double>>()
                    : value.is_number() ? std::vector<double>{value.get<double>()}
                                        : std::vector<double>{};
                for (double number : numbers)
                    QVERIFY2(number >= parameter.minimum && number <= parameter.maximum,
                             qPrintable(op + QLatin1Char('.') + parameter.key));
            }
            QCOMPARE(described, expected);
        }
    }

    void addMoveEnableRemove()
    {
        PipelineModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &PipelineModel::pipelineChanged);
        QCOMPARE(model.addOperation(QStringLiteral("random_crop")), 0);
        QCOMPARE(model.addOperation(QStringLiteral("horizontal_flip")), 1);
        QCOMPARE(model.addOperation(QStringLiteral("brightness")), 2);
        QCOMPARE(model.addOperation(QStringLiteral("no_such_op")), -1);
        QCOMPARE(changed.count(), 3);
        QCOMPARE(operationsOf(model),
                 (QStringList{"random_crop", "horizontal_flip", "brightness"}));

        QVERIFY(model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0));
        QCOMPARE(operationsOf(model),
                 (QStringList{"brightness", "random_crop", "horizontal_flip"}));
        QVERIFY(model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3));
        QCOMPARE(operationsOf(model),
                 (QStringList{"random_crop", "horizontal_flip", "brightness"}));
        QVERIFY(!model.moveRows(QModelIndex(), 1, 1, QModelIndex(), 1));
        QCOMPARE(changed.count(), 5);

        QVERIFY(model.setData(model.index(1), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.index(1).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(!model.pipeline()->ops()[1].enabled);
        QCOMPARE(changed.count(), 6);

        QVERIFY(model.removeRows(0, 1));
        QCOMPARE(operationsOf(model), (QStringList{"horizontal_flip", "brightness"}));
        QCOMPARE(changed.count(), 7);
        QVERIFY(model.index(1).data().toString().startsWith(OperationCatalog::title("brightness")));
    }

    void parametersAreCheckedBeforeTheyApply()
    {
        PipelineModel model;
        model.addOperation(QStringLiteral("gaussian_blur"));
        QSignalSpy changed(&model, &PipelineModel::pipelineChanged);
        QCOMPARE(
            model.setParameter(0, QStringLiteral("kernel_size"), QVariant::fromValue(qlonglong(5))),
            QString());
        QCOMPARE(model.parameter(0, QStringLiteral("kernel_size")).toLongLong(), 5);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.pipeline()->toJson().at("operations")[0].at("kernel_size").get<int>(), 5);

        const QString refusal =
            model.setParameter(0, QStringLiteral("kernel_size"), QVariant::fromValue(qlonglong(4)));
        QVERIFY2(refusal.startsWith(QStringLiteral("kernel_size: must be odd")),
                 qPrintable(refusal));
        QCOMPARE(model.parameter(0, QStringLiteral("kernel_size")).toLongLong(), 5);
        QCOMPARE(changed.count(), 1);

        const QString interval =
            model.setParameter(0, QStringLiteral("sigma"), QVariantList{2.0, 1.0});
        QVERIFY2(interval.startsWith(QStringLiteral("sigma:")), qPrintable(interval));
        QCOMPARE(model.setParameter(0, QStringLiteral("probability"), 0.25), QString());
        QCOMPARE(model.pipeline()->ops()[0].operation->probability(), 0.25);
    }

    void setPipelineReplacesTheRows()
    {
        PipelineModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const nlohmann::json json = nlohmann::json::parse(R"({"operations": [
            {"op": "rotation", "degrees": [-5, 5], "probability": 0.5},
            {"op": "normalize", "mean": [0.1, 0.2, 0.3], "std": [0.5], "enabled": false}]})");
        model.setPipeline(AugmentPipeline::fromJson(json));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.pipeline()->toJson(), AugmentPipeline::fromJson(json).toJson());
        QCOMPARE(model.parameter(1, QStringLiteral("mean")).toList().size(), 3);
        QCOMPARE(model.index(1).data(PipelineModel::EnabledRole).toBool(), false);
    }

    void theFormEditsTheSelectedStep()
    {
        PipelineModel model;
        model.addOperation(QStringLiteral("rotation"));
        model.addOperation(QStringLiteral("random_crop"));
        ParameterForm form(&model);
        form.setRow(0);
        auto *slider = form.findChild<QSlider *>(QStringLiteral("probabilitySlider"));
        auto *spin = form.findChild<QDoubleSpinBox *>(QStringLiteral("probabilitySpin"));
        auto *from = form.findChild<QDoubleSpinBox *>(QStringLiteral("param_degrees_0"));
        auto *to = form.findChild<QDoubleSpinBox *>(QStringLiteral("param_degrees_1"));
        QVERIFY(slider && spin && from && to);

        QSignalSpy changed(&model, &PipelineModel::pipelineChanged);
        slider->setValue(40);
        QCOMPARE(spin->value(), 0.4);
        QCOMPARE(model.parameter(0, QStringLiteral("probability")).toDouble(), 0.4);
        // Moving one end past the other keeps the interval ordered.
        to->setValue(-30.0);
        QCOMPARE(from->value(), -30.0);
        QCOMPARE(model.parameter(0, QStringLiteral("degrees")).toList(),
                 (QVariantList{-30.0, -30.0}));
        QVERIFY(changed.count() >= 2);
        QVERIFY(form.errorText().isEmpty());

        form.setRow(1);
        auto *padding = form.findChild<QSpinBox *>(QStringLiteral("param_padding"));
        QVERIFY(padding);
        padding->setValue(7);
        QCOMPARE(model.parameter(1, QStringLiteral("padding")).toLongLong(), 7);

        // A loaded value beyond the form's range widens the range instead of being clipped.
        QCOMPARE(
            model.setParameter(1, QStringLiteral("padding"), QVariant::fromValue(qlonglong(300))),
            QString());
        form.setRow(1);
        QCOMPARE(form.findChild<QSpinBox *>(QStringLiteral("param_padding"))->value(), 300);
    }

    void theEditorButtonsMoveAndRemove()
    {
        PipelineModel model;
        PipelineEditor editor(&model);
        editor.addOperation(QStringLiteral("random_crop"));
        editor.addOperation(QStringLiteral("horizontal_flip"));
        editor.addOperation(QStringLiteral("contrast"));
        QCOMPARE(editor.selectedRow(), 2);
        auto *up = editor.findChild<QToolButton *>(QStringLiteral("moveUpButton"));
        auto *down = editor.findChild<QToolButton *>(QStringLiteral("moveDownButton"));
        auto *remove = editor.findChild<QToolButton *>(QStringLiteral("removeStepButton"));
        QVERIFY(up && down && remove);
        QVERIFY(!down->isEnabled());
        up->click();
        QCOMPARE(operationsOf(model), (QStringList{"random_crop", "contrast", "horizontal_flip"}));
        QCOMPARE(editor.selectedRow(), 1);
        QCOMPARE(editor.form()->row(), 1);
        up->click();
        QVERIFY(!up->isEnabled());
        down->click();
        down->click();
        QCOMPARE(operationsOf(model), (QStringList{"random_crop", "horizontal_flip", "contrast"}));
        editor.selectRow(0);
        remove->click();
        QCOMPARE(operationsOf(model), (QStringList{"horizontal_flip", "contrast"}));
        QCOMPARE(editor.selectedRow(), 0);
    }
};

MF_TEST_MAIN(TestAugmentPipelineModel)
#include "tst_augmentpipelinemodel.moc"
