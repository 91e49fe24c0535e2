#pragma once

#include "app/gui/compress/compresssettings.h"
#include "app/gui/train/trainworker.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace mf {

class CompressController;
class CompressTechniquesPage;
class MetricDashboard;

/// Step 3 of the Compress wizard: starts the job, shows which variant trains with its live
/// curves, offers Cancel, and says how the job ended (finished, stopped or failed).
class CompressRunPage : public QWizardPage
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Running,
        Measuring,
        Finished,
        Stopped,
        Failed
    };

    CompressRunPage(CompressController *controller, const CompressTechniquesPage *techniques,
                    QWidget *parent = nullptr);
    ~CompressRunPage() override;

    State state() const { return m_state; }
    SharedReport report() const { return m_report; }
    QVector<qint64> variantRuns() const { return m_variantRuns; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *cancelButton() const { return m_cancel; }
    MetricDashboard *dashboard() const { return m_dashboard; }

    void initializePage() override;
    bool isComplete() const override;

Q_SIGNALS:
    void jobEnded(mf::CompressRunPage::State state);

private:
    void onVariantStarted(int index, int count, const QString &technique);
    void onSteps(const QVector<StepMetrics> &steps);
    void onEpoch(const EpochMetrics &epoch);
    void onFinished(const mf::SharedReport &report, const QVector<qint64> &runs, bool stopped);
    void onFailed(const QString &reason);
    void setState(State state);

    CompressController *m_controller;
    const CompressTechniquesPage *m_techniques;
    QLabel *m_variant;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    MetricDashboard *m_dashboard;
    State m_state = State::Idle;
    QString m_technique;
    SharedReport m_report;
    QVector<qint64> m_variantRuns;
};

} // namespace mf
