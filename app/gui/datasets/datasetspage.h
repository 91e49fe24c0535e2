#pragma once

#include "app/gui/datasets/datasetfiledialog.h"
#include "core/store/runrecord.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QListView;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace mf {

struct DatasetAnalysis;
class ClassBalanceChart;
class DatasetLoadController;
class DatasetStatsPanel;
class LoadedDataset;
class MessagePanel;
class SampleInspector;
class TableSummaryView;
class TextDocumentsModel;
class TextStatsView;
class ThumbnailDelegate;
class ThumbnailModel;

/// The Datasets section: open a dataset (File > Open Dataset…, drag and drop, or the recent
/// list kept in the run store), browse its samples in a thumbnail grid filtered by split and
/// class, inspect one sample up close, and see class balance, statistics and problems. Text
/// datasets list their documents with token statistics; CSV tables their columns. Loading and
/// analysis run on a worker thread; a failed open leaves the previous dataset in place.
class DatasetsPage : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        Empty,   ///< nothing opened yet: an invitation and the recent datasets
        Loading, ///< an open is in progress
        Loaded,  ///< a dataset is shown
        Error    ///< the last open failed; the previous dataset, if any, is one click away
    };
    Q_ENUM(State)

    explicit DatasetsPage(QWidget *parent = nullptr);
    ~DatasetsPage() override;

    /// The run store that keeps the recent datasets (the workspace's); empty for none.
    void setDatabasePath(const QString &databasePath);
    QString databasePath() const;

    /// Opens `path` on the worker thread; with `remember`, it joins the recent list on success.
    void openDataset(const QString &path, bool remember = true);
    /// Asks for a dataset folder (or, with File, a file), then opens it.
    void chooseDataset(mf::DatasetFileDialog::Mode mode = mf::DatasetFileDialog::Mode::Folder);
    /// Fashion-MNIST where Debian's dataset-fashion-mnist package puts it, if it is there.
    static QString sampleDatasetPath();

    State state() const { return m_state; }
    /// The shown dataset (also while another one loads or after a failed open); nullptr before
    /// the first successful open. The Augment page previews its samples.
    std::shared_ptr<const LoadedDataset> loadedDataset() const;
    bool isAnalysed() const { return m_analysis != nullptr; }
    /// Title and text of the message shown in the empty, loading and error states.
    QString messageTitle() const;
    QString messageText() const;
    std::vector<RecentDataset> recentDatasets() const { return m_recent; }

    /// Selects `sample` (across train and test) in the grid, clearing filters that hide it.
    bool selectSample(qint64 sample);
    qint64 selectedSample() const;
    /// Shows only `split` (0 all, 1 train, 2 test) and class `classIndex` (-1 all).
    void setFilter(int split, int classIndex);

    ThumbnailModel *thumbnailModel() const { return m_thumbnails; }
    QListView *grid() const { return m_grid; }
    SampleInspector *inspector() const { return m_inspector; }
    ClassBalanceChart *classChart() const { return m_classChart; }
    DatasetStatsPanel *statsPanel() const { return m_stats; }
    TableSummaryView *tableView() const { return m_table; }
    TextDocumentsModel *documentsModel() const { return m_documents; }
    QTableView *documentsView() const { return m_documentsView; }
    TextStatsView *textStats() const { return m_textStats; }
    QTabWidget *sideTabs() const { return m_sideTabs; }
    QListWidget *recentList() const { return m_recentList; }
    QComboBox *splitFilter() const { return m_splitCombo; }
    QComboBox *classFilter() const { return m_classCombo; }

Q_SIGNALS:
    void stateChanged(mf::DatasetsPage::State state);
    /// A dataset was opened and is now shown; loadedDataset() holds it.
    void datasetLoaded(const QString &path);
    /// The statistics and duplicates of the shown dataset are in.
    void datasetAnalysed(const QString &path);
    void loadFailed(const QString &path, const QString &reason);
    void recentDatasetsChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *createHeader();
    QWidget *createEmptyPage();
    QWidget *createErrorPage();
    QWidget *createContent();
    /// A "Recent datasets" title above `list`, shown while there are recent datasets.
    QWidget *recentSection(QListWidget *list);
    void setState(State state);
    void onLoadingStarted(const QString &path);
    void onLoaded(std::shared_ptr<const mf::LoadedDataset> dataset);
    void onFailed(const QString &path, const QString &reason);
    void onAnalysed(std::shared_ptr<const mf::LoadedDataset> dataset,
                    std::shared_ptr<const mf::DatasetAnalysis> analysis);
    void onRecentDatasets(const std::vector<mf::RecentDataset> &recent);
    void openRecent(QListWidgetItem *item);
    void fillFilters();
    void applyFilter();
    void updateTitle();
    void updateGridSize();
    void onCurrentSampleChanged();
    static QString localPathOf(const QDropEvent *event);

    DatasetLoadController *m_loader;
    std::shared_ptr<const LoadedDataset> m_dataset;
    std::shared_ptr<const DatasetAnalysis> m_analysis;
    std::vector<RecentDataset> m_recent;
    State m_state = State::Empty;

    QLabel *m_title;
    QLabel *m_shownCount;
    QWidget *m_filters;
    QComboBox *m_splitCombo;
    QComboBox *m_classCombo;
    QStackedWidget *m_stack;
    MessagePanel *m_emptyMessage;
    QListWidget *m_recentList;
    MessagePanel *m_loadingMessage;
    MessagePanel *m_errorMessage;
    QPushButton *m_backButton;
    QListWidget *m_errorRecentList;
    QWidget *m_content;
    QSplitter *m_splitter;
    QStackedWidget *m_mainViews;
    ThumbnailModel *m_thumbnails;
    ThumbnailDelegate *m_delegate;
    QListView *m_grid;
    TableSummaryView *m_table;
    TextDocumentsModel *m_documents;
    QTableView *m_documentsView;
    QTabWidget *m_sideTabs;
    SampleInspector *m_inspector;
    ClassBalanceChart *m_classChart;
    TextStatsView *m_textStats;
    DatasetStatsPanel *m_stats;
};

} // namespace mf
