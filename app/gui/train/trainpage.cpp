#include "app/gui/train/trainpage.h"

#include "app/gui/format/displayformat.h"
#include "app/gui/train/cudadeviceprobe.h"
#include "app/gui/train/finetunesourceloader.h"
#include "app/gui/train/localtrainingjob.h"
#include "app/gui/train/trainconfigform.h"
#include "core/store/runrecord.h"
#include "core/util/atomicfile.h"
#include "widgets/messagepanel.h"
#include "widgets/metricchart.h"
#include "widgets/metricdashboard.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedLayout>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>

namespace mf {

namespace {

constexpr int kUsageIntervalMs = 1000;

/// Epoch as a fractional x: a step of batch b in epoch e lies at (e - 1) + b / batches.
double fractionalEpoch(int epoch, std::int64_t batchInEpoch, std::int64_t batches)
{
    if (batches <= 0)
        return epoch;
    return (epoch - 1) + double(batchInEpoch) / double(batches);
}

QString etaText(double seconds)
{
    if (!(seconds >= 0.0) || !std::isfinite(seconds))
        return QStringLiteral("–");
    const qint64 s = qint64(std::llround(seconds));
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString bytesText(std::int64_t bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString deviceOf(const QByteArray &configJson)
{
    const nlohmann::json config = nlohmann::json::parse(configJson.toStdString(), nullptr, false);
    if (config.is_object() && config.contains("device") && config["device"].is_string())
        return QString::fromStdString(config["device"].get<std::string>());
    return QStringLiteral("cpu");
}

QString objectiveOf(const QByteArray &configJson)
{
    const nlohmann::json config = nlohmann::json::parse(configJson.toStdString(), nullptr, false);
    if (config.is_object() && config.contains("objective") && config["objective"].is_string())
        return QString::fromStdString(config["objective"].get<std::string>());
    return QStringLiteral("classify");
}

} // namespace

TrainPage::TrainPage(const QString &workspaceDir, QWidget *parent)
    : QWidget(parent), m_controller(new TrainController(workspaceDir, this)),
      m_form(new TrainConfigForm), m_dashboard(new MetricDashboard), m_empty(new MessagePanel),
      m_dashboardHolder(new QWidget), m_runTitle(new QLabel), m_status(new QLabel),
      m_progressDetail(new QLabel), m_usage(new QLabel), m_blocked(new QLabel),
      m_progress(new QProgressBar), m_start(new QPushButton), m_pause(new QPushButton),
      m_stop(new QPushButton), m_showInRuns(new QPushButton), m_usageTimer(new QTimer(this)),
      m_sourceLoader(new FineTuneSourceLoader(this))
{
    setObjectName(QStringLiteral("trainPage"));
    auto *probe = new CudaDeviceProbe({}, this);
    connect(probe, &CudaDeviceProbe::counted, m_form, &TrainConfigForm::setCudaDeviceCount);
    probe->start();
    auto *formScroll = new QScrollArea;
    formScroll->setWidget(m_form);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setObjectName(QStringLiteral("trainFormScroll"));
    formScroll->setMinimumWidth(360);

    auto *saveConfig = new QPushButton(tr("Save Config…"));
    auto *loadConfig = new QPushButton(tr("Load Config…"));
    connect(saveConfig, &QPushButton::clicked, this, &TrainPage::saveConfigInteractively);
    connect(loadConfig, &QPushButton::clicked, this, &TrainPage::loadConfigInteractively);
    auto *configButtons = new QHBoxLayout;
    configButtons->addWidget(loadConfig);
    configButtons->addWidget(saveConfig);
    configButtons->addStretch(1);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(formScroll, 1);
    leftLayout->addLayout(configButtons);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(8, 0, 0, 0);
    rightLayout->addWidget(createControls());
    auto *stack = new QStackedLayout(m_dashboardHolder);
    stack->addWidget(m_empty);
    stack->addWidget(m_dashboard);
    rightLayout->addWidget(m_dashboardHolder, 1);
    m_empty->setMessage(MessagePanel::Kind::Information, tr("No run yet"),
                        tr("Pick a preset or set up a run on the left, then press Start. Loss, "
                           "accuracy, learning rate and throughput appear here as it trains."));

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("trainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({500, 800});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);

    connect(m_form, &TrainConfigForm::configChanged, this, &TrainPage::updateButtons);
    connect(m_controller, &TrainController::stateChanged, this, &TrainPage::onStateChanged);
    connect(m_controller, &TrainController::runPrepared, this, &TrainPage::onRunPrepared);
    connect(m_controller, &TrainController::steps, this, &TrainPage::onSteps);
    connect(m_controller, &TrainController::epochEnded, this, &TrainPage::onEpoch);
    connect(m_controller, &TrainController::history, this, &TrainPage::onHistory);
    connect(m_controller, &TrainController::runEnded, this, &TrainPage::onRunEnded);
    connect(m_controller, &TrainController::startFailed, this, &TrainPage::onStartFailed);
    connect(m_controller, &TrainController::storedRun, this, &TrainPage::onStoredRun);
    connect(m_controller, &TrainController::loadFailed, this,
            [this](qint64, const QString &reason) { m_status->setText(reason); });
    connect(m_sourceLoader, &FineTuneSourceLoader::loaded, m_form,
            &TrainConfigForm::setFineTuneSources);
    connect(m_usageTimer, &QTimer::timeout, this, &TrainPage::sampleUsage);
    m_usageTimer->start(kUsageIntervalMs);
    labelCharts(m_objective);
    refreshFineTuneSources();
    sampleUsage();
    showDashboard(false);
    onStateChanged(TrainController::State::Idle);
}

TrainPage::~TrainPage() = default;

QWidget *TrainPage::createControls()
{
    auto *box = new QWidget;
    m_runTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_runTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_runTitle->setFont(titleFont);
    m_runTitle->setText(tr("Train a model"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_blocked->setTextFormat(Qt::PlainText);
    m_blocked->setWordWrap(true);
    m_blocked->setStyleSheet(QStringLiteral("color: #b3261e;"));

    m_start->setText(tr("Start"));
    m_start->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_start->setDefault(true);
    m_pause->setText(tr("Pause"));
    m_pause->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_stop->setText(tr("Stop"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_stop->setToolTip(tr("Stop after the current batch and keep a checkpoint of it, so that "
                          "resuming the run continues from there"));
    m_showInRuns->setText(tr("Show in Runs"));
    connect(m_start, &QPushButton::clicked, this, &TrainPage::startTraining);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_controller->state() == TrainController::State::Paused)
            m_controller->unpause();
        else
            m_controller->pause();
    });
    connect(m_stop, &QPushButton::clicked, m_controller, &TrainController::stop);
    connect(m_showInRuns, &QPushButton::clicked, this,
            [this] { Q_EMIT showRunRequested(m_shownRunId); });

    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setFormat(QStringLiteral("%p%"));
    m_progressDetail->setTextFormat(Qt::PlainText);
    m_usage->setTextFormat(Qt::PlainText);
    m_usage->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runTitle, 1);
    buttons->addWidget(m_showInRuns);
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_stop);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addLayout(buttons, 0, 0, 1, 2);
    grid->addWidget(m_status, 1, 0, 1, 2);
    grid->addWidget(m_blocked, 2, 0, 1, 2);
    grid->addWidget(m_progress, 3, 0, 1, 2);
    grid->addWidget(m_progressDetail, 4, 0);
    grid->addWidget(m_usage, 4, 1);
    return box;
}

bool TrainPage::setWorkspace(const QString &dir)
{
    if (!m_controller->setWorkspaceDir(dir))
        return false;
    refreshFineTuneSources();
    return true;
}

void TrainPage::refreshFineTuneSources()
{
    m_sourceLoader->load(m_controller->workspaceDir());
}

void TrainPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The Runs section may have deleted runs, or a CLI run finished, while the page was hidden.
    refreshFineTuneSources();
}

QString TrainPage::startBlockedReason() const
{
    if (m_controller->isBusy())
        return tr("A run is in progress.");
    const QStringList problems = m_form->problems();
    if (problems.isEmpty())
        return QString();
    return tr("Cannot start: %1").arg(problems.constFirst());
}

QString TrainPage::statusText() const
{
    return m_status->text();
}

QString TrainPage::titleText() const
{
    return m_runTitle->text();
}

QString TrainPage::progressText() const
{
    return m_progressDetail->text();
}

bool TrainPage::startTraining()
{
    if (!startBlockedReason().isEmpty())
        return false;
    const QByteArray config = m_form->configJson();
    const ParallelLaunch launch = m_form->parallelLaunch();
    resetLiveView(tr("Starting…"));
    return m_controller->start(config, QString(), launch);
}

bool TrainPage::resumeRun(qint64 runId)
{
    if (m_controller->isBusy())
        return false;
    resetLiveView(tr("Run %1").arg(runId));
    // As the run trained, except how long its processes wait for each other: the form's.
    return m_controller->resumeRun(runId, m_form->parallelLaunch().timeout.count());
}

bool TrainPage::showStoredRun(qint64 runId)
{
    return m_controller->loadRun(runId);
}

void TrainPage::resetLiveView(const QString &title)
{
    m_dashboard->clear();
    m_epochs = 0;
    m_batchesPerEpoch = 0;
    m_step = 0;
    m_epoch = 0;
    m_batchInEpoch = 0;
    m_samplesPerSecond = 0.0;
    m_rateStartStep = -1;
    m_wall = 0.0;
    m_outcome.reset();
    m_shownRunId = 0;
    labelCharts(QStringLiteral("classify"));
    m_runTitle->setText(title);
    m_progress->setValue(0);
    m_progressDetail->clear();
    showDashboard(true);
}

void TrainPage::showDashboard(bool show)
{
    static_cast<QStackedLayout *>(m_dashboardHolder->layout())
        ->setCurrentWidget(show ? static_cast<QWidget *>(m_dashboard) : m_empty);
}

void TrainPage::onStateChanged(TrainController::State state)
{
    switch (state) {
    case TrainController::State::Idle:
        if (!m_outcome)
            m_status->setText(tr("Ready."));
        break;
    case TrainController::State::Preparing:
        m_status->setText(tr("Loading the dataset and creating the run…"));
        break;
    case TrainController::State::Running:
        m_status->setText(tr("Training."));
        break;
    case TrainController::State::Paused:
        m_status->setText(tr("Paused after the current batch. Resume continues where it stopped."));
        break;
    case TrainController::State::Stopping:
        m_status->setText(tr("Stopping after the current batch…"));
        break;
    }
    // The ETA goes with the run: from Stop on, the progress line says where it stands only.
    if (state == TrainController::State::Stopping || state == TrainController::State::Idle)
        updateProgress();
    updateButtons();
}

void TrainPage::updateButtons()
{
    const TrainController::State state = m_controller->state();
    const bool idle = state == TrainController::State::Idle;
    const QString blocked = startBlockedReason();
    m_start->setEnabled(idle && blocked.isEmpty());
    m_start->setToolTip(blocked.isEmpty() ? tr("Train with this configuration") : blocked);
    m_blocked->setText(idle ? blocked : QString());
    m_blocked->setVisible(idle && !blocked.isEmpty());
    const bool paused = state == TrainController::State::Paused;
    m_pause->setEnabled((state == TrainController::State::Running || paused) &&
                        m_controller->canPause());
    m_pause->setToolTip(m_controller->canPause()
                            ? QString()
                            : tr("A run on several processes cannot pause: the other processes "
                                 "would wait for this one until their timeout failed the run"));
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pause->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_stop->setEnabled(!idle && state != TrainController::State::Stopping);
    m_showInRuns->setVisible(m_shownRunId > 0);
    m_form->setEnabled(idle);
}

void TrainPage::onRunPrepared(qint64 runId, const QByteArray &configJson, int epochs)
{
    m_shownRunId = runId;
    m_epochs = epochs;
    labelCharts(objectiveOf(configJson));
    m_runDevice = deviceOf(configJson);
    QString name;
    try {
        const nlohmann::json config = nlohmann::json::parse(configJson.toStdString());
        name =
            QString::fromStdString(
                config.value("model", nlohmann::json::object()).value("type", std::string("model")))
                .toUpper() +
            QStringLiteral(" · ") +
            QFileInfo(QString::fromStdString(config.value("dataset", std::string()))).fileName();
    } catch (const std::exception &) {
        name.clear();
    }
    if (m_controller->processes() > 1)
        name += tr(" · %n processes", nullptr, m_controller->processes());
    m_runTitle->setText(tr("Run %1").arg(runId) +
                        (name.isEmpty() ? QString() : QStringLiteral(": ") + name));
    updateButtons();
    Q_EMIT runsChanged();
}

void TrainPage::onSteps(const QVector<StepMetrics> &steps)
{
    if (steps.isEmpty())
        return;
    QVector<MetricSample> loss, lr, throughput;
    loss.reserve(steps.size());
    lr.reserve(steps.size());
    throughput.reserve(steps.size());
    for (const StepMetrics &s : steps) {
        const double epochX = fractionalEpoch(s.epoch, s.batchInEpoch, s.batchesPerEpoch);
        loss.append({double(s.step), epochX, s.wallSeconds, s.loss});
        lr.append({double(s.step), epochX, s.wallSeconds, s.learningRate});
        throughput.append({double(s.step), epochX, s.wallSeconds, s.samplesPerSecond});
    }
    m_dashboard->addSamples(QStringLiteral("train_loss"), tr("train loss"), loss);
    m_dashboard->addSamples(QStringLiteral("lr"), tr("learning rate"), lr);
    m_dashboard->addSamples(QStringLiteral("samples_per_second"), tr("samples/s"), throughput);

    const StepMetrics &last = steps.constLast();
    if (m_rateStartStep < 0) {
        m_rateStartStep = steps.constFirst().step;
        m_rateStartWall = steps.constFirst().wallSeconds;
    }
    m_step = last.step;
    m_epoch = last.epoch;
    m_batchInEpoch = last.batchInEpoch;
    m_batchesPerEpoch = last.batchesPerEpoch;
    m_samplesPerSecond = last.samplesPerSecond;
    m_wall = last.wallSeconds;
    updateProgress();
}

void TrainPage::onEpoch(const EpochMetrics &epoch)
{
    const double x = epoch.epoch;
    const auto sample = [&](double value) {
        return QVector<MetricSample>{{double(epoch.step), x, epoch.wallSeconds, value}};
    };
    const auto sparse = MetricDashboard::Density::Sparse;
    m_dashboard->addSamples(QStringLiteral("val_loss"), tr("validation loss"),
                            sample(epoch.valLoss), sparse);
    m_dashboard->addSamples(QStringLiteral("train_accuracy"), tr("train accuracy"),
                            sample(epoch.trainAccuracy), sparse);
    m_dashboard->addSamples(QStringLiteral("val_accuracy"), tr("validation accuracy"),
                            sample(epoch.valAccuracy), sparse);
    const QLocale locale;
    const QString accuracy = DisplayFormat::percentText(epoch.valAccuracy, locale);
    const QString loss = locale.toString(epoch.valLoss, 'f', 4);
    if (m_objective == QLatin1String("masked_tokens")) {
        m_status->setText(tr("Epoch %1: masked-token accuracy %2, masked-token loss %3 "
                             "(validation).")
                              .arg(epoch.epoch)
                              .arg(accuracy, loss));
    } else if (m_objective == QLatin1String("next_token")) {
        labelCharts(m_objective, epoch.valLoss);
        m_status->setText(tr("Epoch %1: next-token loss %2, perplexity %3 (validation).")
                              .arg(epoch.epoch)
                              .arg(loss, locale.toString(std::exp(epoch.valLoss), 'f', 2)));
    } else {
        m_status->setText(tr("Epoch %1: validation accuracy %2, validation loss %3.")
                              .arg(epoch.epoch)
                              .arg(accuracy, loss));
    }
    Q_EMIT runsChanged();
}

void TrainPage::onHistory(const QVector<HistoryPoint> &points)
{
    // Steps per epoch from the first epoch-end point; per-step points get fractional epochs.
    std::int64_t batches = 0;
    for (const HistoryPoint &p : points)
        if (p.key == QLatin1String("val_accuracy") && p.epoch == 1)
            batches = p.step;
    QHash<QString, QVector<MetricSample>> byKey;
    for (const HistoryPoint &p : points) {
        double epochX = p.epoch;
        if (batches > 0 && p.key != QLatin1String("val_accuracy") &&
            p.key != QLatin1String("val_loss") && p.key != QLatin1String("train_accuracy"))
            epochX = double(p.step) / double(batches);
        byKey[p.key].append({double(p.step), epochX, p.wallSeconds, p.value});
    }
    struct Shown
    {
        const char *key;
        QString series;
        MetricDashboard::Density density;
    };
    const Shown shown[] = {
        {"train_loss", tr("train loss"), MetricDashboard::Density::Dense},
        {"lr", tr("learning rate"), MetricDashboard::Density::Dense},
        {"samples_per_second", tr("samples/s"), MetricDashboard::Density::Dense},
        {"val_loss", tr("validation loss"), MetricDashboard::Density::Sparse},
        {"train_accuracy", tr("train accuracy"), MetricDashboard::Density::Sparse},
        {"val_accuracy", tr("validation accuracy"), MetricDashboard::Density::Sparse},
    };
    for (const Shown &s : shown) {
        const QString key = QString::fromLatin1(s.key);
        if (byKey.contains(key))
            m_dashboard->addSamples(key, s.series, byKey.value(key), s.density);
    }
    // A whole history arrives at once: draw it now rather than at the live-update pace.
    m_dashboard->refreshNow();
}

void TrainPage::onStoredRun(qint64 runId, const QString &name, RunStatus status,
                            const QByteArray &configJson, const QVector<HistoryPoint> &points)
{
    if (m_controller->isBusy())
        return;
    resetLiveView(tr("Run %1: %2").arg(runId).arg(name));
    m_shownRunId = runId;
    QString error;
    m_form->setConfigJson(configJson, &error);
    double lastValLoss = -1.0;
    for (const HistoryPoint &p : points)
        if (p.key == QLatin1String("val_loss"))
            lastValLoss = p.value;
    labelCharts(objectiveOf(configJson), lastValLoss);
    onHistory(points);
    int epochs = 0;
    for (const HistoryPoint &p : points)
        if (p.key == QLatin1String("val_accuracy"))
            epochs = qMax(epochs, p.epoch);
    m_outcome = status;
    m_status->setText(
        tr("%1 after %n epoch(s).", nullptr, epochs).arg(DisplayFormat::statusText(status)));
    try {
        m_epochs = nlohmann::json::parse(configJson.toStdString()).value("epochs", epochs);
    } catch (const std::exception &) {
        m_epochs = epochs;
    }
    m_progress->setValue(m_epochs > 0 ? int(1000.0 * epochs / m_epochs) : 0);
    updateButtons();
    Q_EMIT storedRunShown(runId);
}

void TrainPage::updateProgress()
{
    if (m_batchesPerEpoch <= 0)
        return; // no step shown yet
    const std::int64_t total = std::int64_t(m_epochs) * m_batchesPerEpoch;
    if (total > 0)
        m_progress->setValue(int(1000.0 * double(m_step) / double(total)));
    const TrainController::State state = m_controller->state();
    const QLocale locale;
    if (state == TrainController::State::Stopping || state == TrainController::State::Idle) {
        m_progressDetail->setText(tr("Epoch %1/%2 · batch %3/%4 · step %5")
                                      .arg(m_epoch)
                                      .arg(m_epochs)
                                      .arg(m_batchInEpoch)
                                      .arg(m_batchesPerEpoch)
                                      .arg(locale.toString(qlonglong(m_step))));
        return;
    }
    double eta = -1.0;
    const std::int64_t doneHere = m_step - m_rateStartStep;
    if (doneHere > 0 && m_wall > m_rateStartWall && total > 0)
        eta = double(total - m_step) * (m_wall - m_rateStartWall) / double(doneHere);
    m_progressDetail->setText(tr("Epoch %1/%2 · batch %3/%4 · step %5 · %6 samples/s · ETA %7")
                                  .arg(m_epoch)
                                  .arg(m_epochs)
                                  .arg(m_batchInEpoch)
                                  .arg(m_batchesPerEpoch)
                                  .arg(locale.toString(qlonglong(m_step)))
                                  .arg(locale.toString(m_samplesPerSecond, 'f', 0))
                                  .arg(etaText(eta)));
}

void TrainPage::sampleUsage()
{
    const ProcessUsage::Sample s = m_processUsage.sample();
    QString text;
    if (s.residentBytes <= 0)
        text = tr("CPU and memory: not available on this system");
    else if (!s.cpuKnown)
        text = tr("CPU measuring… · memory %1").arg(bytesText(s.residentBytes));
    else
        text = tr("CPU %1% of %2% · memory %3")
                   .arg(qRound(s.cpuPercent))
                   .arg(ProcessUsage::coreCount() * 100)
                   .arg(bytesText(s.residentBytes));
    QString tip;
    if (m_controller->isBusy() && m_controller->processes() > 1) {
        tip = tr("This process only; %n worker process(es) train beside it", nullptr,
                 m_controller->processes() - 1);
        text += tr(" (this process)");
    }
    const QString device =
        m_runDevice.isEmpty() ? m_form->deviceBox()->currentData().toString() : m_runDevice;
    QString gpuTip;
    text += gpuUsageText(device, &gpuTip);
    if (!gpuTip.isEmpty())
        tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) + gpuTip;
    m_usage->setText(text);
    m_usage->setToolTip(tip);
}

QString TrainPage::gpuUsageText(const QString &device, QString *tip)
{
    if (!device.startsWith(QLatin1String("cuda")))
        return QString();
    if (!m_gpuUsage)
        m_gpuUsage = std::make_unique<GpuUsage>();
    const int cudaIndex =
        device.contains(QLatin1Char(':')) ? device.section(QLatin1Char(':'), 1).toInt() : 0;
    const GpuUsage::Sample s =
        m_gpuUsage->sample(GpuUsage::nvmlIndexOf(cudaIndex, std::getenv("CUDA_VISIBLE_DEVICES")));
    if (!s.known) {
        *tip = QString::fromStdString(s.error);
        return tr(" · GPU %1: usage not readable").arg(cudaIndex);
    }
    return tr(" · GPU %1 %2% · %3 of %4")
        .arg(cudaIndex)
        .arg(s.utilisationPercent)
        .arg(bytesText(static_cast<std::int64_t>(s.usedBytes)))
        .arg(bytesText(static_cast<std::int64_t>(s.totalBytes)));
}

void TrainPage::labelCharts(const QString &objective, double valLoss)
{
    m_objective = objective;
    if (objective == QLatin1String("masked_tokens")) {
        m_lossTitle = tr("Masked-token loss");
        m_accuracyTitle = tr("Masked-token accuracy");
    } else if (objective == QLatin1String("next_token")) {
        // Perplexity is exp of the mean next-token cross-entropy: the number of tokens the model
        // is as unsure between as if it picked uniformly among them.
        m_lossTitle = valLoss >= 0.0 ? tr("Next-token loss · perplexity %1")
                                           .arg(QLocale().toString(std::exp(valLoss), 'f', 2))
                                     : tr("Next-token loss");
        m_accuracyTitle = tr("Next-token accuracy");
    } else {
        m_lossTitle = QCoreApplication::translate("mf::MetricDashboard", "Loss");
        m_accuracyTitle = QCoreApplication::translate("mf::MetricDashboard", "Accuracy");
    }
    m_dashboard->chart(MetricDashboard::LossPanel)->setTitle(m_lossTitle);
    m_dashboard->chart(MetricDashboard::AccuracyPanel)->setTitle(m_accuracyTitle);
}

void TrainPage::onRunEnded(const TrainOutcomeReport &report)
{
    m_outcome = report.status;
    m_runDevice.clear();
    QString text;
    const QLocale locale;
    if (report.status == RunStatus::Finished) {
        text = tr("Finished: %1 samples/s over the run.")
                   .arg(locale.toString(report.samplesPerSecond, 'f', 0));
        if (report.testAccuracy >= 0.0)
            text += QLatin1Char(' ') +
                    tr("Test accuracy %1.")
                        .arg(DisplayFormat::percentText(report.testAccuracy, locale));
        m_progress->setValue(m_progress->maximum());
    } else if (report.status == RunStatus::Stopped) {
        const QString step = locale.toString(report.steps);
        if (report.hasCheckpoint && report.checkpointStep == report.steps)
            text = tr("Stopped at step %1. A checkpoint of that step is kept: resuming the run "
                      "from the Runs section continues from there.")
                       .arg(step);
        else if (report.hasCheckpoint)
            text = tr("Stopped at step %1. Resuming the run from the Runs section continues "
                      "from its newest checkpoint, of step %2.")
                       .arg(step, locale.toString(report.checkpointStep));
        else if (report.steps == 0)
            text = tr("Stopped before the first batch finished: there is no checkpoint, so "
                      "resuming the run starts it from the beginning.");
        else
            text = tr("Stopped at step %1 without a checkpoint: resuming the run starts it "
                      "from the beginning.")
                       .arg(step);
    } else {
        text = tr("Failed: %1").arg(report.message);
    }
    m_status->setText(text);
    updateButtons();
    if (report.status == RunStatus::Finished)
        refreshFineTuneSources();
    Q_EMIT runsChanged();
}

void TrainPage::onStartFailed(const QString &reason)
{
    m_outcome = RunStatus::Failed;
    m_runDevice.clear();
    // The heading said "Starting…"; it must not go on saying so above the error.
    m_runTitle->setText(tr("Could not start"));
    m_status->setText(tr("Could not start: %1").arg(m_form->describe(reason)));
    if (m_shownRunId == 0)
        showDashboard(false);
    updateButtons();
    Q_EMIT runsChanged();
}

bool TrainPage::saveConfig(const QString &path, QString *error)
{
    try {
        writeFileAtomically(path.toStdString(), m_form->configJson().toStdString() + "\n");
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

bool TrainPage::loadConfig(const QString &path, QString *error)
{
    QString reason;
    try {
        const std::string text = readWholeFile(path.toStdString());
        if (m_form->setConfigJson(QByteArray::fromStdString(text), &reason))
            return true;
    } catch (const std::exception &e) {
        reason = QString::fromUtf8(e.what());
    }
    if (error)
        *error = tr("%1: %2").arg(path, reason);
    return false;
}

void TrainPage::saveConfigInteractively()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Training Configuration"),
        QDir(m_controller->workspaceDir()).filePath(QStringLiteral("config.json")),
        tr("Training configurations (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveConfig(path, &error))
        QMessageBox::warning(this, tr("Save Training Configuration"), error);
}

void TrainPage::loadConfigInteractively()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Training Configuration"),
                                                      m_controller->workspaceDir(),
                                                      tr("Training configurations (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!loadConfig(path, &error))
        QMessageBox::warning(this, tr("Load Training Configuration"), error);
}

} // namespace mf
