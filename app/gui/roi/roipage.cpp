#include "app/gui/roi/roipage.h"

#include "app/gui/roi/roicharts.h"
#include "app/gui/roi/roicomparepanel.h"
#include "app/gui/roi/roiinputfield.h"
#include "app/gui/roi/roiinputform.h"
#include "app/gui/roi/roikeyfigurespanel.h"
#include "app/gui/roi/roimontecarlopanel.h"
#include "app/gui/roi/roipdfreport.h"
#include "app/gui/roi/roipresentation.h"
#include "app/gui/roi/roiscenariopanel.h"
#include "app/gui/roi/roisourcesview.h"
#include "app/gui/roi/roitext.h"
#include "app/gui/roi/runmeasurementworker.h"
#include "app/gui/roi/runpickerdialog.h"
#include "core/roi/cashflowcsv.h"
#include "core/roi/scenariojson.h"
#include "core/store/workspace.h"
#include "widgets/messagepanel.h"
#include "widgets/noticelabel.h"

#include <QAction>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace mf {

namespace {

QString databasePathOf(const QString &workspaceDir)
{
    return QFile::decodeName(
        Workspace{QFile::encodeName(workspaceDir).toStdString()}.databasePath().c_str());
}

QChartView *makeChartView(const QString &name)
{
    auto *view = new QChartView;
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

const roi::Scenario &emptyScenario()
{
    static const roi::Scenario scenario;
    return scenario;
}

} // namespace

RoiPage::RoiPage(const QString &workspaceDir, QWidget *parent)
    : QWidget(parent), m_recomputeTimer(new QTimer(this)),
      m_measurer(new RunMeasurementWorker(this)), m_stack(new QStackedWidget),
      m_empty(new MessagePanel), m_splitter(new QSplitter(Qt::Horizontal)),
      m_scenarios(new RoiScenarioPanel), m_form(new RoiInputForm),
      m_figuresPanel(new RoiKeyFiguresPanel), m_title(new QLabel), m_banner(new QLabel),
      m_notice(new NoticeLabel), m_tabs(new QTabWidget),
      m_cashFlow(makeChartView(QStringLiteral("roiCashFlowChart"))),
      m_costs(makeChartView(QStringLiteral("roiCostsChart"))),
      m_revenue(makeChartView(QStringLiteral("roiRevenueChart"))),
      m_tornadoView(makeChartView(QStringLiteral("roiTornadoChart"))),
      m_monteCarlo(new RoiMonteCarloPanel), m_compare(new RoiComparePanel),
      m_sources(new RoiSourcesView)
{
    setObjectName(QStringLiteral("roiPage"));
    // Typing coalesces into one recomputation per pass of the event loop.
    m_recomputeTimer->setSingleShot(true);
    m_recomputeTimer->setInterval(0);
    connect(m_recomputeTimer, &QTimer::timeout, this, &RoiPage::recompute);
    createActions();

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 2, 0);
    leftLayout->addWidget(m_scenarios);
    leftLayout->addWidget(m_form, 1);
    m_splitter->setObjectName(QStringLiteral("roiSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(createResults());
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({470, 730});

    m_empty->setObjectName(QStringLiteral("roiEmptyPanel"));
    m_empty->setMessage(MessagePanel::Kind::Information, tr("No ROI scenario yet"),
                        tr("Start from an industry case: each template writes out every "
                           "assumption as an input you can change, with its source. Fill the "
                           "training and serving costs from a run afterwards."));
    QList<QAction *> emptyActions = m_templateActions;
    emptyActions.append(m_importAction);
    m_empty->setActions(emptyActions);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_splitter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_compare->setLoader([this](qint64 id) {
        QString error;
        return m_scenarios->library()->load(id, &error);
    });
    connect(m_scenarios, &RoiScenarioPanel::scenarioOpened, this, &RoiPage::onScenarioOpened);
    connect(m_scenarios, &RoiScenarioPanel::scenarioClosed, this, [this] {
        m_stack->setCurrentWidget(m_empty);
        m_problems.clear();
        m_projection.reset();
        m_figures.reset();
        m_tornado.reset();
        m_monteCarlo->reset();
        m_sources->clearReport();
        updateActions();
    });
    connect(m_scenarios, &RoiScenarioPanel::scenarioRenamed, this, [this](const QString &name) {
        m_form->setScenarioName(name.toStdString());
        m_title->setText(name);
        m_compareStale = true;
        refreshLazyTabs();
    });
    connect(m_scenarios, &RoiScenarioPanel::listChanged, this,
            [this] { m_compare->setSaved(m_scenarios->summaries()); });
    connect(m_form, &RoiInputForm::edited, this, &RoiPage::onEdited);
    connect(m_tabs, &QTabWidget::currentChanged, this, &RoiPage::refreshLazyTabs);
    connect(m_compare->modeBox(), qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { refreshLazyTabs(); });
    connect(m_banner, &QLabel::linkActivated, this,
            [this](const QString &key) { m_form->revealField(key.toStdString()); });
    connect(m_measurer, &RunMeasurementWorker::progress, this,
            [this](const QString &text) { m_notice->showNotice(text, false); });
    connect(m_measurer, &RunMeasurementWorker::measured, this, &RoiPage::onMeasured);
    connect(m_measurer, &RunMeasurementWorker::failed, this, [this](const QString &reason) {
        m_notice->showNotice(reason, true);
        updateActions();
    });

    setWorkspace(workspaceDir);
}

RoiPage::~RoiPage() = default;

void RoiPage::createActions()
{
    for (const auto &[id, title] : RoiScenarioPanel::templateTitles()) {
        auto *action = new QAction(title, this);
        action->setObjectName(QStringLiteral("roiEmptyTemplate-") + id);
        action->setToolTip(RoiScenarioPanel::templateDescription(id));
        connect(action, &QAction::triggered, this, [this, id = id] { newFromTemplate(id); });
        m_templateActions.append(action);
    }
    m_fillRunAction = new QAction(tr("Fill from Run…"), this);
    m_fillRunAction->setObjectName(QStringLiteral("roiFillFromRun"));
    m_fillRunAction->setToolTip(tr("Measure a trained run on this machine and take its "
                                   "training time, latency, throughput and confusion matrix"));
    connect(m_fillRunAction, &QAction::triggered, this, [this] { chooseRun(false); });
    m_fillVariantAction = new QAction(tr("Fill from Compressed Variant…"), this);
    m_fillVariantAction->setObjectName(QStringLiteral("roiFillFromVariant"));
    m_fillVariantAction->setToolTip(tr("Training figures from a run, serving figures and the "
                                       "confusion matrix from one of its compressed variants"));
    connect(m_fillVariantAction, &QAction::triggered, this, [this] { chooseRun(true); });
    m_importAction = new QAction(tr("Import…"), this);
    m_importAction->setObjectName(QStringLiteral("roiImport"));
    m_importAction->setToolTip(tr("Add a scenario from a JSON file to the workspace"));
    connect(m_importAction, &QAction::triggered, this, &RoiPage::chooseImport);
    m_exportJsonAction = new QAction(tr("Scenario as JSON…"), this);
    m_exportJsonAction->setObjectName(QStringLiteral("roiExportJson"));
    m_exportJsonAction->setToolTip(tr("The whole scenario as a JSON file that re-opens "
                                      "identically"));
    connect(m_exportJsonAction, &QAction::triggered, this, &RoiPage::chooseExport);
    m_exportCsvAction = new QAction(tr("Cash Flow as CSV…"), this);
    m_exportCsvAction->setObjectName(QStringLiteral("roiExportCsv"));
    m_exportCsvAction->setToolTip(tr("The monthly cash-flow table for a spreadsheet"));
    connect(m_exportCsvAction, &QAction::triggered, this, &RoiPage::chooseExportCsv);
    m_exportPdfAction = new QAction(tr("Export PDF…"), this);
    m_exportPdfAction->setObjectName(QStringLiteral("roiExportPdf"));
    m_exportPdfAction->setToolTip(tr("A report for stakeholders: key figures, charts, inputs "
                                     "with their sources"));
    connect(m_exportPdfAction, &QAction::triggered, this, &RoiPage::chooseExportPdf);
    m_presentAction = new QAction(tr("Present"), this);
    m_presentAction->setObjectName(QStringLiteral("roiPresent"));
    m_presentAction->setToolTip(tr("Key figures and charts full screen; arrow keys change "
                                   "slides"));
    connect(m_presentAction, &QAction::triggered, this, &RoiPage::present);
}

QWidget *RoiPage::createResults()
{
    auto *toolBar = new QToolBar;
    toolBar->setObjectName(QStringLiteral("roiToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(m_fillRunAction);
    toolBar->addAction(m_fillVariantAction);
    toolBar->addSeparator();
    toolBar->addAction(m_importAction);
    auto *exportButton = new QToolButton;
    exportButton->setObjectName(QStringLiteral("roiExportMenu"));
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(m_exportJsonAction);
    exportMenu->addAction(m_exportCsvAction);
    exportMenu->addAction(m_exportPdfAction);
    exportButton->setMenu(exportMenu);
    toolBar->addWidget(exportButton);
    toolBar->addAction(m_exportPdfAction);
    toolBar->addAction(m_presentAction);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setObjectName(QStringLiteral("roiTitle"));
    m_banner->setObjectName(QStringLiteral("roiProblemBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #8c1d18; border: 1px solid "
                       "#e6b0aa; border-radius: 4px; padding: 6px; }"));
    m_banner->setVisible(false);

    m_tabs->setObjectName(QStringLiteral("roiTabs"));
    m_tabs->addTab(m_cashFlow, tr("Cash Flow"));
    m_tabs->addTab(m_costs, tr("Costs"));
    m_tabs->addTab(m_revenue, tr("Revenue"));
    m_tabs->addTab(m_tornadoView, tr("Tornado"));
    m_tabs->addTab(m_monteCarlo, tr("Monte Carlo"));
    m_tabs->addTab(m_compare, tr("Compare"));
    m_tabs->addTab(m_sources, tr("Sources"));

    auto *results = new QWidget;
    auto *layout = new QVBoxLayout(results);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(toolBar);
    layout->addWidget(m_title);
    layout->addWidget(m_notice);
    layout->addWidget(m_banner);
    layout->addWidget(m_figuresPanel);
    layout->addWidget(m_tabs, 1);
    return results;
}

void RoiPage::setWorkspace(const QString &dir)
{
    m_workspace = dir;
    m_notice->clearNotice();
    m_scenarios->setDatabasePath(databasePathOf(dir));
    m_compare->setSaved(m_scenarios->summaries());
    updateActions();
}

bool RoiPage::hasScenario() const
{
    return m_scenarios->hasScenario();
}

const roi::Scenario &RoiPage::scenario() const
{
    return hasScenario() ? m_form->scenario() : emptyScenario();
}

std::optional<roi::Tornado> RoiPage::tornado()
{
    if (!hasScenario() || !m_problems.empty() || !m_projection)
        return std::nullopt;
    if (m_tornadoStale || !m_tornado) {
        try {
            m_tornado = roi::tornado(m_form->scenario());
        } catch (const std::exception &) {
            m_tornado.reset();
        }
        m_tornadoStale = false;
    }
    return m_tornado;
}

std::optional<roi::MonteCarloResult> RoiPage::monteCarloResult() const
{
    return m_monteCarlo->result();
}

const roi::FillReport &RoiPage::lastFillReport() const
{
    return m_sources->report();
}

QChartView *RoiPage::chartView(Tab tab) const
{
    switch (tab) {
    case CashFlowTab:
        return m_cashFlow;
    case CostsTab:
        return m_costs;
    case RevenueTab:
        return m_revenue;
    case TornadoTab:
        return m_tornadoView;
    default:
        return nullptr;
    }
}

void RoiPage::onScenarioOpened(const roi::Scenario &scenario)
{
    m_form->setScenario(scenario);
    m_title->setText(QString::fromStdString(scenario.name));
    m_monteCarlo->reset();
    m_sources->clearReport();
    m_stack->setCurrentWidget(m_splitter);
    m_compare->setSaved(m_scenarios->summaries());
    recomputeNow();
    updateActions();
}

void RoiPage::onEdited()
{
    m_scenarios->noteEdited(m_form->scenario());
    scheduleRecompute();
}

void RoiPage::scheduleRecompute()
{
    m_recomputeTimer->start();
}

void RoiPage::recomputeNow()
{
    m_recomputeTimer->stop();
    recompute();
}

void RoiPage::recompute()
{
    if (!hasScenario())
        return;
    const roi::Scenario &scenario = m_form->scenario();
    const QString currency = QString::fromStdString(scenario.currency);
    m_problems = roi::validate(scenario);
    m_projection.reset();
    m_figures.reset();
    if (m_problems.empty()) {
        try {
            m_projection = roi::project(scenario);
            m_figures = roi::keyFigures(scenario, *m_projection);
        } catch (const std::exception &error) {
            // validate() should have caught it; shown as a problem of the whole scenario.
            m_problems.push_back({std::string(), error.what()});
            m_projection.reset();
            m_figures.reset();
        }
    }
    m_tornadoStale = true;
    m_compareStale = true;
    m_form->setProblems(m_problems);
    showProblems();
    if (m_figures) {
        m_figuresPanel->setFigures(*m_figures, currency);
        RoiCharts::showCashFlow(m_cashFlow->chart(), *m_projection, *m_figures, currency);
        RoiCharts::showCosts(m_costs->chart(), *m_projection, currency);
        RoiCharts::showRevenue(m_revenue->chart(), *m_projection, currency);
    } else {
        m_figuresPanel->setMissing();
        const QString why = tr("the scenario cannot be computed");
        RoiCharts::showMessage(m_cashFlow->chart(), RoiCharts::cashFlowTitle(), why);
        RoiCharts::showMessage(m_costs->chart(), RoiCharts::costsTitle(), why);
        RoiCharts::showMessage(m_revenue->chart(), RoiCharts::revenueTitle(), why);
    }
    m_monteCarlo->setScenario(scenario, m_problems.empty());
    m_sources->setScenario(scenario);
    refreshLazyTabs();
    updateActions();
    Q_EMIT recomputed();
}

void RoiPage::showProblems()
{
    if (m_problems.empty()) {
        m_banner->setVisible(false);
        m_banner->clear();
        return;
    }
    // One line per input, in the words shown next to its field (a text that is no number says
    // so instead of naming a NaN).
    constexpr int kShown = 3;
    QStringList lines;
    std::vector<std::string> keys;
    for (const roi::InputProblem &problem : m_problems) {
        if (std::find(keys.begin(), keys.end(), problem.key) != keys.end())
            continue;
        keys.push_back(problem.key);
        if (int(keys.size()) > kShown)
            continue;
        QString reason = QString::fromStdString(problem.reason);
        if (const RoiInputField *field = m_form->field(problem.key);
            field && !field->problemText().isEmpty())
            reason = field->problemText();
        if (problem.key.empty()) {
            lines.append(reason.toHtmlEscaped());
            continue;
        }
        lines.append(tr("<a href=\"%1\">%2</a>: %3")
                         .arg(QString::fromStdString(problem.key).toHtmlEscaped(),
                              RoiText::keyLabel(problem.key).toHtmlEscaped(),
                              reason.toHtmlEscaped()));
    }
    const int count = int(keys.size());
    if (count > kShown)
        lines.append(tr("and %n more, marked in the form.", "", count - kShown));
    m_banner->setText(
        tr("<b>The scenario cannot be computed.</b> %n input(s) need attention:", "", count) +
        QStringLiteral("<br>") + lines.join(QStringLiteral("<br>")));
    m_banner->setVisible(true);
}

void RoiPage::refreshLazyTabs()
{
    if (!hasScenario())
        return;
    const int tab = m_tabs->currentIndex();
    const QString currency = QString::fromStdString(m_form->scenario().currency);
    if (tab == TornadoTab) {
        if (const std::optional<roi::Tornado> bars = tornado())
            RoiCharts::showTornado(m_tornadoView->chart(), *bars, currency);
        else
            RoiCharts::showMessage(m_tornadoView->chart(), RoiCharts::tornadoTitle(),
                                   tr("the scenario cannot be computed"));
    }
    if (tab == CompareTab && m_compareStale) {
        m_compare->setCurrent(m_form->scenario(), m_scenarios->currentId(),
                              m_compare->mode() == RoiComparePanel::RangeMode
                                  ? tornado()
                                  : std::optional<roi::Tornado>());
        m_compareStale = false;
    }
}

void RoiPage::updateActions()
{
    const bool has = hasScenario();
    const bool computed = has && m_problems.empty() && m_projection.has_value();
    const bool measuring = m_measurer->busy();
    m_fillRunAction->setEnabled(has && !measuring);
    m_fillVariantAction->setEnabled(has && !measuring);
    m_exportJsonAction->setEnabled(has);
    m_exportCsvAction->setEnabled(computed);
    m_exportPdfAction->setEnabled(computed);
    m_presentAction->setEnabled(computed);
    const QString why = has ? tr("The scenario cannot be computed: correct the inputs marked "
                                 "in the form first.")
                            : QString();
    for (QAction *action : {m_exportCsvAction, m_exportPdfAction, m_presentAction})
        action->setStatusTip(computed ? QString() : why);
}

void RoiPage::openDraft(const roi::Scenario &scenario)
{
    m_scenarios->openDraft(scenario);
}

bool RoiPage::newFromTemplate(const QString &templateId)
{
    m_scenarios->createFromTemplate(templateId);
    return hasScenario();
}

bool RoiPage::exportScenario(const QString &path, QString *error)
{
    if (!hasScenario())
        return false;
    try {
        roi::writeScenarioFile(QFile::encodeName(path).toStdString(), m_form->scenario());
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
    }
    return false;
}

bool RoiPage::importScenario(const QString &path, QString *error)
{
    try {
        const roi::Scenario scenario = roi::readScenarioFile(QFile::encodeName(path).toStdString());
        m_scenarios->createScenario(scenario);
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
    }
    return false;
}

void RoiPage::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import ROI Scenario"), m_workspace,
                                                      tr("ROI scenarios (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (importScenario(path, &error))
        m_notice->showNotice(tr("Imported %1.").arg(QDir::toNativeSeparators(path)), false);
    else
        m_notice->showNotice(tr("Cannot import %1: %2").arg(QDir::toNativeSeparators(path), error),
                             true);
}

QString RoiPage::askSavePath(const QString &title, const QString &suffix, const QString &filter)
{
    QString name = QString::fromStdString(m_form->scenario().name).trimmed();
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]")), QStringLiteral("-"));
    const QString suggested = QDir(m_workspace)
                                  .filePath((name.isEmpty() ? QStringLiteral("scenario") : name) +
                                            QLatin1Char('.') + suffix);
    QString path = QFileDialog::getSaveFileName(this, title, suggested, filter);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    return path;
}

void RoiPage::reportExport(const QString &path, bool ok, const QString &error)
{
    if (ok)
        m_notice->showNotice(tr("Exported %1.").arg(QDir::toNativeSeparators(path)), false);
    else
        m_notice->showNotice(tr("Cannot export %1: %2").arg(QDir::toNativeSeparators(path), error),
                             true);
}

void RoiPage::chooseExport()
{
    if (!hasScenario())
        return;
    const QString path = askSavePath(tr("Export ROI Scenario"), QStringLiteral("json"),
                                     tr("ROI scenarios (*.json)"));
    QString error;
    if (!path.isEmpty())
        reportExport(path, exportScenario(path, &error), error);
}

void RoiPage::chooseExportCsv()
{
    if (!hasScenario())
        return;
    const QString path =
        askSavePath(tr("Export Cash Flow"), QStringLiteral("csv"), tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty())
        reportExport(path, exportCashFlowCsv(path, &error), error);
}

void RoiPage::chooseExportPdf()
{
    if (!hasScenario())
        return;
    const QString path =
        askSavePath(tr("Export ROI Report"), QStringLiteral("pdf"), tr("PDF files (*.pdf)"));
    QString error;
    if (!path.isEmpty())
        reportExport(path, exportPdf(path, &error), error);
}

bool RoiPage::exportPdf(const QString &path, QString *error)
{
    if (!hasScenario())
        return false;
    recomputeNow();
    return RoiPdfReport::write(m_form->scenario(), monteCarloResult(), path, error);
}

bool RoiPage::exportCashFlowCsv(const QString &path, QString *error)
{
    if (!hasScenario())
        return false;
    recomputeNow();
    if (!m_projection) {
        if (error)
            *error = tr("the scenario has input problems; correct them first.");
        return false;
    }
    try {
        roi::writeCashFlowCsv(QFile::encodeName(path).toStdString(), m_form->scenario(),
                              *m_projection);
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
    }
    return false;
}

RoiPresentation *RoiPage::present()
{
    if (!hasScenario())
        return nullptr;
    recomputeNow();
    if (!m_projection) {
        m_notice->showNotice(tr("Correct the scenario's input problems before presenting it."),
                             true);
        return nullptr;
    }
    auto *presentation = new RoiPresentation(m_form->scenario(), monteCarloResult());
    presentation->setAttribute(Qt::WA_DeleteOnClose);
    presentation->start();
    return presentation;
}

void RoiPage::chooseRun(bool variant)
{
    if (!hasScenario() || m_measurer->busy())
        return;
    RunPickerDialog dialog(databasePathOf(m_workspace),
                           variant ? RunPickerDialog::Mode::Variant : RunPickerDialog::Mode::Run,
                           this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    fillFromRuns(dialog.selectedRun(), dialog.selectedVariant());
}

bool RoiPage::fillFromRuns(qint64 runId, qint64 variantId)
{
    if (!hasScenario() || runId <= 0)
        return false;
    QList<qint64> runs{runId};
    if (variantId > 0)
        runs.append(variantId);
    if (!m_measurer->measure(runs, m_workspace))
        return false;
    // The result fills the scenario that asked for it, not one opened meanwhile.
    m_fillScenarioId = m_scenarios->currentId();
    m_fillWorkspace = m_workspace;
    updateActions();
    return true;
}

bool RoiPage::isMeasuring() const
{
    return m_measurer->busy();
}

void RoiPage::onMeasured(const std::vector<roi::MeasuredRun> &runs)
{
    updateActions();
    if (runs.empty())
        return;
    if (!hasScenario() || m_scenarios->currentId() != m_fillScenarioId ||
        m_workspace != m_fillWorkspace) {
        m_notice->showNotice(tr("The measurement finished after another scenario was opened; "
                                "nothing was filled."),
                             true);
        return;
    }
    applyMeasuredRuns(runs.front(), runs.back());
}

void RoiPage::applyMeasuredRuns(const roi::MeasuredRun &training, const roi::MeasuredRun &serving)
{
    if (!hasScenario())
        return;
    roi::Scenario scenario = m_form->scenario();
    const roi::FillReport report = roi::fillFromRuns(scenario, training, serving);
    m_form->setScenario(scenario);
    m_scenarios->noteEdited(scenario);
    m_sources->setReport(report);
    QString runs = QStringLiteral("#%1").arg(training.runId);
    if (serving.runId != training.runId)
        runs = tr("%1 and #%2").arg(runs).arg(serving.runId);
    m_notice->showNotice(tr("Filled %n figure(s) from run %1; the Sources tab lists each with "
                            "its measurement.",
                            "", int(report.filled.size()))
                             .arg(runs),
                         false);
    m_tabs->setCurrentIndex(SourcesTab);
    recomputeNow();
}

} // namespace mf
