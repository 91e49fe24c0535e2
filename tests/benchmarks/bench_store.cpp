// Run store throughput: metric points written through MetricWriter, and the run list query.
// Prints figures next to their targets; it is not a pass/fail test.
#include "core/store/metricwriter.h"
#include "core/store/runstore.h"
#include "core/util/error.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// A fresh folder under the system's temporary directory, removed on destruction.
class TemporaryDir
{
public:
    TemporaryDir()
    {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "bench_store-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
            throw mf::Error("cannot create a temporary folder from " + pattern);
        m_path = pattern;
    }
    ~TemporaryDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
};

void benchmarkMetricWrites(const std::string &dir)
{
    constexpr std::int64_t kPoints = 1000000;
    const char *keys[] = {"train_loss", "train_accuracy", "lr", "samples_per_second"};
    mf::RunStore store(dir + "/writes.db");
    mf::RunRecord run;
    run.name = "bench";
    const std::int64_t runId = store.createRun(run);

    const auto start = Clock::now();
    {
        mf::MetricWriter writer(store, runId);
        for (std::int64_t i = 0; i < kPoints; ++i) {
            mf::MetricPoint point;
            point.key = keys[i % 4];
            point.step = i / 4;
            point.epoch = static_cast<int>(i / 40000);
            point.wallSeconds = 0.001 * static_cast<double>(i);
            point.value = 1.0 / static_cast<double>(i + 1);
            writer.add(std::move(point));
        }
        writer.flush();
    }
    const double seconds = secondsSince(start);
    std::printf("metric writes: %lld points in %.3f s = %.0f points/s   (target >= 200000 "
                "points/s)\n",
                static_cast<long long>(kPoints), seconds, static_cast<double>(kPoints) / seconds);
}

void benchmarkListRuns(const std::string &dir)
{
    constexpr int kRuns = 1000;
    constexpr int kPointsPerRun = 100;
    constexpr int kCalls = 20;
    mf::RunStore store(dir + "/runs.db");
    for (int r = 0; r < kRuns; ++r) {
        mf::RunRecord run;
        run.name = "run " + std::to_string(r);
        run.model = r % 2 == 0 ? "mlp" : "cnn";
        run.configJson = R"({"epochs":10,"lr":0.01,"batch_size":64})";
        run.startedAtMs = 1700000000000 + r * 1000;
        const std::int64_t id = store.createRun(run);
        std::vector<mf::MetricPoint> points;
        for (int i = 0; i < kPointsPerRun; ++i) {
            mf::MetricPoint point;
            point.key = i % 2 == 0 ? "train_loss" : "val_accuracy";
            point.step = i / 2;
            point.epoch = i / 10;
            point.value = (i % 2 == 0 ? 1.0 : 0.01) * static_cast<double>((i * 37 + r) % 100);
            points.push_back(point);
        }
        store.appendMetrics(id, points);
        store.setStatus(id, mf::RunStatus::Finished);
    }

    std::vector<double> millis;
    std::size_t listed = 0;
    for (int call = 0; call < kCalls; ++call) {
        const auto start = Clock::now();
        listed = store.listRuns().size();
        millis.push_back(secondsSince(start) * 1000.0);
    }
    std::sort(millis.begin(), millis.end());
    const double median = (millis[kCalls / 2 - 1] + millis[kCalls / 2]) / 2.0;
    std::printf("listRuns: %zu runs x %d metric points, median of %d calls = %.2f ms (min %.2f, "
                "max %.2f)   (target < 50 ms)\n",
                listed, kPointsPerRun, kCalls, median, millis.front(), millis.back());
}

} // namespace

int main()
{
    try {
        TemporaryDir dir;
        benchmarkMetricWrites(dir.path());
        benchmarkListRuns(dir.path());
    } catch (const std::exception &error) {
        std::fprintf(stderr, "bench_store: %s\n", error.what());
        return 1;
    }
    return 0;
}
