#pragma once

#include "app/gui/train/gpuusage.h"
#include "app/gui/train/processusage.h"
#include "app/gui/train/traincontroller.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace mf {

class FineTuneSourceLoader;
class MessagePanel;
class MetricDashboard;
class TrainConfigForm;

/// The Train section: the run configuration on the left; on the right the controls, progress
/// (epoch, step, ETA), the process's CPU and memory, and live loss, accuracy, learning-rate and
/// throughput charts fed by the TrainController's coalesced signals. The charts of a pre-training
/// run say what its loss and accuracy measure (masked tokens; next tokens, with the perplexity).
class TrainPage : public QWidget
{
    Q_OBJECT
public:
    explicit TrainPage(const QString &workspaceDir, QWidget *parent = nullptr);
    ~TrainPage() override;

    /// Only while no run is in progress.
    bool setWorkspace(const QString &dir);

    TrainController *controller() const { return m_controller; }
    TrainConfigForm *form() const { return m_form; }
    MetricDashboard *dashboard() const { return m_dashboard; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *stopButton() const { return m_stop; }
    QLabel *usageLabel() const { return m_usage; }
    QProgressBar *progressBar() const { return m_progress; }
    /// Why Start is disabled; empty when it is enabled.
    QString startBlockedReason() const;
    QString statusText() const;
    QString titleText() const; ///< the heading above the dashboard
    QString progressText() const;
    /// The titles of the loss and accuracy charts, which follow the shown run's objective.
    QString lossChartTitle() const { return m_lossTitle; }
    QString accuracyChartTitle() const { return m_accuracyTitle; }
    /// Re-reads the runs the form offers to start from (after the store changed elsewhere).
    void refreshFineTuneSources();

    /// Starts the configured run (as the Start button does); false when it cannot start.
    bool startTraining();
    /// Continues an interrupted or stopped run from its last checkpoint.
    bool resumeRun(qint64 runId);
    /// Shows a stored run's configuration and curves (idle only); false when busy.
    bool showStoredRun(qint64 runId);

    bool saveConfig(const QString &path, QString *error);
    bool loadConfig(const QString &path, QString *error);

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    /// A run was created, ended, or changed status: the Runs section should refresh.
    void runsChanged();
    /// The user asked to see run `runId` in the Runs section.
    void showRunRequested(qint64 runId);
    /// A stored run is on screen (after showStoredRun).
    void storedRunShown(qint64 runId);

private:
    QWidget *createControls();
    void onStateChanged(TrainController::State state);
    void onRunPrepared(qint64 runId, const QByteArray &configJson, int epochs);
    void onSteps(const QVector<mf::StepMetrics> &steps);
    void onEpoch(const mf::EpochMetrics &epoch);
    void onHistory(const QVector<mf::HistoryPoint> &points);
    void onRunEnded(const mf::TrainOutcomeReport &report);
    void onStartFailed(const QString &reason);
    void onStoredRun(qint64 runId, const QString &name, mf::RunStatus status,
                     const QByteArray &configJson, const QVector<mf::HistoryPoint> &points);
    void updateButtons();
    void updateProgress();
    void sampleUsage();
    /// " · GPU 0 (name) 73% · 12 GB of 80 GB" for a CUDA device, read through NVML; empty for
    /// the CPU. `tip` gets why NVML could not be read.
    QString gpuUsageText(const QString &device, QString *tip);
    void resetLiveView(const QString &title);
    /// Titles the loss and accuracy charts for a run of TrainConfig objective `objective`;
    /// `valLoss` (when >= 0) gives a next-token run's perplexity.
    void labelCharts(const QString &objective, double valLoss = -1.0);
    void showDashboard(bool show);
    void saveConfigInteractively();
    void loadConfigInteractively();

    TrainController *m_controller;
    TrainConfigForm *m_form;
    MetricDashboard *m_dashboard;
    MessagePanel *m_empty;
    QWidget *m_dashboardHolder;
    QLabel *m_runTitle;
    QLabel *m_status;
    QLabel *m_progressDetail;
    QLabel *m_usage;
    QLabel *m_blocked;
    QProgressBar *m_progress;
    QPushButton *m_start;
    QPushButton *m_pause;
    QPushButton *m_stop;
    QPushButton *m_showInRuns;
    QTimer *m_usageTimer;
    FineTuneSourceLoader *m_sourceLoader;
    ProcessUsage m_processUsage;
    std::unique_ptr<GpuUsage> m_gpuUsage; ///< loaded the first time a CUDA device is chosen
    QString m_runDevice;                  ///< the device of the run in progress; empty while idle
    QString m_objective = QStringLiteral("classify"); ///< of the shown run
    QString m_lossTitle;
    QString m_accuracyTitle;

    // Progress of the live run.
    int m_epochs = 0;
    std::int64_t m_batchesPerEpoch = 0;
    std::int64_t m_step = 0;
    int m_epoch = 0;
    std::int64_t m_batchInEpoch = 0;
    double m_samplesPerSecond = 0.0;
    std::int64_t m_rateStartStep = -1;
    double m_rateStartWall = 0.0;
    double m_wall = 0.0;
    qint64 m_shownRunId = 0;
    std::optional<RunStatus> m_outcome; ///< how the shown run ended; none while one runs
};

} // namespace mf
