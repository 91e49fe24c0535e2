#include "core/kernels/kernelchooser.h"
#include "core/kernels/processormodel.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

namespace {

mf::KernelKey key()
{
    mf::KernelKey k;
    k.processor = "Test CPU 9000";
    k.capability = "AVX2";
    k.torch = "1.13.0";
    k.device = "cpu";
    k.threads = 2;
    k.workload = "conv2d 32->64 on [64, 32, 14, 14] nhwc";
    return k;
}

/// Injected timings: each call returns the candidate's figure and is counted.
struct FakeTimer
{
    std::map<std::string, double> millis;
    std::map<std::string, int> calls;
    double operator()(const std::string &candidate)
    {
        ++calls[candidate];
        const auto found = millis.find(candidate);
        if (found == millis.end())
            throw std::runtime_error("not built for this processor");
        return found->second;
    }
    int total() const
    {
        int sum = 0;
        for (const auto &[name, count] : calls)
            sum += count;
        return sum;
    }
};

std::string readFile(const QString &path)
{
    std::ifstream file(path.toStdString());
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

} // namespace

class TestKernelChooser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fasterCandidateIsKept()
    {
        mf::KernelCache cache;
        mf::KernelChooser chooser(cache, {1, 3});
        FakeTimer timer{{{"aten", 5.0}, {"im2col_gemm", 3.0}, {"onednn", 4.0}}};
        const mf::KernelDecision decision =
            chooser.choose(key(), {"aten", "im2col_gemm", "onednn"}, std::ref(timer));
        QCOMPARE(decision.chosen, std::string("im2col_gemm"));
        QVERIFY(!decision.cached);
        QCOMPARE(decision.timings.size(), std::size_t(3));
        QCOMPARE(decision.millisOf("aten"), 5.0);
        QCOMPARE(decision.millisOf("onednn"), 4.0);
        // One warm-up and three timed rounds of each candidate.
        QCOMPARE(timer.calls["aten"], 4);
        QCOMPARE(timer.calls["im2col_gemm"], 4);
        QVERIFY(QString::fromStdString(decision.summary())
                    .startsWith("im2col_gemm 3.0 ms < onednn 4.0 ms < aten 5.0 ms"));
    }

    void tieGoesToTheFirstOffered()
    {
        mf::KernelCache cache;
        FakeTimer timer{{{"aten", 2.0}, {"onednn", 2.0}}};
        QCOMPARE(mf::KernelChooser(cache).choose(key(), {"aten", "onednn"}, std::ref(timer)).chosen,
                 std::string("aten"));
    }

    void oneSlowRoundDoesNotDecide()
    {
        // The median of the rounds: a single slow moment of the machine on the faster
        // candidate does not hand the decision to the slower one.
        mf::KernelCache cache;
        int round = 0;
        const auto timer = [&](const std::string &candidate) {
            if (candidate == "aten")
                return 10.0;
            return ++round == 2 ? 50.0 : 8.0; // warm-up, then timed rounds 8, 50, 8
        };
        const mf::KernelDecision decision =
            mf::KernelChooser(cache, {1, 3}).choose(key(), {"aten", "nhwc"}, timer);
        QCOMPARE(decision.chosen, std::string("nhwc"));
        QCOMPARE(decision.millisOf("nhwc"), 8.0);
    }

    void settleRunsKeepTheSwitchOutOfTheTimings()
    {
        // "fused" pays 5 ms on its first run after the other candidate ran (cold caches), and
        // is the faster once settled. Timed right after the switch it would lose.
        const auto chooseWith = [](int settle, std::vector<std::string> *order) {
            mf::KernelCache cache;
            std::string previous;
            const auto timer = [&](const std::string &candidate) {
                order->push_back(candidate);
                const bool switched = candidate != previous;
                previous = candidate;
                if (candidate == "fused")
                    return switched ? 7.0 : 2.0;
                return 3.0;
            };
            return mf::KernelChooser(cache, {1, 3, settle})
                .choose(key(), {"pool_first", "fused"}, timer);
        };
        std::vector<std::string> unsettled, settled;
        QCOMPARE(chooseWith(0, &unsettled).chosen, std::string("pool_first"));
        const mf::KernelDecision decision = chooseWith(1, &settled);
        QCOMPARE(decision.chosen, std::string("fused"));
        QCOMPARE(decision.millisOf("fused"), 2.0);
        // One warm-up round, then per timed round each candidate twice in a row.
        QCOMPARE(unsettled.size(), std::size_t(8));
        QCOMPARE(settled,
                 (std::vector<std::string>{"pool_first", "fused", "pool_first", "pool_first",
                                           "fused", "fused", "pool_first", "pool_first", "fused",
                                           "fused", "pool_first", "pool_first", "fused", "fused"}));
    }

