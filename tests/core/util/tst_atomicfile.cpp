#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "core/util/sha256.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <filesystem>

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
        const std::string path = dir.filePath(QStringLiteral("missing/sub/a.bin")).toStdString();
        try {
            mf::writeFileAtomically(path, "x");
            QFAIL("expected an error");
        } catch (const mf::Error &error) {
            QVERIFY(std::string(error.what()).find("missing/sub/a.bin") != std::string::npos);
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
