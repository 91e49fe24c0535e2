#pragma once

#include <QCoreApplication>
#include <QString>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace mf {

struct ParallelLaunch;

/// The Train form's rows that spread a run over local processes: Processes, Parallelism (data
/// or pipeline), a pipeline's Micro-batches and Schedule, data parallelism's Batch norm
/// statistics, the Worker timeout, and a line saying how the cores are shared. All but the last
/// describe how a run is launched, not the run's configuration: the run records its world size and
/// mode as params. Batch norm statistics is the config's sync_batch_norm, which the form reads and
/// writes.
class ParallelFields
{
    Q_DECLARE_TR_FUNCTIONS(mf::ParallelFields)
public:
    /// Appends its rows to `form`.
    explicit ParallelFields(QFormLayout *form);

    QSpinBox *processesBox() const { return m_processes; }
    QComboBox *modeBox() const { return m_mode; }
    QSpinBox *microBatchesBox() const { return m_microBatches; }
    QComboBox *scheduleBox() const { return m_schedule; }
    QCheckBox *syncBatchNormBox() const { return m_syncBatchNorm; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QLabel *hintLabel() const { return m_hint; }

    ParallelLaunch launch() const;
    /// Parallelism and micro-batches matter only with several processes, micro-batches only
    /// for a pipeline; the hint follows `threads` (the form's Threads, 0 for all cores).
    void update(int threads);
    /// Why the chosen processes cannot train this configuration; empty when they can.
    QString problem(const QString &device, const QString &amp, bool textModel) const;

private:
    QSpinBox *m_processes;
    QComboBox *m_mode;
    QSpinBox *m_microBatches;
    QComboBox *m_schedule;
    QCheckBox *m_syncBatchNorm;
    QSpinBox *m_timeout; ///< seconds
    QLabel *m_hint;
};

} // namespace mf
