#include "app/gui/train/gpuusage.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using mf::GpuUsage;

class TestGpuUsage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        for (const char *name : {"FAKE_NVML_INIT_ERROR", "FAKE_NVML_DEVICES",
                                 "FAKE_NVML_UTILISATION", "FAKE_NVML_USED", "FAKE_NVML_TOTAL"})
            qunsetenv(name);
    }

    void missingLibraryIsNotAnError()
    {
        const GpuUsage usage("libnvidia-ml-that-is-not-here.so.1");
        QVERIFY(!usage.available());
        QVERIFY2(QString::fromStdString(usage.error()).startsWith("NVML is not available"),
                 usage.error().c_str());
        const GpuUsage::Sample s = usage.sample(0);
        QVERIFY(!s.known);
        QCOMPARE(s.error, usage.error());
    }

    void readsTheDevicesFigures()
    {
        qputenv("FAKE_NVML_UTILISATION", "73");
        qputenv("FAKE_NVML_USED", "3221225472");
        qputenv("FAKE_NVML_TOTAL", "17179869184");
        const GpuUsage usage(MODELFORGE_FAKE_NVML);
        QVERIFY2(usage.available(), usage.error().c_str());
        const GpuUsage::Sample s = usage.sample(0);
        QVERIFY2(s.known, s.error.c_str());
        QCOMPARE(s.name, std::string("Fake GPU"));
        QCOMPARE(s.utilisationPercent, 73u);
        QCOMPARE(s.usedBytes, std::uint64_t(3221225472ull));
        QCOMPARE(s.totalBytes, std::uint64_t(17179869184ull));
    }

    void aDeviceNvmlDoesNotHaveIsNamed()
    {
        const GpuUsage usage(MODELFORGE_FAKE_NVML);
        const GpuUsage::Sample s = usage.sample(3);
        QVERIFY(!s.known);
        QCOMPARE(s.error, std::string("NVML has no GPU 3: Invalid Argument"));
    }

    void aFailedInitialisationSaysWhy()
    {
        qputenv("FAKE_NVML_INIT_ERROR", "1");
        const GpuUsage usage(MODELFORGE_FAKE_NVML);
        QVERIFY(!usage.available());
        QCOMPARE(usage.error(), std::string("NVML did not start: Driver Not Loaded"));
    }

    void aLibraryWithoutTheEntryPointsIsRefused()
    {
        // libm is no NVML: the first symbol looked up is missing.
        const GpuUsage usage("libm.so.6");
        QVERIFY(!usage.available());
        QVERIFY2(QString::fromStdString(usage.error()).contains("lacks nvmlInit_v2"),
                 usage.error().c_str());
    }

    void cudaIndicesMapThroughVisibleDevices()
    {
        QCOMPARE(GpuUsage::nvmlIndexOf(0, nullptr), 0u);
        QCOMPARE(GpuUsage::nvmlIndexOf(1, ""), 1u);
        QCOMPARE(GpuUsage::nvmlIndexOf(0, "2,3"), 2u);
        QCOMPARE(GpuUsage::nvmlIndexOf(1, "2,3"), 3u);
        QCOMPARE(GpuUsage::nvmlIndexOf(1, "GPU-5f1c,GPU-77aa"), 1u);
    }
};

MF_TEST_MAIN(TestGpuUsage)
#include "tst_gpuusage.moc"
