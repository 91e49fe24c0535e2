#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;

namespace mf {

class AugmentPage;
class CompressPage;
class DatasetsPage;
class RoiPage;
class RunsPage;
class TrainPage;
class SectionNavigator;

/// The workbench window: a section navigator beside the page of the chosen section. Sections that
/// are not built yet stay visible but disabled, with a tooltip saying what they will do.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Section
    {
        DatasetsSection,
        AugmentSection,
        TrainSection,
        RunsSection,
        CompressSection,
        RoiSection,
        SectionCount
    };

    explicit MainWindow(const QString &workspaceDir, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows the runs of the workspace in `dir`.
    void setWorkspace(const QString &dir);
    QString workspace() const { return m_workspace; }
    static QString databasePathFor(const QString &workspaceDir);

    SectionNavigator *navigator() const { return m_navigator; }
    RunsPage *runsPage() const { return m_runsPage; }
    DatasetsPage *datasetsPage() const { return m_datasetsPage; }
    AugmentPage *augmentPage() const { return m_augmentPage; }
    TrainPage *trainPage() const { return m_trainPage; }
    CompressPage *compressPage() const { return m_compressPage; }
    RoiPage *roiPage() const { return m_roiPage; }
    /// The page of a section; nullptr for a section that is not built yet.
    QWidget *sectionPage(int section) const;
    /// A stable, untranslated name: "datasets", "augment", "train", "runs", "compress", "roi".
    static QString sectionKey(int section);
    int currentSection() const;
    bool showSection(int section);

    QAction *refreshAction() const { return m_refreshAction; }

    /// Restores geometry and splitter state now and saves them when the window closes.
    void rememberLayout();
    /// Selects these runs in the Runs section (several: a comparison) once the store is read.
    void selectRunsOnceLoaded(const QList<qint64> &runIds);
    void saveLayout() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    QList<QSplitter *> rememberedSplitters() const;
    void createEmptyRunsActions();
    void createSections();
    void openWorkspace();
    void showAbout();
    void updateStatus();
    /// Training in progress: asks, then stops the run and closes once it has ended.
    bool confirmCloseWhileTraining();

    QString m_workspace;
    SectionNavigator *m_navigator;
    QStackedWidget *m_pages;
    RunsPage *m_runsPage;
    DatasetsPage *m_datasetsPage;
    AugmentPage *m_augmentPage;
    TrainPage *m_trainPage;
    CompressPage *m_compressPage;
    RoiPage *m_roiPage;
    bool m_closeAfterStop = false;
    QWidget *m_sectionPages[SectionCount] = {};
    QAction *m_openAction = nullptr;
    QAction *m_openDatasetAction = nullptr;
    QAction *m_openDatasetFileAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QLabel *m_workspaceLabel;
    QLabel *m_summaryLabel;
    bool m_remembersLayout = false;
};

} // namespace mf
