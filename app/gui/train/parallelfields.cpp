#include "app/gui/train/parallelfields.h"

#include "app/gui/train/localtrainingjob.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

#include <chrono>
#include <thread>

namespace mf {

ParallelFields::ParallelFields(QFormLayout *form)
    : m_processes(new QSpinBox), m_mode(new QComboBox), m_microBatches(new QSpinBox),
      m_schedule(new QComboBox), m_syncBatchNorm(new QCheckBox), m_timeout(new QSpinBox),
      m_hint(new QLabel)
{
    m_processes->setRange(1, 64);
    m_processes->setObjectName(QStringLiteral("parallel.processes"));
    m_processes->setToolTip(tr("Train on this many local processes (PyTorch's c10d with Gloo): "
                               "this one and modelforge-cli workers beside it"));
    form->addRow(tr("Processes"), m_processes);

    m_mode->setObjectName(QStringLiteral("parallel.mode"));
    m_mode->addItem(tr("Data parallel"), QStringLiteral("data"));
    m_mode->setItemData(0,
                        tr("Each process trains the whole model on its share of every epoch's "
                           "data; the gradients are averaged every step"),
                        Qt::ToolTipRole);
    m_mode->addItem(tr("Pipeline"), QStringLiteral("pipeline"));
    m_mode->setItemData(1,
                        tr("Each process trains a run of the model's layers; each batch passes "
                           "through them in micro-batches"),
                        Qt::ToolTipRole);
    form->addRow(tr("Parallelism"), m_mode);

    m_microBatches->setObjectName(QStringLiteral("parallel.micro_batches"));
    m_microBatches->setRange(1, 4096);
    m_microBatches->setValue(ParallelLaunch().microBatches);
    m_microBatches->setToolTip(tr("Pipeline: the pieces each batch is cut into, so that the "
                                  "stages work at the same time"));
    form->addRow(tr("Micro-batches"), m_microBatches);

    m_schedule->setObjectName(QStringLiteral("parallel.schedule"));
    m_schedule->addItem(tr("GPipe"), QStringLiteral("gpipe"));
    m_schedule->setItemData(0,
                            tr("Every micro-batch forward, then every one backward: each "
                               "process holds the activations of all micro-batches"),
                            Qt::ToolTipRole);
    m_schedule->addItem(tr("1F1B"), QStringLiteral("1f1b"));
    m_schedule->setItemData(1,
                            tr("One forward, one backward in turn once the pipeline is full: "
                               "the same result and idle time, with at most as many "
                               "micro-batches' activations held as there are processes"),
                            Qt::ToolTipRole);
    form->addRow(tr("Schedule"), m_schedule);

    m_syncBatchNorm->setText(tr("Over every process's batch"));
    m_syncBatchNorm->setToolTip(tr("Data parallel: batch norm normalises by the mean and "
                                   "variance of all processes' samples, as one process "
                                   "training on the whole batch would (one more exchange per "
                                   "batch-norm layer). Off: each process uses its own batch's"));
    form->addRow(tr("Batch norm statistics"), m_syncBatchNorm);

    m_timeout->setObjectName(QStringLiteral("parallel.timeout"));
    m_timeout->setRange(5, 86400);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(static_cast<int>(
        std::chrono::duration_cast<std::chrono::seconds>(ParallelLaunch().timeout).count()));
    m_timeout->setToolTip(tr("How long a process waits for the others: one that died or hangs "
                             "fails the run after this long, and the others are stopped"));
    form->addRow(tr("Worker timeout"), m_timeout);

    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_hint);
}

ParallelLaunch ParallelFields::launch() const
{
    ParallelLaunch launch;
    launch.processes = m_processes->value();
    launch.mode = m_mode->currentData().toString().toStdString();
    launch.microBatches = m_microBatches->value();
    launch.schedule = m_schedule->currentData().toString().toStdString();
    launch.timeout = std::chrono::seconds(m_timeout->value());
    return launch;
}

void ParallelFields::update(int threads)
{
    const int processes = m_processes->value();
    m_mode->setEnabled(processes > 1);
    m_timeout->setEnabled(processes > 1);
    const bool pipeline =
        processes > 1 && m_mode->currentData().toString() == QLatin1String("pipeline");
    m_microBatches->setEnabled(pipeline);
    m_schedule->setEnabled(pipeline);
    // A value loaded from a config stays editable, so it can be turned off.
    m_syncBatchNorm->setEnabled((processes > 1 && !pipeline) || m_syncBatchNorm->isChecked());
    if (processes == 1) {
        m_hint->clear();
        m_hint->hide();
        return;
    }
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int each = threads > 0 ? threads : LocalWorkers::threadsPerWorker(processes);
    QString text = tr("%1 processes × %2 thread(s) on %3 cores; each process loads the data "
                      "itself, and a run on several processes cannot pause.")
                       .arg(processes)
                       .arg(each)
                       .arg(cores);
    if (processes * each > cores)
        text += QLatin1Char(' ') + tr("More threads than cores: the processes will slow each "
                                      "other down.");
    else if (processes >= cores)
        text += QLatin1Char(' ') + tr("Processes pay off when each has several cores; with "
                                      "one core each, one process with all cores is often "
                                      "faster.");
    m_hint->setText(text);
    m_hint->show();
}

QString ParallelFields::problem(const QString &device, const QString &amp, bool textModel) const
{
    if (m_processes->value() == 1)
        return QString();
    if (device != QLatin1String("cpu"))
        return tr("Processes: runs on several processes train on the CPU (Gloo); choose the "
                  "CPU as the device");
    if (m_mode->currentData().toString() != QLatin1String("pipeline"))
        return QString();
    if (textModel)
        return tr("Parallelism: a pipeline splits image and table models only (MLP, CNN); "
                  "train text models data-parallel");
    if (amp != QLatin1String("off"))
        return tr("Parallelism: a pipeline trains in float32 only; turn mixed precision off");
    if (m_syncBatchNorm->isChecked())
        return tr("Batch norm statistics: synchronised statistics span data-parallel "
                  "processes; turn them off for a pipeline");
    return QString();
}

} // namespace mf
