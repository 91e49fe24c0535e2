#include "app/gui/mainwindow.h"

#include "app/gui/augment/augmentpage.h"
#include "app/gui/compress/compresspage.h"
#include "app/gui/datasets/datasetspage.h"
#include "app/gui/datasets/loadeddataset.h"
#include "app/gui/roi/roipage.h"
#include "app/gui/runs/runspage.h"
#include "app/gui/samples/sampledatasets.h"
#include "app/gui/train/trainconfigform.h"
#include "app/gui/train/traincontroller.h"
#include "app/gui/train/trainpage.h"
#include "app/gui/train/trainpresets.h"
#include "app/gui/versioninfo.h"
#include "core/store/workspace.h"
#include "widgets/sectionnavigator.h"
#include "widgets/wheelguard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

namespace mf {

MainWindow::MainWindow(const QString &workspaceDir, QWidget *parent)
    : QMainWindow(parent), m_navigator(new SectionNavigator), m_pages(new QStackedWidget),
      m_runsPage(new RunsPage), m_datasetsPage(new DatasetsPage),
      m_augmentPage(new AugmentPage(workspaceDir)), m_trainPage(new TrainPage(workspaceDir)),
      m_compressPage(new CompressPage(workspaceDir)), m_roiPage(new RoiPage(workspaceDir)),
      m_workspaceLabel(new QLabel), m_summaryLabel(new QLabel)
{
    setObjectName(QStringLiteral("mainWindow"));
    // Every form of the window: the wheel scrolls, it does not change an unfocused field.
    WheelGuard::install();
    setWindowIcon(QIcon(QStringLiteral(":/icons/modelforge.png")));
    createActions();
    createSections();

    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigator);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_workspaceLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_workspaceLabel, 1);
    statusBar()->addPermanentWidget(m_summaryLabel);
    connect(m_runsPage, &RunsPage::stateChanged, this, &MainWindow::updateStatus);
    connect(m_runsPage, &RunsPage::runsLoaded, this, &MainWindow::updateStatus);
    connect(m_trainPage, &TrainPage::runsChanged, m_runsPage, &RunsPage::refresh);
    connect(m_compressPage, &CompressPage::runsChanged, m_runsPage, &RunsPage::refresh);
    // The dataset opened last and the pipeline saved last are what the next run trains with.
    connect(m_datasetsPage, &DatasetsPage::datasetLoaded, this, [this](const QString &path) {
        const std::shared_ptr<const LoadedDataset> loaded = m_datasetsPage->loadedDataset();
        if (loaded && loaded->bundle && loaded->kind == LoadedDataset::Kind::Images)
            m_augmentPage->setDataset(loaded->bundle, path);
        if (!m_trainPage->controller()->isBusy())
            m_trainPage->form()->setDatasetPath(path);
    });
    const auto augmentWith = [this](const QString &path) {
        if (m_trainPage->controller()->isBusy())
            return;
        m_trainPage->form()->setAugmentationPath(path);
        statusBar()->showMessage(
            tr("The Train section will augment with %1.").arg(QDir::toNativeSeparators(path)),
            8000);
    };
    connect(m_augmentPage, &AugmentPage::pipelineSaved, this, augmentWith);
    connect(m_augmentPage, &AugmentPage::textPipelineSaved, this, augmentWith);
    connect(m_runsPage, &RunsPage::resumeRequested, this, [this](qint64 runId) {
        if (!m_trainPage->resumeRun(runId)) {
            QMessageBox::information(
                this, tr("Resume Run"),
                tr("Run %1 cannot resume while another run is training.").arg(runId));
            return;
        }
        showSection(TrainSection);
    });
    connect(m_runsPage, &RunsPage::openInTrainRequested, this, [this](qint64 runId) {
        if (m_trainPage->showStoredRun(runId))
            showSection(TrainSection);
        else
            QMessageBox::information(this, tr("Open in Train"),
                                     tr("The Train section is busy with a run in progress."));
    });
    connect(m_trainPage, &TrainPage::showRunRequested, this, [this](qint64 runId) {
        showSection(RunsSection);
        m_runsPage->selectRun(runId);
    });
    const auto closeIfAsked = [this] {
        if (m_closeAfterStop)
            close();
    };
    connect(m_trainPage->controller(), &TrainController::runEnded, this, closeIfAsked);
    connect(m_trainPage->controller(), &TrainController::startFailed, this, closeIfAsked);

    createEmptyRunsActions();
    resize(1280, 800);
    setWorkspace(workspaceDir);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction =
        new QAction(style()->standardIcon(QStyle::SP_DirOpenIcon), tr("&Open Workspace…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Show the runs of another workspace directory"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openWorkspace);

    m_openDatasetAction = new QAction(tr("Open &Dataset Folder…"), this);
    m_openDatasetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openDatasetAction->setStatusTip(
        tr("Browse an MNIST, CIFAR or image-class folder in the Datasets section"));
    connect(m_openDatasetAction, &QAction::triggered, this, [this] {
        showSection(DatasetsSection);
        m_datasetsPage->chooseDataset(DatasetFileDialog::Mode::Folder);
    });
    m_openDatasetFileAction = new QAction(tr("Open Dataset &File…"), this);
    m_openDatasetFileAction->setStatusTip(
        tr("Browse a CSV, JSON Lines, IDX or CIFAR batch file in the Datasets section"));
    connect(m_openDatasetFileAction, &QAction::triggered, this, [this] {
        showSection(DatasetsSection);
        m_datasetsPage->chooseDataset(DatasetFileDialog::Mode::File);
    });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_refreshAction =
        new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this);
    // F5 everywhere, plus whatever the platform calls Refresh.
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!refreshKeys.contains(QKeySequence(Qt::Key_F5)))
        refreshKeys.prepend(QKeySequence(Qt::Key_F5));
    m_refreshAction->setShortcuts(refreshKeys);
    m_refreshAction->setStatusTip(tr("Read the run store again"));
    connect(m_refreshAction, &QAction::triggered, this, [this] { m_runsPage->refresh(); });

    m_aboutAction = new QAction(tr("&About ModelForge"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_openDatasetAction);
    file->addAction(m_openDatasetFileAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_refreshAction);
}

