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
        QTest::addColumn<bool>("indexed");
        QTest::newRow("cpu") << "cpu" << false << 0 << false;
        // Device 0, or a job's rank's own (LOCAL_RANK): resolveDeviceName tells them apart.
        QTest::newRow("cuda") << "cuda" << true << 0 << false;
        QTest::newRow("cuda:0") << "cuda:0" << true << 0 << true;
        QTest::newRow("cuda:12") << "cuda:12" << true << 12 << true;
        QTest::newRow("three digits") << "cuda:007" << true << 7 << true;
    }

    void readsCpuAndCuda()
    {
        QFETCH(QString, name);
        QFETCH(bool, cuda);
        QFETCH(int, index);
        QFETCH(bool, indexed);
        const auto device = mf::parseDeviceName(name.toStdString());
        QVERIFY(device);
        QCOMPARE(device->cuda, cuda);
        QCOMPARE(device->index, index);
        QCOMPARE(device->indexed, indexed);
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