    void decisionIsCachedAndReusedByALaterRun()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("kernel-choices.json");
        {
            mf::KernelCache cache(path.toStdString());
            FakeTimer timer{{{"aten", 9.0}, {"onednn", 4.0}}};
            QCOMPARE(
                mf::KernelChooser(cache).choose(key(), {"aten", "onednn"}, std::ref(timer)).chosen,
                std::string("onednn"));
            QVERIFY(cache.problem().empty());
        }
        // A later run opens the file: it measures nothing and takes the decision.
        mf::KernelCache cache(path.toStdString());
        FakeTimer timer{{{"aten", 1.0}, {"onednn", 4.0}}};
        const mf::KernelDecision decision =
            mf::KernelChooser(cache).choose(key(), {"aten", "onednn"}, std::ref(timer));
        QCOMPARE(timer.total(), 0);
        QVERIFY(decision.cached);
        QCOMPARE(decision.chosen, std::string("onednn"));
        QCOMPARE(decision.millisOf("aten"), 9.0);
        QVERIFY(QString::fromStdString(decision.summary()).contains("measured earlier"));
    }

    void aCandidateTheCacheNeverWeighedMeasuresAgain()
    {
        mf::KernelCache cache;
        FakeTimer before{{{"aten", 9.0}, {"onednn", 4.0}}};
        mf::KernelChooser(cache).choose(key(), {"aten", "onednn"}, std::ref(before));
        // A newer build offers a third kernel: the decision that never timed it does not stand.
        FakeTimer after{{{"aten", 9.0}, {"onednn", 4.0}, {"fused", 2.0}}};
        const mf::KernelDecision decision =
            mf::KernelChooser(cache).choose(key(), {"aten", "onednn", "fused"}, std::ref(after));
        QVERIFY(!decision.cached);
        QCOMPARE(decision.chosen, std::string("fused"));
        QVERIFY(after.total() > 0);
        // Fewer candidates than were weighed: the decision stands.
        FakeTimer fewer{{{"aten", 1.0}, {"fused", 2.0}}};
        QVERIFY(mf::KernelChooser(cache).choose(key(), {"aten", "fused"}, std::ref(fewer)).cached);
        QCOMPARE(fewer.total(), 0);
    }

    void changedProcessorShapeOrThreadsMeasureAgain_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("processor") << "processor";
        QTest::newRow("shape") << "workload";
        QTest::newRow("threads") << "threads";
        QTest::newRow("dispatch level") << "capability";
        QTest::newRow("libtorch") << "torch";
    }
    void changedProcessorShapeOrThreadsMeasureAgain()
    {
        QFETCH(QString, field);
        QTemporaryDir dir;
        const std::string path = dir.filePath("kernel-choices.json").toStdString();
        {
            mf::KernelCache cache(path);
            FakeTimer timer{{{"aten", 9.0}, {"onednn", 4.0}}};
            mf::KernelChooser(cache).choose(key(), {"aten", "onednn"}, std::ref(timer));
        }
        mf::KernelKey changed = key();
        if (field == "processor")
            changed.processor = "Other CPU 100";
        else if (field == "workload")
            changed.workload = "conv2d 32->64 on [128, 32, 14, 14] nhwc";
        else if (field == "threads")
            changed.threads = 1;
        else if (field == "capability")
            changed.capability = "AVX512";
        else
            changed.torch = "2.4.0";
        mf::KernelCache cache(path);
        FakeTimer timer{{{"aten", 1.0}, {"onednn", 4.0}}};
        const mf::KernelDecision decision =
            mf::KernelChooser(cache).choose(changed, {"aten", "onednn"}, std::ref(timer));
        QVERIFY(timer.total() > 0);
        QVERIFY(!decision.cached);
        QCOMPARE(decision.chosen, std::string("aten"));
        // Both decisions are kept, each under its own key.
        mf::KernelCache reread(path);
        QCOMPARE(reread.find(key())->chosen, std::string("onednn"));
        QCOMPARE(reread.find(changed)->chosen, std::string("aten"));
    }

    void cachedChoiceThatIsNoLongerOfferedIsMeasuredAgain()
    {
        mf::KernelCache cache;
        FakeTimer first{{{"aten", 9.0}, {"onednn", 4.0}}};
        mf::KernelChooser(cache).choose(key(), {"aten", "onednn"}, std::ref(first));
        FakeTimer second{{{"aten", 9.0}, {"im2col_gemm", 4.0}}};
        const mf::KernelDecision decision =
            mf::KernelChooser(cache).choose(key(), {"aten", "im2col_gemm"}, std::ref(second));
        QVERIFY(second.total() > 0);
        QCOMPARE(decision.chosen, std::string("im2col_gemm"));
    }

    void candidateThatCannotRunIsLeftOutWithItsReason()
    {
        mf::KernelCache cache;
        FakeTimer timer{{{"aten", 9.0}}};
        const mf::KernelDecision decision =
            mf::KernelChooser(cache).choose(key(), {"aten", "onednn"}, std::ref(timer));
        QCOMPARE(decision.chosen, std::string("aten"));
        QCOMPARE(decision.failed.at("onednn"), std::string("not built for this processor"));
        QCOMPARE(timer.calls["onednn"], 1); // never tried again after it failed
        FakeTimer none;
        QVERIFY_THROWS_EXCEPTION(
            mf::Error, mf::KernelChooser(cache).choose(key(), {"x", "y"}, std::ref(none)));
    }

    void unreadableCacheIsReportedAndReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("kernel-choices.json");
        {
            std::ofstream file(path.toStdString());
            file << "{\"decisions\": [trunc";
        }
        mf::KernelCache cache(path.toStdString());
        QVERIFY(QString::fromStdString(cache.problem()).contains(path));
        QVERIFY(QString::fromStdString(cache.problem()).contains("measuring again"));
        FakeTimer timer{{{"aten", 9.0}, {"onednn", 4.0}}};
        mf::KernelChooser(cache).choose(key(), {"aten", "onednn"}, std::ref(timer));
        const nlohmann::json stored = nlohmann::json::parse(readFile(path));
        QCOMPARE(stored.at("decisions").size(), std::size_t(1));
        QCOMPARE(stored["decisions"][0]["chosen"].get<std::string>(), std::string("onednn"));
    }

    void unwritableCacheIsReportedAndChangesNothing()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath("no-such-folder/kernel-choices.json");
        mf::KernelCache cache(missing.toStdString());
        FakeTimer timer{{{"aten", 9.0}, {"onednn", 4.0}}};
        QCOMPARE(mf::KernelChooser(cache).choose(key(), {"aten", "onednn"}, std::ref(timer)).chosen,
                 std::string("onednn"));
        QVERIFY(QString::fromStdString(cache.problem()).contains("not kept"));
        QVERIFY(!QFile::exists(missing));
    }

    void processorModelIsReadFromCpuInfo()
    {
        QCOMPARE(mf::processorModelFromCpuInfo("processor\t: 0\nvendor_id\t: AuthenticAMD\n"
                                               "model name\t: AMD EPYC 7B13\nflags\t: fpu\n"),
                 std::string("AMD EPYC 7B13"));
        QCOMPARE(mf::processorModelFromCpuInfo("processor : 0\nProcessor : ARMv7 rev 4 (v7l)\n"),
                 std::string("ARMv7 rev 4 (v7l)"));
        QCOMPARE(mf::processorModelFromCpuInfo("flags : fpu\n"), std::string());
        QVERIFY(!mf::processorModel().empty());
    }
};

MF_TEST_GUILESS_MAIN(TestKernelChooser)
#include "tst_kernelchooser.moc"