void MainWindow::createEmptyRunsActions()
{
    // A first launch lands on an empty Runs section: it leads to the data and to a first run.
    const QString fashion = fashionMnistPath();
    const bool haveFashion = QFileInfo(fashion).isDir();
    auto *openData =
        new QAction(style()->standardIcon(QStyle::SP_DirOpenIcon),
                    haveFashion ? tr("Browse Fashion-MNIST") : tr("Open a Dataset…"), this);
    openData->setObjectName(QStringLiteral("emptyRunsOpenDataset"));
    openData->setToolTip(
        haveFashion ? tr("Open %1 in the Datasets section").arg(QDir::toNativeSeparators(fashion))
                    : tr("Choose a dataset file or folder"));
    connect(openData, &QAction::triggered, this, [this, fashion, haveFashion] {
        showSection(DatasetsSection);
        if (haveFashion)
            m_datasetsPage->openDataset(fashion);
        else
            m_datasetsPage->chooseDataset();
    });
    const TrainPreset preset = trainPresets().constFirst();
    auto *train = new QAction(style()->standardIcon(QStyle::SP_MediaPlay),
                              tr("Train %1").arg(preset.title), this);
    train->setObjectName(QStringLiteral("emptyRunsTrainPreset"));
    train->setToolTip(preset.description);
    connect(train, &QAction::triggered, this, [this, key = preset.key] {
        if (!m_trainPage->controller()->isBusy())
            m_trainPage->form()->applyPreset(key);
        showSection(TrainSection);
    });
    m_runsPage->setEmptyStateActions({openData, train});
}

void MainWindow::createSections()
{
    struct Entry
    {
        QStyle::StandardPixmap icon;
        QString title;
        QString toolTip;
        QWidget *page;
    };
    const Entry entries[SectionCount] = {
        {QStyle::SP_DirIcon, tr("Datasets"),
         tr("Load MNIST, CIFAR, CSV and image-folder datasets; browse samples and check class "
            "balance."),
         m_datasetsPage},
        {QStyle::SP_FileDialogContentsView, tr("Augment"),
         tr("Compose an augmentation pipeline and preview it on sample images."), m_augmentPage},
        {QStyle::SP_MediaPlay, tr("Train"),
         tr("Configure a model and optimiser, start training and follow loss and accuracy "
            "live."),
         m_trainPage},
        {QStyle::SP_FileDialogDetailedView, tr("Runs"),
         tr("Every training run in the workspace: status, parameters and final metrics."),
         m_runsPage},
        {QStyle::SP_DriveHDIcon, tr("Compress"),
         tr("Prune, quantise or distil a trained model and compare its size, speed and "
            "accuracy."),
         m_compressPage},
        {QStyle::SP_FileDialogInfoView, tr("ROI"),
         tr("Weigh a model's costs against its benefits: net present value, internal rate of "
            "return and payback."),
         m_roiPage},
    };
    for (int section = 0; section < SectionCount; ++section) {
        const Entry &entry = entries[section];
        m_navigator->addSection(style()->standardIcon(entry.icon), entry.title, entry.toolTip,
                                entry.page != nullptr);
        m_sectionPages[section] = entry.page;
        if (entry.page)
            m_pages->addWidget(entry.page);
    }
    connect(m_navigator, &SectionNavigator::sectionChosen, this,
            [this](int section) { m_pages->setCurrentWidget(m_sectionPages[section]); });
    showSection(RunsSection);
}

void MainWindow::setWorkspace(const QString &dir)
{
    m_workspace = dir;
    setWindowTitle(tr("%1 — ModelForge").arg(QDir::toNativeSeparators(dir)));
    m_workspaceLabel->setText(tr("Workspace: %1").arg(QDir::toNativeSeparators(dir)));
    m_runsPage->setDatabasePath(databasePathFor(dir));
    m_datasetsPage->setDatabasePath(databasePathFor(dir));
    m_augmentPage->setWorkspace(dir);
    m_trainPage->setWorkspace(dir);
    m_compressPage->setWorkspace(dir);
    m_roiPage->setWorkspace(dir);
    updateStatus();
}

