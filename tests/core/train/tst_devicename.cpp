#include "core/train/devicename.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

class TestDeviceName : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsCpuAndCuda_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("cuda");
        QTest::addColumn<int>("index");
        QTest::newRow("cpu") << "cpu" << false << 0;
        QTest::newRow("cuda") << "cuda" << true << 0;
        QTest::newRow("cuda:0") << "cuda:0" << true << 0;
        QTest::newRow("cuda:12") << "cuda:12" << true << 12;
        QTest::newRow("three digits") << "cuda:007" << true << 7;
    }

    void readsCpuAndCuda()
    {
        QFETCH(QString, name);
        QFETCH(bool, cuda);
        QFETCH(int, index);
        const auto device = mf::parseDeviceName(name.toStdString());
        QVERIFY(device);
        QCOMPARE(device->cuda, cuda);
        QCOMPARE(device->index, index);
    }

    void refusesOtherNames()
    {
        for (const char *name :
             {"", "tpu", "CPU", "cuda:", "cuda:1234", "cuda:-1", "cuda:1a", "cuda0", " cuda"})
            QVERIFY2(!mf::parseDeviceName(name), name);
    }
};

MF_TEST_APPLESS_MAIN(TestDeviceName)
#include "tst_devicename.moc"
