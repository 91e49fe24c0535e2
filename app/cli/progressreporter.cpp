#include "app/cli/progressreporter.h"

#include <cmath>
#include <string>
#include <unistd.h>

namespace mf::cli {

namespace {

std::string formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return "--:--";
    const long total = std::lround(seconds);
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, (total / 60) % 60,
                      total % 60);
    else
        std::snprintf(text, sizeof text, "%02ld:%02ld", total / 60, total % 60);
    return text;
}

} // namespace

ProgressReporter::ProgressReporter(int totalEpochs, bool quiet)
    : m_totalEpochs(totalEpochs), m_quiet(quiet), m_terminal(::isatty(STDERR_FILENO) == 1)
{
}

double ProgressReporter::etaSeconds(const StepMetrics &step) const
{
    if (step.batchInEpoch <= 0 || step.batchesPerEpoch <= 0)
        return -1;
    const double stepsDone = static_cast<double>(step.epoch - 1) * step.batchesPerEpoch +
                             static_cast<double>(step.batchInEpoch);
    const double stepsTotal = static_cast<double>(m_totalEpochs) * step.batchesPerEpoch;
    // Wall time includes validation, so this ETA is conservative.
    const double secondsPerStep = step.wallSeconds / std::max(1.0, stepsDone);
    return secondsPerStep * (stepsTotal - stepsDone);
}

void ProgressReporter::onStep(const StepMetrics &step)
{
    if (m_quiet)
        return;
    m_smoothedLoss = m_haveLoss ? 0.9 * m_smoothedLoss + 0.1 * step.loss : step.loss;
    m_haveLoss = true;
    const auto now = std::chrono::steady_clock::now();
    const auto interval = m_terminal ? std::chrono::milliseconds(100) : std::chrono::seconds(5);
    if (now - m_lastPrint < interval && step.batchInEpoch != step.batchesPerEpoch)
        return;
    m_lastPrint = now;
    const double fraction =
        step.batchesPerEpoch > 0 ? double(step.batchInEpoch) / double(step.batchesPerEpoch) : 0;
    if (m_terminal) {
        constexpr int width = 24;
        const int filled = static_cast<int>(std::lround(fraction * width));
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.append(static_cast<std::size_t>(width - filled), '.');
        std::fprintf(stderr, "\r\033[Kepoch %d/%d [%s] %3.0f%%  loss %.4f  %.0f samples/s  ETA %s",
                     step.epoch, m_totalEpochs, bar.c_str(), fraction * 100, m_smoothedLoss,
                     step.samplesPerSecond, formatDuration(etaSeconds(step)).c_str());
        m_barOpen = true;
    } else {
        std::fprintf(stderr, "epoch %d/%d step %lld/%lld loss %.4f %.0f samples/s ETA %s\n",
                     step.epoch, m_totalEpochs, static_cast<long long>(step.batchInEpoch),
                     static_cast<long long>(step.batchesPerEpoch), m_smoothedLoss,
                     step.samplesPerSecond, formatDuration(etaSeconds(step)).c_str());
    }
    std::fflush(stderr);
}

void ProgressReporter::onEpoch(const EpochMetrics &epoch)
{
    if (m_quiet)
        return;
    finish();
    std::fprintf(stderr,
                 "epoch %d/%d done in %s: train loss %.4f acc %.4f | val loss %.4f acc %.4f | "
                 "%.0f samples/s\n",
                 epoch.epoch, m_totalEpochs, formatDuration(epoch.epochSeconds).c_str(),
                 epoch.trainLoss, epoch.trainAccuracy, epoch.valLoss, epoch.valAccuracy,
                 epoch.samplesPerSecond);
    std::fflush(stderr);
}

void ProgressReporter::finish()
{
    if (m_barOpen) {
        std::fputc('\n', stderr);
        m_barOpen = false;
    }
}

} // namespace mf::cli