QString MainWindow::databasePathFor(const QString &workspaceDir)
{
    const Workspace workspace{QFile::encodeName(workspaceDir).toStdString()};
    return QFile::decodeName(workspace.databasePath().c_str());
}

QWidget *MainWindow::sectionPage(int section) const
{
    return section >= 0 && section < SectionCount ? m_sectionPages[section] : nullptr;
}

QString MainWindow::sectionKey(int section)
{
    static const char *const keys[SectionCount] = {"datasets", "augment",  "train",
                                                   "runs",     "compress", "roi"};
    return section >= 0 && section < SectionCount ? QString::fromLatin1(keys[section]) : QString();
}

int MainWindow::currentSection() const
{
    return m_navigator->currentSection();
}

bool MainWindow::showSection(int section)
{
    if (!m_navigator->setCurrentSection(section))
        return false;
    m_pages->setCurrentWidget(m_sectionPages[section]);
    return true;
}

QList<QSplitter *> MainWindow::rememberedSplitters() const
{
    // Every named splitter of the sections; the Runs page keeps its own (it widens for a
    // comparison and must not remember that).
    QList<QSplitter *> splitters;
    for (QSplitter *splitter : findChildren<QSplitter *>())
        if (!splitter->objectName().isEmpty() && splitter != m_runsPage->splitter())
            splitters.append(splitter);
    return splitters;
}

void MainWindow::selectRunsOnceLoaded(const QList<qint64> &runIds)
{
    auto *once = new QObject(this);
    connect(m_runsPage, &RunsPage::runsLoaded, once, [this, once, runIds] {
        once->deleteLater();
        showSection(RunsSection);
        if (!m_runsPage->selectRuns(runIds)) {
            QStringList ids;
            for (qint64 id : runIds)
                ids.append(QStringLiteral("#%1").arg(id));
            statusBar()->showMessage(
                tr("Cannot select %1: not every one of these runs is in this workspace.")
                    .arg(ids.join(QStringLiteral(", "))),
                8000);
        }
    });
}

void MainWindow::rememberLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_runsPage->restoreSettings(settings);
    for (QSplitter *splitter : rememberedSplitters())
        splitter->restoreState(
            settings.value(QStringLiteral("splitters/") + splitter->objectName()).toByteArray());
    m_remembersLayout = true;
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_runsPage->saveSettings(settings);
    for (QSplitter *splitter : rememberedSplitters())
        settings.setValue(QStringLiteral("splitters/") + splitter->objectName(),
                          splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_trainPage->controller()->isBusy() && !confirmCloseWhileTraining()) {
        event->ignore();
        return;
    }
    if (m_remembersLayout)
        saveLayout();
    event->accept();
}

bool MainWindow::confirmCloseWhileTraining()
{
    TrainController *controller = m_trainPage->controller();
    if (m_closeAfterStop) // already asked; the run is stopping
        return false;
    const QMessageBox::StandardButton answer = QMessageBox::question(
        this, tr("Training in Progress"),
        tr("Run %1 is still training. Stop it and quit? The run is kept as STOPPED with its last "
           "checkpoint, so it can be resumed later.")
            .arg(controller->runId()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return false;
    m_closeAfterStop = true;
    controller->stop();
    statusBar()->showMessage(tr("Stopping the run before quitting…"));
    return false;
}

void MainWindow::openWorkspace()
{
    if (m_trainPage->controller()->isBusy()) {
        QMessageBox::information(this, tr("Open Workspace"),
                                 tr("Stop the run in progress before opening another "
                                    "workspace."));
        return;
    }
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"), m_workspace);
    if (!dir.isEmpty())
        setWorkspace(dir);
}

void MainWindow::showAbout()
{
    QString rows;
    for (const auto &[component, version] : VersionInfo::components()) {
        rows += QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>")
                    .arg(component.toHtmlEscaped(), version.toHtmlEscaped());
    }
    QMessageBox::about(
        this, tr("About ModelForge"),
        QStringLiteral("<h3>ModelForge %1</h3><p>%2</p><table>%3</table>")
            .arg(VersionInfo::modelForgeVersion().toHtmlEscaped(),
                 tr("A desktop workbench to train, compare and compress models.").toHtmlEscaped(),
                 rows));
}

void MainWindow::updateStatus()
{
    const QLocale locale;
    switch (m_runsPage->state()) {
    case RunsPage::State::Populated:
    case RunsPage::State::Empty:
        m_summaryLabel->setText(
            tr("Runs: %1 · updated %2")
                .arg(locale.toString(m_runsPage->runCount()),
                     locale.toString(
                         QDateTime::fromMSecsSinceEpoch(m_runsPage->lastLoadedAtMs()).time(),
                         QLocale::ShortFormat)));
        break;
    case RunsPage::State::Loading:
        m_summaryLabel->setText(tr("Loading…"));
        break;
    case RunsPage::State::Error:
        m_summaryLabel->setText(tr("Run store unavailable"));
        break;
    case RunsPage::State::Idle:
        m_summaryLabel->clear();
        break;
    }
}

} // namespace mf
