#include "core/compress/studentsuggestion.h"
#include "core/models/modelfactory.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf;

class TestStudentSuggestion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void studentHasAtMostAnEighthOfTheTeachersParameters_data()
    {
        QTest::addColumn<QString>("teacher");
        QTest::newRow("default cnn") << R"({"type":"cnn"})";
        QTest::newRow("cnn with batch norm")
            << R"({"type":"cnn","conv":[64,128],"fc":[256],"batch_norm":true})";
        QTest::newRow("mlp") << R"({"type":"mlp","hidden":[1024,1024]})";
        QTest::newRow("resnet") << R"({"type":"resnet","channels":[16,32]})";
    }
    void studentHasAtMostAnEighthOfTheTeachersParameters()
    {
        QFETCH(QString, teacher);
        const nlohmann::json spec = nlohmann::json::parse(teacher.toStdString());
        const std::vector<std::int64_t> shape{1, 28, 28};
        const nlohmann::json student = suggestStudent(spec, shape, 10);
        const auto teacherParameters = parameterCount(*buildModel(spec, shape, 10, 0));
        const auto studentParameters = parameterCount(*buildModel(student, shape, 10, 0));
        QVERIFY2(studentParameters * 8 <= teacherParameters,
                 qPrintable(QString("%1 vs %2").arg(studentParameters).arg(teacherParameters)));
        // A narrower network of the teacher's kind.
        QCOMPARE(student["type"], spec["type"]);
    }

    void theTeachersOtherSettingsAreKept()
    {
        const nlohmann::json student = suggestStudent(
            {{"type", "cnn"}, {"activation", "tanh"}, {"batch_norm", true}}, {3, 32, 32}, 10);
        QCOMPARE(student["activation"], nlohmann::json("tanh"));
        QCOMPARE(student["batch_norm"], nlohmann::json(true));
    }
};

MF_TEST_GUILESS_MAIN(TestStudentSuggestion)
#include "tst_studentsuggestion.moc"
