#include "app/gui/compress/compressrunpage.h"

#include "app/gui/compress/compresscontroller.h"
#include "app/gui/compress/compresstechniquespage.h"
#include "app/gui/format/displayformat.h"
#include "widgets/metricdashboard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace mf {

CompressRunPage::CompressRunPage(CompressController *controller,
                                 const CompressTechniquesPage *techniques, QWidget *parent)
    : QWizardPage(parent), m_controller(controller), m_techniques(techniques),
      m_variant(new QLabel), m_status(new QLabel), m_progress(new QProgressBar),
      m_cancel(new QPushButton(tr("Cancel"))), m_dashboard(new MetricDashboard)
{
    setTitle(tr("Compressing"));
    setSubTitle(tr("Variants that train show their curves here; the models are then measured "
                   "on this machine."));
    m_variant->setObjectName(QStringLiteral("compressVariantLabel"));
    m_status->setObjectName(QStringLiteral("compressStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancel->setObjectName(QStringLiteral("compressCancel"));
    m_cancel->setToolTip(tr("Stop the variant in training: its run is kept as STOPPED"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_variant, 1);
    top->addWidget(m_progress, 1);
    top->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_dashboard, 1);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_controller->stop();
        m_cancel->setEnabled(false);
        m_status->setText(tr("Stopping the variant in training…"));
    });
    connect(controller, &CompressController::variantStarted, this,
            &CompressRunPage::onVariantStarted);
    connect(controller, &CompressController::steps, this, &CompressRunPage::onSteps);
    connect(controller, &CompressController::epochEnded, this, &CompressRunPage::onEpoch);
    connect(controller, &CompressController::measuring, this, [this] {
        if (m_state != State::Running)
            return;
        setState(State::Measuring);
        m_variant->setText(tr("Measuring"));
        m_progress->setRange(0, 0);
        m_status->setText(tr("Timing and evaluating the source and every variant…"));
    });
    connect(controller, &CompressController::finished, this, &CompressRunPage::onFinished);
    connect(controller, &CompressController::failed, this, &CompressRunPage::onFailed);
}

CompressRunPage::~CompressRunPage() = default;

void CompressRunPage::initializePage()
{
    m_dashboard->clear();
    m_report.reset();
    m_variantRuns.clear();
    m_technique.clear();
    m_variant->setText(tr("Loading the source run"));
    m_status->setText(tr("Reading the dataset and the model…"));
    m_progress->setRange(0, 0);
    m_cancel->setEnabled(true);
    if (!m_controller->start(m_techniques->settings())) {
        onFailed(tr("Another compression is still running."));
        return;
    }
    setState(State::Running);
}

bool CompressRunPage::isComplete() const
{
    return m_state == State::Finished || m_state == State::Stopped;
}

void CompressRunPage::onVariantStarted(int index, int count, const QString &technique)
{
    m_technique = technique;
    m_variant->setText(tr("Variant %1 of %2: %3").arg(index + 1).arg(count).arg(technique));
    m_status->setText(tr("Fine-tuning…"));
}

void CompressRunPage::onSteps(const QVector<StepMetrics> &steps)
{
    if (steps.isEmpty())
        return;
    QVector<MetricSample> loss;
    QVector<MetricSample> rate;
    QVector<MetricSample> throughput;
    for (const StepMetrics &s : steps) {
        const double epochX = s.batchesPerEpoch > 0
                                  ? (s.epoch - 1) + double(s.batchInEpoch) / s.batchesPerEpoch
                                  : double(s.epoch);
        loss.append({double(s.step), epochX, s.wallSeconds, s.loss});
        rate.append({double(s.step), epochX, s.wallSeconds, s.learningRate});
        throughput.append({double(s.step), epochX, s.wallSeconds, s.samplesPerSecond});
    }
    m_dashboard->addSamples(QStringLiteral("train_loss"), tr("%1: train loss").arg(m_technique),
                            loss);
    m_dashboard->addSamples(QStringLiteral("lr"), tr("%1: learning rate").arg(m_technique), rate);
    m_dashboard->addSamples(QStringLiteral("samples_per_second"),
                            tr("%1: samples/s").arg(m_technique), throughput);
    const StepMetrics &last = steps.constLast();
    m_progress->setRange(0, int(last.batchesPerEpoch));
    m_progress->setValue(int(last.batchInEpoch));
    m_progress->setFormat(tr("epoch %1, step %2").arg(last.epoch).arg(last.step));
}

void CompressRunPage::onEpoch(const EpochMetrics &epoch)
{
    const QVector<MetricSample> sample{
        {double(epoch.step), double(epoch.epoch), epoch.wallSeconds, epoch.valAccuracy}};
    m_dashboard->addSamples(QStringLiteral("val_accuracy"),
                            tr("%1: validation accuracy").arg(m_technique), sample,
                            MetricDashboard::Density::Sparse);
    const QLocale locale;
    m_status->setText(tr("Epoch %1: validation accuracy %2.")
                          .arg(epoch.epoch)
                          .arg(DisplayFormat::percentText(epoch.valAccuracy, locale)));
}

void CompressRunPage::onFinished(const mf::SharedReport &report, const QVector<qint64> &runs,
                                 bool stopped)
{
    m_report = report;
    m_variantRuns = runs;
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    m_progress->setFormat(QString());
    m_cancel->setEnabled(false);
    if (stopped) {
        m_variant->setText(tr("Stopped"));
        m_status->setText(tr("Cancelled: the variant in training was kept as a STOPPED run and "
                             "no further variants were made. The report shows those completed "
                             "before."));
        setState(State::Stopped);
    } else {
        m_variant->setText(tr("Done"));
        m_status->setText(tr("%n variant(s) made and measured.", nullptr, int(runs.size())));
        setState(State::Finished);
    }
}

void CompressRunPage::onFailed(const QString &reason)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(QString());
    m_cancel->setEnabled(false);
    m_variant->setText(tr("Failed"));
    m_status->setText(tr("Compression failed: %1").arg(reason));
    setState(State::Failed);
}

void CompressRunPage::setState(State state)
{
    m_state = state;
    if (state != State::Running)
        m_dashboard->refreshNow(); // the curves end where the training ended
    Q_EMIT completeChanged();
    if (state != State::Running && state != State::Measuring)
        Q_EMIT jobEnded(state);
}

} // namespace mf
