#pragma once

#include "core/train/trainevents.h"

#include <chrono>
#include <cstdio>

namespace mf::cli {

/// Prints training progress to stderr: a redrawn progress bar (loss, samples/s, ETA) on a
/// terminal, or a plain line every few seconds and at each epoch when stderr is a file or pipe.
class ProgressReporter : public TrainerObserver
{
public:
    ProgressReporter(int totalEpochs, bool quiet);
    void onStep(const StepMetrics &step) override;
    void onEpoch(const EpochMetrics &epoch) override;
    /// Ends a bar line so later output starts on a fresh line.
    void finish();

private:
    double etaSeconds(const StepMetrics &step) const;

    int m_totalEpochs;
    bool m_quiet;
    bool m_terminal;
    bool m_barOpen = false;
    std::chrono::steady_clock::time_point m_lastPrint;
    double m_smoothedLoss = 0.0;
    bool m_haveLoss = false;
};

} // namespace mf::cli
