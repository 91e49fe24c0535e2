#include "core/compress/quantengine.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <set>
#include <string>

using namespace mf;

class TestQuantEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offersEngines()
    {
        const auto engines = quantEngines();
        QVERIFY2(!engines.empty(), "this LibTorch build offers no int8 engine");
        std::set<std::string> names;
        for (c10::QEngine engine : engines) {
            QVERIFY(engine != c10::QEngine::NoQEngine);
            QVERIFY(quantEngineOffered(engine));
            names.insert(quantEngineName(engine));
            QVERIFY(quantEngineFromName(quantEngineName(engine)) == engine);
        }
        QCOMPARE(names.size(), engines.size());
        QVERIFY(quantEngines(true).size() >= engines.size());
    }

    void setsEachEngine_data()
    {
        QTest::addColumn<QString>("engine");
        for (c10::QEngine engine : quantEngines(true))
            QTest::newRow(quantEngineName(engine)) << QString(quantEngineName(engine));
    }

    /// Each listed engine becomes the current one, and the guard restores the one before.
    void setsEachEngine()
    {
        QFETCH(QString, engine);
        const c10::QEngine wanted = quantEngineFromName(engine.toStdString());
        const c10::QEngine before = currentQuantEngine();
        try {
            QuantEngineGuard guard(wanted);
            QVERIFY(currentQuantEngine() == wanted);
        } catch (const std::exception &error) {
            QSKIP(qPrintable(QStringLiteral("the %1 engine is listed but cannot be selected: %2")
                                 .arg(engine, QString::fromUtf8(error.what()))));
        }
        QVERIFY(currentQuantEngine() == before);
    }

    void rejectsUnofferedEngines()
    {
        int unoffered = 0;
        for (c10::QEngine engine : {c10::QEngine::FBGEMM, c10::QEngine::QNNPACK,
                                    c10::QEngine::ONEDNN, c10::QEngine::X86}) {
            if (quantEngineOffered(engine))
                continue;
            ++unoffered;
            const c10::QEngine before = currentQuantEngine();
            QVERIFY_THROWS_EXCEPTION(ConfigError, setQuantEngine(engine));
            QVERIFY(currentQuantEngine() == before);
        }
        if (unoffered == 0)
            QSKIP("this build offers every engine, so none can be refused");
    }

    void rejectsUnknownNames()
    {
        QVERIFY_THROWS_EXCEPTION(ConfigError, quantEngineFromName("fbgem"));
        QVERIFY(quantEngineFromName("none") == c10::QEngine::NoQEngine);
        QVERIFY(quantEngineFromName("onednn") == c10::QEngine::ONEDNN);
    }
};

MF_TEST_GUILESS_MAIN(TestQuantEngine)
#include "tst_quantengine.moc"
