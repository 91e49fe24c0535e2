#pragma once

#include "core/roi/montecarlo.h"
#include "core/roi/scenario.h"

#include <QWidget>

#include <optional>

class QChartView;
class QLabel;
class QPushButton;
class QSpinBox;
class QThread;

namespace mf {

class NoticeLabel;

/// The Monte Carlo of the scenario: trials and seed, a button that runs it on a thread of its
/// own, the percentiles and the histogram. It runs only on the button: a result stays until
/// the next run, marked as out of date once the inputs change.
/// Threading: GUI thread; the trials run on a QThread that the destructor waits for.
class RoiMonteCarloPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RoiMonteCarloPanel(QWidget *parent = nullptr);
    ~RoiMonteCarloPanel() override;

    /// The scenario the next run draws from; `valid`: whether validate() passed.
    void setScenario(const roi::Scenario &scenario, bool valid);
    /// Starts a run; false while one runs or when the scenario cannot be computed.
    bool run();
    bool isRunning() const { return m_thread != nullptr; }
    /// The last result, when it was computed for the inputs as they are now.
    std::optional<roi::MonteCarloResult> result() const;
    /// The last result, also when the inputs changed since.
    const std::optional<roi::MonteCarloResult> &lastResult() const { return m_result; }
    /// Forgets the result (another scenario was opened).
    void reset();

    QSpinBox *trialsBox() const { return m_trials; }
    QSpinBox *seedBox() const { return m_seed; }
    QPushButton *runButton() const { return m_run; }
    QChartView *chartView() const { return m_chart; }
    QLabel *summaryLabel() const { return m_summary; }

Q_SIGNALS:
    void finished();
    void failed(const QString &reason);

private:
    void showResult();
    void updateButton();

    roi::Scenario m_scenario;
    bool m_valid = false;
    bool m_stale = false;
    std::optional<roi::MonteCarloResult> m_result;
    QString m_currency;
    QThread *m_thread = nullptr;
    QSpinBox *m_trials;
    QSpinBox *m_seed;
    QPushButton *m_run;
    QLabel *m_summary;
    NoticeLabel *m_notice;
    QChartView *m_chart;
};

} // namespace mf
