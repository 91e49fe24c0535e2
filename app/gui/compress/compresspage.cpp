#include "app/gui/compress/compresspage.h"

#include "app/gui/compress/compresscontroller.h"
#include "app/gui/compress/compressreportpage.h"
#include "app/gui/compress/compressrunpage.h"
#include "app/gui/compress/compresssourcepage.h"
#include "app/gui/compress/compresstechniquespage.h"
#include "core/store/workspace.h"

#include <QAbstractButton>
#include <QFile>
#include <QVBoxLayout>
#include <QWizard>

namespace mf {

namespace {

QString databasePathOf(const QString &workspaceDir)
{
    return QFile::decodeName(
        Workspace{QFile::encodeName(workspaceDir).toStdString()}.databasePath().c_str());
}

} // namespace

CompressPage::CompressPage(const QString &workspaceDir, QWidget *parent)
    : QWidget(parent), m_controller(new CompressController(workspaceDir, this)),
      m_wizard(new QWizard), m_source(new CompressSourcePage),
      m_techniques(new CompressTechniquesPage),
      m_run(new CompressRunPage(m_controller, m_techniques)), m_report(new CompressReportPage)
{
    setObjectName(QStringLiteral("compressPage"));
    m_report->setWorkspaceDir(workspaceDir);
    m_wizard->setObjectName(QStringLiteral("compressWizard"));
    m_wizard->setWindowFlags(Qt::Widget);
    m_wizard->setWizardStyle(QWizard::ClassicStyle);
    m_wizard->setOptions(QWizard::NoCancelButton | QWizard::HaveCustomButton1 |
                         QWizard::NoBackButtonOnStartPage);
    m_wizard->setButtonText(QWizard::CustomButton1, tr("Start &Over"));
    m_wizard->setPage(SourcePageId, m_source);
    m_wizard->setPage(TechniquesPageId, m_techniques);
    m_wizard->setPage(RunPageId, m_run);
    m_wizard->setPage(ReportPageId, m_report);
    m_wizard->setStartId(SourcePageId);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_wizard);

    QAbstractButton *startOver = m_wizard->button(QWizard::CustomButton1);
    startOver->setObjectName(QStringLiteral("compressStartOver"));
    const auto updateStartOver = [this, startOver] {
        startOver->setVisible(m_wizard->currentId() >= RunPageId);
        startOver->setEnabled(!m_controller->isBusy());
    };
    connect(m_wizard, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1 && !m_controller->isBusy())
            m_wizard->restart();
    });
    connect(m_wizard, &QWizard::currentIdChanged, this, [this, updateStartOver](int id) {
        if (id == TechniquesPageId)
            m_techniques->setSourceRun(m_source->selectedRun());
        updateStartOver();
    });
    connect(m_controller, &CompressController::busyChanged, this, updateStartOver);
    connect(m_techniques, &CompressTechniquesPage::studentSuggestionWanted, m_controller,
            &CompressController::suggestStudent);
    connect(m_controller, &CompressController::studentSuggested, m_techniques,
            &CompressTechniquesPage::setStudentSuggestion);
    connect(m_controller, &CompressController::suggestionFailed, m_techniques,
            &CompressTechniquesPage::setSuggestionFailed);
    connect(m_run, &CompressRunPage::jobEnded, this, [this](CompressRunPage::State state) {
        if (state == CompressRunPage::State::Failed)
            return;
        m_report->setReport(m_run->report());
        Q_EMIT runsChanged();
        if (state == CompressRunPage::State::Finished && m_wizard->currentId() == RunPageId)
            m_wizard->next();
    });
    m_wizard->restart();
    m_source->setDatabasePath(databasePathOf(workspaceDir));
    updateStartOver();
}

CompressPage::~CompressPage() = default;

void CompressPage::setWorkspace(const QString &dir)
{
    if (!m_controller->setWorkspaceDir(dir))
        return;
    m_source->setDatabasePath(databasePathOf(dir));
    m_report->setWorkspaceDir(dir);
    if (m_wizard->currentId() != SourcePageId)
        m_wizard->restart();
}

} // namespace mf
