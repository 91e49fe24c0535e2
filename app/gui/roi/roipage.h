#pragma once

#include "core/roi/montecarlo.h"
#include "core/roi/projection.h"
#include "core/roi/runfill.h"
#include "core/roi/scenario.h"
#include "core/roi/sensitivity.h"

#include <QWidget>

#include <optional>
#include <vector>

class QAction;
class QChartView;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace mf {

class MessagePanel;
class NoticeLabel;
class RoiComparePanel;
class RoiInputForm;
class RoiKeyFiguresPanel;
class RoiMonteCarloPanel;
class RoiPresentation;
class RoiScenarioPanel;
class RoiSourcesView;
class RunMeasurementWorker;

/// The ROI section: the scenarios of the workspace, the inputs of the one being edited, and
/// what they add up to (key figures, cash flow, costs, revenue, tornado, Monte Carlo, scenarios
/// compared). Every figure and chart follows the inputs as they are typed; the Monte Carlo runs
/// on its button. "Fill from run" measures a run (and a compressed variant) on a thread and
/// writes what it measured into the scenario, each figure with its source.
/// GUI thread only.
class RoiPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab
    {
        CashFlowTab,
        CostsTab,
        RevenueTab,
        TornadoTab,
        MonteCarloTab,
        CompareTab,
        SourcesTab
    };

    explicit RoiPage(const QString &workspaceDir, QWidget *parent = nullptr);
    ~RoiPage() override;

    /// Saves what is pending and shows the scenarios of the workspace in `dir`.
    void setWorkspace(const QString &dir);
    QString workspace() const { return m_workspace; }

    // What the report, the presentation and the cash-flow export work from. The figures follow
    // the inputs at once; call recomputeNow() first when inputs were just set from code.
    bool hasScenario() const;
    /// The scenario as edited now (also while it cannot be computed).
    const roi::Scenario &scenario() const;
    /// validate()'s problems with it; empty when it can be projected.
    const std::vector<roi::InputProblem> &problems() const { return m_problems; }
    const std::optional<roi::Projection> &projection() const { return m_projection; }
    const std::optional<roi::KeyFigures> &keyFigures() const { return m_figures; }
    /// The tornado of the scenario (computed when first asked); nullopt when it is invalid.
    std::optional<roi::Tornado> tornado();
    /// The last Monte Carlo, when it was run for the inputs as they are now.
    std::optional<roi::MonteCarloResult> monteCarloResult() const;
    /// What the last fill from a run wrote and left alone.
    const roi::FillReport &lastFillReport() const;

    /// Applies pending input changes to the figures and charts now.
    void recomputeNow();
    /// Opens `scenario` as a draft (not stored until saved).
    void openDraft(const roi::Scenario &scenario);
    /// A new stored scenario from a template ("credit-risk", "medical-screening", "tutoring").
    bool newFromTemplate(const QString &templateId);
    /// Writes the scenario as JSON; false with the reason in `error`.
    bool exportScenario(const QString &path, QString *error);
    /// Writes the stakeholder report (RoiPdfReport) with the last Monte Carlo when current.
    bool exportPdf(const QString &path, QString *error);
    /// Writes the monthly cash-flow table as CSV.
    bool exportCashFlowCsv(const QString &path, QString *error);
    /// Opens the full-screen presentation of the scenario (deletes itself when closed);
    /// nullptr when the scenario cannot be projected.
    RoiPresentation *present();
    /// Reads a scenario file and adds it to the workspace's scenarios, opened.
    bool importScenario(const QString &path, QString *error);
    /// Fills the scenario from measurements (as "Fill from run" does once the runs are
    /// measured): training figures from `training`, serving figures and the confusion matrix
    /// from `serving`.
    void applyMeasuredRuns(const roi::MeasuredRun &training, const roi::MeasuredRun &serving);
    /// Measures the runs on a thread and fills the scenario; `variantId` 0: serving figures
    /// from the run too. False while a measurement runs or without a scenario.
    bool fillFromRuns(qint64 runId, qint64 variantId = 0);
    bool isMeasuring() const;

    RoiScenarioPanel *scenarioPanel() const { return m_scenarios; }
    RoiInputForm *inputForm() const { return m_form; }
    RoiKeyFiguresPanel *keyFiguresPanel() const { return m_figuresPanel; }
    RoiMonteCarloPanel *monteCarloPanel() const { return m_monteCarlo; }
    RoiComparePanel *comparePanel() const { return m_compare; }
    RoiSourcesView *sourcesView() const { return m_sources; }
    QTabWidget *tabs() const { return m_tabs; }
    /// The chart view of CashFlowTab, CostsTab, RevenueTab or TornadoTab.
    QChartView *chartView(Tab tab) const;
    MessagePanel *emptyPanel() const { return m_empty; }
    QLabel *problemBanner() const { return m_banner; }
    NoticeLabel *notice() const { return m_notice; }
    QSplitter *splitter() const { return m_splitter; }

    QAction *fillFromRunAction() const { return m_fillRunAction; }
    QAction *fillFromVariantAction() const { return m_fillVariantAction; }
    QAction *importAction() const { return m_importAction; }
    QAction *exportJsonAction() const { return m_exportJsonAction; }
    QAction *exportCsvAction() const { return m_exportCsvAction; }
    QAction *exportPdfAction() const { return m_exportPdfAction; }
    QAction *presentAction() const { return m_presentAction; }

Q_SIGNALS:
    /// The figures were computed again (after an edit, an open or a fill).
    void recomputed();

private:
    void createActions();
    QWidget *createResults();
    void onScenarioOpened(const roi::Scenario &scenario);
    void onEdited();
    void scheduleRecompute();
    void recompute();
    void showProblems();
    void refreshLazyTabs();
    void updateActions();
    void chooseRun(bool variant);
    void chooseImport();
    void chooseExport();
    void chooseExportCsv();
    void chooseExportPdf();
    /// A save-file dialog in the workspace named after the scenario; empty when cancelled.
    QString askSavePath(const QString &title, const QString &suffix, const QString &filter);
    void reportExport(const QString &path, bool ok, const QString &error);
    void onMeasured(const std::vector<roi::MeasuredRun> &runs);

    QString m_workspace;
    std::vector<roi::InputProblem> m_problems;
    std::optional<roi::Projection> m_projection;
    std::optional<roi::KeyFigures> m_figures;
    std::optional<roi::Tornado> m_tornado;
    bool m_tornadoStale = true;
    bool m_compareStale = true;
    qint64 m_fillScenarioId = -1;
    QString m_fillWorkspace;
    QTimer *m_recomputeTimer;
    RunMeasurementWorker *m_measurer;
    QStackedWidget *m_stack;
    MessagePanel *m_empty;
    QSplitter *m_splitter;
    RoiScenarioPanel *m_scenarios;
    RoiInputForm *m_form;
    RoiKeyFiguresPanel *m_figuresPanel;
    QLabel *m_title;
    QLabel *m_banner;
    NoticeLabel *m_notice;
    QTabWidget *m_tabs;
    QChartView *m_cashFlow;
    QChartView *m_costs;
    QChartView *m_revenue;
    QChartView *m_tornadoView;
    RoiMonteCarloPanel *m_monteCarlo;
    RoiComparePanel *m_compare;
    RoiSourcesView *m_sources;
    QAction *m_fillRunAction = nullptr;
    QAction *m_fillVariantAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportJsonAction = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_exportPdfAction = nullptr;
    QAction *m_presentAction = nullptr;
    QList<QAction *> m_templateActions;
};

} // namespace mf
