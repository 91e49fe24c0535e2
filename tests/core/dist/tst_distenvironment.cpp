#include "core/dist/distenvironment.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <map>
#include <string>

namespace {

using Variables = std::map<std::string, std::string>;

std::optional<mf::DistEnvironment> readFrom(const Variables &variables)
{
    return mf::DistEnvironment::read([&](const char *name) -> const char * {
        const auto found = variables.find(name);
        return found == variables.end() ? nullptr : found->second.c_str();
    });
}

std::string errorOf(const Variables &variables)
{
    return mf::testdata::errorMessage([&] { readFrom(variables); });
}

const Variables kComplete{{"RANK", "1"},
                          {"WORLD_SIZE", "4"},
                          {"LOCAL_RANK", "0"},
                          {"MASTER_ADDR", "10.0.0.2"},
                          {"MASTER_PORT", "29500"}};

Variables without(const std::string &name)
{
    Variables variables = kComplete;
    variables.erase(name);
    return variables;
}

Variables with(const std::string &name, const std::string &value)
{
    Variables variables = kComplete;
    variables[name] = value;
    return variables;
}

} // namespace

class TestDistEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noVariablesIsASingleProcess() { QVERIFY(!readFrom({}).has_value()); }

    void torchrunsContractIsRead()
    {
        const std::optional<mf::DistEnvironment> environment = readFrom(kComplete);
        QVERIFY(environment.has_value());
        QCOMPARE(environment->rank, 1);
        QCOMPARE(environment->worldSize, 4);
        QCOMPARE(environment->localRank, 0); // the second machine's first worker
        QCOMPARE(environment->masterAddress, std::string("10.0.0.2"));
        QCOMPARE(environment->masterPort, 29500);
        QCOMPARE(environment->describe(),
                 std::string("rank 1 of 4 (local 0), rendezvous at 10.0.0.2:29500"));
        // Without LOCAL_RANK a worker is taken to be alone on its machine's count.
        QCOMPARE(readFrom(without("LOCAL_RANK"))->localRank, 1);
    }

    void badValuesNameTheVariable_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value"); // "-" removes the variable
        QTest::addColumn<QString>("expected");
        QTest::newRow("no MASTER_PORT") << "MASTER_PORT"
                                        << "-"
                                        << "lacks MASTER_PORT";
        QTest::newRow("no MASTER_ADDR") << "MASTER_ADDR"
                                        << "-"
                                        << "lacks MASTER_ADDR";
        QTest::newRow("no RANK") << "RANK"
                                 << "-"
                                 << "lacks RANK";
        QTest::newRow("no WORLD_SIZE") << "WORLD_SIZE"
                                       << "-"
                                       << "lacks WORLD_SIZE";
        QTest::newRow("rank too large") << "RANK"
                                        << "4"
                                        << "RANK=4 but WORLD_SIZE=4: ranks count from 0";
        QTest::newRow("port too large") << "MASTER_PORT"
                                        << "70000"
                                        << "MASTER_PORT=70000 is outside 1..65535";
        QTest::newRow("port zero") << "MASTER_PORT"
                                   << "0"
                                   << "MASTER_PORT=0 is outside 1..65535";
        QTest::newRow("not a number") << "WORLD_SIZE"
                                      << "two"
                                      << "WORLD_SIZE=two is not a whole number";
        QTest::newRow("trailing text") << "RANK"
                                       << "1x"
                                       << "RANK=1x is not a whole number";
        QTest::newRow("negative rank") << "RANK"
                                       << "-1"
                                       << "RANK=-1 is outside 0..";
        QTest::newRow("empty world") << "WORLD_SIZE"
                                     << "0"
                                     << "WORLD_SIZE=0 is outside 1..";
    }

    void badValuesNameTheVariable()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const Variables variables = value == QStringLiteral("-")
                                        ? without(name.toStdString())
                                        : with(name.toStdString(), value.toStdString());
        const std::string message = errorOf(variables);
        QVERIFY2(message.find(expected.toStdString()) != std::string::npos, message.c_str());
    }

    void oneVariableAloneIsAnError()
    {
        // A half-set environment is a mistake, not a single process.
        const std::string message = errorOf({{"MASTER_PORT", "29500"}});
        QVERIFY2(message.find("lacks WORLD_SIZE") != std::string::npos, message.c_str());
    }
};

MF_TEST_GUILESS_MAIN(TestDistEnvironment)
#include "tst_distenvironment.moc"
