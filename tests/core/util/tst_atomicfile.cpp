#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "core/util/sha256.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

// close() of this executable: passes every call through, and while armed on one thread reports
// the first close as failed (EIO) after it has closed the descriptor, as Linux does, and records
// each descriptor closed on that thread.
std::atomic<bool> g_armed{false};
std::thread::id g_armedThread;
bool g_failNext = false;
std::vector<int> g_closed;

} // namespace

extern "C" int close(int fd)
{
    const long rc = ::syscall(SYS_close, fd);
    if (!g_armed.load() || std::this_thread::get_id() != g_armedThread)
        return static_cast<int>(rc);
    g_closed.push_back(fd);
    if (g_failNext && rc == 0) {
        g_failNext = false;
        errno = EIO;
        return -1;
    }
    return static_cast<int>(rc);
}

class TestAtomicFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacesWholeFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("a.bin")).toStdString();
        mf::writeFileAtomically(path, "first version");
        mf::writeFileAtomically(path, "second");
        QCOMPARE(QString::fromStdString(mf::readWholeFile(path)), QStringLiteral("second"));
        // No temporary file is left behind.
        int files = 0;
        for ([[maybe_unused]] const auto &entry :
             std::filesystem::directory_iterator(dir.path().toStdString()))
            ++files;
        QCOMPARE(files, 1);
    }

    void failureNamesThePathAndKeepsOldFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("a.bin")).toStdString();
        mf::writeFileAtomically(path, "first version");

        // The temporary file cannot be closed (a full disk on NFS reports it only there): the
        // error names the file, the old version stays whole, nothing is left behind, and the
        // descriptor is closed once, not a second time when it may already be another file's.
        g_closed.clear();
        g_failNext = true;
        g_armedThread = std::this_thread::get_id();
        g_armed = true;
        try {
            mf::writeFileAtomically(path, "second version");
            g_armed = false;
            QFAIL("expected an error");
        } catch (const mf::Error &error) {
            g_armed = false;
            QVERIFY2(std::string(error.what()).find(path) != std::string::npos, error.what());
            QVERIFY2(std::string(error.what()).find("cannot close") != std::string::npos,
                     error.what());
        }
        QVERIFY(!g_failNext);
        QCOMPARE(g_closed.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(mf::readWholeFile(path)), QStringLiteral("first version"));
        int files = 0;
        for ([[maybe_unused]] const auto &entry :
             std::filesystem::directory_iterator(dir.path().toStdString()))
            ++files;
        QCOMPARE(files, 1);

        const std::string missing = dir.filePath(QStringLiteral("missing/sub/b.bin")).toStdString();
        try {
            mf::writeFileAtomically(missing, "x");
            QFAIL("expected an error");
        } catch (const mf::Error &error) {
            QVERIFY(std::string(error.what()).find("missing/sub/b.bin") != std::string::npos);
        }
    }

    void sha256KnownVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934c"
                                                 "a495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9c"
                                               "b410ff61f20015ad");
    }

    void sha256KnownVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, digest);
        QCOMPARE(QString::fromStdString(
                     mf::sha256Hex(std::string_view(input.constData(), input.size()))),
                 digest);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("f")).toStdString();
        mf::writeFileAtomically(path, std::string_view(input.constData(), input.size()));
        QCOMPARE(QString::fromStdString(mf::sha256OfFile(path)), digest);
    }
};

MF_TEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
