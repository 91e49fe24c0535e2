#include "app/gui/datasets/datasetspage.h"

#include "app/gui/datasets/classbalancechart.h"
#include "app/gui/datasets/datasetanalysis.h"
#include "app/gui/datasets/datasetfiledialog.h"
#include "app/gui/datasets/datasetloadcontroller.h"
#include "app/gui/datasets/datasetstatspanel.h"
#include "app/gui/datasets/loadeddataset.h"
#include "app/gui/datasets/sampleinspector.h"
#include "app/gui/datasets/tablesummaryview.h"
#include "app/gui/datasets/textdocumentsmodel.h"
#include "app/gui/datasets/textstatsview.h"
#include "app/gui/datasets/thumbnaildelegate.h"
#include "app/gui/datasets/thumbnailmodel.h"
#include "app/gui/samples/sampledatasets.h"
#include "widgets/messagepanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace mf {

namespace {

enum StackPage
{
    EmptyPage,
    LoadingPage,
    ErrorPage,
    ContentPage
};

enum MainView
{
    GridView,
    TableView,
    DocumentsView
};

constexpr int kThumbnailSide = 64;

QString displayName(const QString &path)
{
    const QFileInfo info(path);
    return info.fileName().isEmpty() ? QDir::toNativeSeparators(path) : info.fileName();
}

/// From the name alone: no file system access on the GUI thread (a recent path may sit on a
/// mount that is gone).
bool looksLikeFile(const QString &path)
{
    static const QStringList suffixes{QStringLiteral("csv"),   QStringLiteral("tsv"),
                                      QStringLiteral("jsonl"), QStringLiteral("ndjson"),
                                      QStringLiteral("gz"),    QStringLiteral("bin"),
                                      QStringLiteral("ubyte")};
    const QString name = QFileInfo(path).fileName().toLower();
    return std::any_of(suffixes.begin(), suffixes.end(), [&](const QString &suffix) {
        return name.endsWith(QLatin1Char('.') + suffix) || name.endsWith(QLatin1Char('-') + suffix);
    });
}

QListWidget *newRecentList(const QString &objectName)
{
    auto *list = new QListWidget;
    list->setObjectName(objectName);
    list->setMinimumWidth(360);
    list->setUniformItemSizes(true);
    list->setTextElideMode(Qt::ElideMiddle);
    return list;
}

/// A widget centred horizontally in a row of its own; `grow`: as wide as its maximum allows.
QHBoxLayout *centred(QWidget *widget, bool grow = true)
{
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(widget, grow ? 10 : 0);
    row->addStretch(1);
    return row;
}

} // namespace

DatasetsPage::DatasetsPage(QWidget *parent)
    : QWidget(parent), m_loader(new DatasetLoadController(this)), m_title(new QLabel),
      m_shownCount(new QLabel), m_filters(new QWidget), m_splitCombo(new QComboBox),
      m_classCombo(new QComboBox), m_stack(new QStackedWidget), m_emptyMessage(new MessagePanel),
      m_recentList(newRecentList(QStringLiteral("recentDatasets"))),
      m_loadingMessage(new MessagePanel), m_errorMessage(new MessagePanel),
      m_backButton(new QPushButton),
      m_errorRecentList(newRecentList(QStringLiteral("recentDatasetsAfterError"))),
      m_splitter(new QSplitter(Qt::Horizontal)), m_mainViews(new QStackedWidget),
      m_thumbnails(new ThumbnailModel(this)), m_delegate(new ThumbnailDelegate(this)),
      m_grid(new QListView), m_table(new TableSummaryView),
      m_documents(new TextDocumentsModel(this)), m_documentsView(new QTableView),
      m_sideTabs(new QTabWidget), m_inspector(new SampleInspector),
      m_classChart(new ClassBalanceChart), m_textStats(new TextStatsView),
      m_stats(new DatasetStatsPanel)
{
    setObjectName(QStringLiteral("datasetsPage"));
    setAcceptDrops(true);

    m_stack->addWidget(createEmptyPage());
    m_stack->addWidget(m_loadingMessage);
    m_stack->addWidget(createErrorPage());
    m_stack->addWidget(createContent());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(createHeader());
    layout->addWidget(m_stack, 1);

    connect(m_loader, &DatasetLoadController::loadingStarted, this,
            &DatasetsPage::onLoadingStarted);
    connect(m_loader, &DatasetLoadController::loaded, this, &DatasetsPage::onLoaded);
    connect(m_loader, &DatasetLoadController::failed, this, &DatasetsPage::onFailed);
    connect(m_loader, &DatasetLoadController::analysed, this, &DatasetsPage::onAnalysed);
    connect(m_loader, &DatasetLoadController::recentDatasetsChanged, this,
            &DatasetsPage::onRecentDatasets);
    connect(m_loader, &DatasetLoadController::recentDatasetsFailed, this,
            [this] { onRecentDatasets({}); });

    m_emptyMessage->setMessage(
        MessagePanel::Kind::Information, tr("No dataset open"),
        tr("Open a dataset to browse its samples, class balance and statistics: an MNIST or "
           "Fashion-MNIST folder, CIFAR-10/100 binary batches, a folder of class sub-folders "
           "holding images, a CSV table, or a text dataset (aclImdb folder, .tsv, .jsonl). Use "
           "File > Open Dataset Folder… or Open Dataset File…, drop it here, or pick a recent "
           "one."));
    setState(State::Empty);
    updateTitle();
}

DatasetsPage::~DatasetsPage() = default;

QWidget *DatasetsPage::createHeader()
{
    auto *header = new QWidget;
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    auto *open = new QPushButton(style()->standardIcon(QStyle::SP_DirOpenIcon), tr("Open Folder…"));
    open->setObjectName(QStringLiteral("openDatasetButton"));
    open->setToolTip(tr("An MNIST, CIFAR or image-class folder, or a text dataset folder"));
    connect(open, &QPushButton::clicked, this,
            [this] { chooseDataset(DatasetFileDialog::Mode::Folder); });
    auto *openFile = new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), tr("Open File…"));
    openFile->setObjectName(QStringLiteral("openDatasetFileButton"));
    openFile->setToolTip(tr("A CSV or text table, a JSON Lines file, an IDX or CIFAR batch file"));
    connect(openFile, &QPushButton::clicked, this,
            [this] { chooseDataset(DatasetFileDialog::Mode::File); });
    m_title->setObjectName(QStringLiteral("datasetTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_shownCount->setObjectName(QStringLiteral("shownCount"));

    m_splitCombo->setObjectName(QStringLiteral("splitFilter"));
    m_classCombo->setObjectName(QStringLiteral("classFilter"));
    m_classCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_classCombo->setMaxVisibleItems(20);
    auto *filterRow = new QHBoxLayout(m_filters);
    filterRow->setContentsMargins(0, 0, 0, 0);
    filterRow->addWidget(m_shownCount);
    filterRow->addSpacing(8);
    auto *splitLabel = new QLabel(tr("&Split:"));
    splitLabel->setBuddy(m_splitCombo);
    filterRow->addWidget(splitLabel);
    filterRow->addWidget(m_splitCombo);
    auto *classLabel = new QLabel(tr("&Class:"));
    classLabel->setBuddy(m_classCombo);
    filterRow->addWidget(classLabel);
    filterRow->addWidget(m_classCombo);
    connect(m_splitCombo, &QComboBox::activated, this, &DatasetsPage::applyFilter);
    connect(m_classCombo, &QComboBox::activated, this, &DatasetsPage::applyFilter);

    row->addWidget(open);
    row->addWidget(openFile);
    row->addSpacing(8);
    row->addWidget(m_title, 1);
    row->addWidget(m_filters);
    return header;
}

QWidget *DatasetsPage::createEmptyPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(1);
    layout->addWidget(m_emptyMessage);
    // Debian's dataset-fashion-mnist package puts a first dataset one click away.
    if (!sampleDatasetPath().isEmpty()) {
        auto *sample = new QPushButton(tr("Open Fashion-MNIST"));
        sample->setObjectName(QStringLiteral("openSampleButton"));
        sample->setToolTip(QDir::toNativeSeparators(sampleDatasetPath()));
        connect(sample, &QPushButton::clicked, this, [this] { openDataset(sampleDatasetPath()); });
        layout->addLayout(centred(sample, false));
    }
    layout->addSpacing(12);
    layout->addLayout(centred(recentSection(m_recentList)));
    layout->addStretch(2);
    return page;
}

QWidget *DatasetsPage::createErrorPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(1);
    layout->addWidget(m_errorMessage);
    m_backButton->setObjectName(QStringLiteral("backToDatasetButton"));
    layout->addLayout(centred(m_backButton, false));
    layout->addSpacing(12);
    layout->addLayout(centred(recentSection(m_errorRecentList)));
    layout->addStretch(2);
    connect(m_backButton, &QPushButton::clicked, this, [this] {
        if (m_dataset)
            setState(State::Loaded);
    });
    return page;
}

QWidget *DatasetsPage::recentSection(QListWidget *list)
{
    auto *section = new QWidget;
    // Paths need more room than the sentences above them, which keep a readable measure.
    section->setMaximumWidth(2 * MessagePanel::maxTextWidth);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Recent datasets"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    layout->addWidget(list);
    connect(list, &QListWidget::itemActivated, this, &DatasetsPage::openRecent);
    connect(list, &QListWidget::itemClicked, this, &DatasetsPage::openRecent);
    // Without recent datasets the invitation stands alone.
    connect(this, &DatasetsPage::recentDatasetsChanged, section,
            [this, section] { section->setVisible(!m_recent.empty()); });
    section->setVisible(false);
    return section;
}

QWidget *DatasetsPage::createContent()
{
    m_thumbnails->setThumbnailSide(kThumbnailSide);
    m_delegate->setThumbnailSide(kThumbnailSide);
    m_grid->setObjectName(QStringLiteral("thumbnailGrid"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setWrapping(true);
    m_grid->setFlow(QListView::LeftToRight);
    m_grid->setUniformItemSizes(true);
    m_grid->setSpacing(0);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setDragEnabled(false);
    m_grid->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_grid->setMouseTracking(true);
    m_grid->setItemDelegate(m_delegate);
    m_grid->setModel(m_thumbnails);
    updateGridSize();
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DatasetsPage::onCurrentSampleChanged);

    m_documentsView->setObjectName(QStringLiteral("documentsView"));
    auto *sorter = new QSortFilterProxyModel(this);
    sorter->setSourceModel(m_documents);
    sorter->setSortRole(TextDocumentsModel::SortRole);
    m_documentsView->setModel(sorter);
    m_documentsView->setSortingEnabled(true);
    m_documentsView->sortByColumn(-1, Qt::AscendingOrder);
    m_documentsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_documentsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_documentsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_documentsView->setWordWrap(false);
    m_documentsView->setShowGrid(false);
    m_documentsView->setAlternatingRowColors(true);
    m_documentsView->verticalHeader()->hide();
    m_documentsView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_documentsView->horizontalHeader()->setStretchLastSection(true);

    m_mainViews->addWidget(m_grid);
    m_mainViews->addWidget(m_table);
    m_mainViews->addWidget(m_documentsView);

    auto *chartArea = new QScrollArea;
    chartArea->setObjectName(QStringLiteral("classChartArea"));
    chartArea->setWidget(m_classChart);
    chartArea->setWidgetResizable(true);
    chartArea->setFrameShape(QFrame::NoFrame);
    auto *statsArea = new QScrollArea;
    statsArea->setWidget(m_stats);
    statsArea->setWidgetResizable(true);
    statsArea->setFrameShape(QFrame::NoFrame);
    m_sideTabs->setObjectName(QStringLiteral("datasetSideTabs"));
    m_sideTabs->addTab(m_inspector, tr("Sample"));
    m_sideTabs->addTab(chartArea, tr("Classes"));
    m_sideTabs->addTab(m_textStats, tr("Tokens"));
    m_sideTabs->addTab(statsArea, tr("Statistics"));
    m_sideTabs->setMinimumWidth(320);

    m_splitter->setObjectName(QStringLiteral("datasetsSplitter"));
    m_splitter->addWidget(m_mainViews);
    m_splitter->addWidget(m_sideTabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({640, 420});
    return m_splitter;
}

void DatasetsPage::updateGridSize()
{
    const QSize cell = m_delegate->cellSize(m_grid->fontMetrics());
    m_grid->setGridSize(cell);
}

void DatasetsPage::setDatabasePath(const QString &databasePath)
{
    m_loader->setDatabasePath(databasePath);
}

QString DatasetsPage::databasePath() const
{
    return m_loader->databasePath();
}

void DatasetsPage::openDataset(const QString &path, bool remember)
{
    if (path.isEmpty())
        return;
    m_loader->open(path, remember);
}

void DatasetsPage::openRecent(QListWidgetItem *item)
{
    const QString path = item->data(Qt::UserRole).toString();
    // A click can be an activation too: one open is enough.
    if (m_loader->isLoading() && m_loader->loadingPath() == path)
        return;
    openDataset(path);
}

void DatasetsPage::chooseDataset(DatasetFileDialog::Mode mode)
{
    QString start = m_dataset ? QFileInfo(m_dataset->path).absolutePath() : QString();
    if (start.isEmpty() && !m_recent.empty())
        start = QFileInfo(QFile::decodeName(m_recent.front().path.c_str())).absolutePath();
    if (start.isEmpty())
        start = QFileInfo::exists(sampleDatasetPath())
                    ? QFileInfo(sampleDatasetPath()).absolutePath()
                    : QDir::homePath();
    DatasetFileDialog dialog(this, start, mode);
    if (dialog.exec() == QDialog::Accepted && !dialog.chosenPath().isEmpty())
        openDataset(dialog.chosenPath());
}

QString DatasetsPage::sampleDatasetPath()
{
    return installedFashionMnistPath();
}

std::shared_ptr<const LoadedDataset> DatasetsPage::loadedDataset() const
{
    return m_dataset;
}

QString DatasetsPage::messageTitle() const
{
    switch (m_state) {
    case State::Empty:
        return m_emptyMessage->title();
    case State::Loading:
        return m_loadingMessage->title();
    case State::Error:
        return m_errorMessage->title();
    case State::Loaded:
        break;
    }
    return QString();
}

QString DatasetsPage::messageText() const
{
    switch (m_state) {
    case State::Empty:
        return m_emptyMessage->text();
    case State::Loading:
        return m_loadingMessage->text();
    case State::Error:
        return m_errorMessage->text();
    case State::Loaded:
        break;
    }
    return QString();
}

void DatasetsPage::setState(State state)
{
    const StackPage pages[] = {EmptyPage, LoadingPage, ContentPage, ErrorPage};
    m_stack->setCurrentIndex(pages[static_cast<int>(state)]);
    m_filters->setVisible(state == State::Loaded && m_dataset &&
                          m_dataset->kind != LoadedDataset::Kind::Table);
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void DatasetsPage::onLoadingStarted(const QString &path)
{
    m_loadingMessage->setMessage(MessagePanel::Kind::Information,
                                 tr("Opening %1…").arg(displayName(path)),
                                 QDir::toNativeSeparators(path));
    setState(State::Loading);
}

void DatasetsPage::onLoaded(std::shared_ptr<const LoadedDataset> dataset)
{
    m_dataset = std::move(dataset);
    m_analysis.reset();
    const LoadedDataset &loaded = *m_dataset;
    const bool images = loaded.hasImages();
    const bool text = loaded.kind == LoadedDataset::Kind::Text;

    m_thumbnails->setDataset(images ? m_dataset : nullptr);
    m_documents->setDataset(text ? m_dataset : nullptr);
    m_inspector->setDataset(images ? m_dataset : nullptr);
    m_table->setSummary(loaded.table ? &*loaded.table : nullptr);
    m_textStats->setAnalysis(nullptr);
    m_stats->setDataset(m_dataset);
    m_mainViews->setCurrentIndex(images ? GridView : text ? DocumentsView : TableView);
    if (text)
        m_documentsView->resizeColumnsToContents();

    QStringList classNames;
    QList<qint64> train, test;
    if (loaded.bundle || loaded.text) {
        for (const std::string &name : loaded.classNames())
            classNames << QString::fromStdString(name);
        train = QList<qint64>(loaded.trainClassCounts.begin(), loaded.trainClassCounts.end());
        test = QList<qint64>(loaded.testClassCounts.begin(), loaded.testClassCounts.end());
    } else if (loaded.table) {
        // A table the reader refused still shows the balance of its label column.
        for (const auto &[label, count] : loaded.table->labelCounts) {
            classNames << (label.empty() ? tr("(missing)") : QString::fromStdString(label));
            train << count;
        }
    }
    m_classChart->setCounts(classNames, train, test);

    m_sideTabs->setTabVisible(m_sideTabs->indexOf(m_inspector), images);
    m_sideTabs->setTabVisible(m_sideTabs->indexOf(m_textStats), text);
    m_sideTabs->setCurrentIndex(m_sideTabs->indexOf(
        images ? static_cast<QWidget *>(m_inspector)
               : m_sideTabs->findChild<QScrollArea *>(QStringLiteral("classChartArea"))));
    fillFilters();
    setState(State::Loaded);
    updateTitle();
    if (images && m_thumbnails->rowCount() > 0)
        m_grid->setCurrentIndex(m_thumbnails->index(0));
    m_grid->scrollToTop();
    Q_EMIT datasetLoaded(loaded.path);
}

void DatasetsPage::onFailed(const QString &path, const QString &reason)
{
    m_errorMessage->setMessage(MessagePanel::Kind::Error,
                               tr("Cannot open %1").arg(displayName(path)), reason);
    m_backButton->setVisible(m_dataset != nullptr);
    if (m_dataset)
        m_backButton->setText(tr("Back to %1").arg(displayName(m_dataset->path)));
    setState(State::Error);
    Q_EMIT loadFailed(path, reason);
}

void DatasetsPage::onAnalysed(std::shared_ptr<const LoadedDataset> dataset,
                              std::shared_ptr<const DatasetAnalysis> analysis)
{
    if (dataset != m_dataset)
        return;
    m_analysis = std::move(analysis);
    m_stats->setAnalysis(m_analysis);
    if (m_dataset->kind == LoadedDataset::Kind::Text) {
        m_documents->setAnalysis(m_analysis);
        m_textStats->setAnalysis(m_analysis);
    }
    Q_EMIT datasetAnalysed(m_dataset->path);
}

void DatasetsPage::onRecentDatasets(const std::vector<RecentDataset> &recent)
{
    m_recent = recent;
    const QLocale locale;
    for (QListWidget *list : {m_recentList, m_errorRecentList}) {
        list->clear();
        for (const RecentDataset &entry : recent) {
            const QString path = QFile::decodeName(entry.path.c_str());
            const QString when = locale.toString(QDateTime::fromMSecsSinceEpoch(entry.lastOpenedMs),
                                                 QLocale::ShortFormat);
            auto *item = new QListWidgetItem(
                style()->standardIcon(looksLikeFile(path) ? QStyle::SP_FileIcon
                                                          : QStyle::SP_DirIcon),
                tr("%1  —  %2").arg(displayName(path), QDir::toNativeSeparators(path)));
            item->setData(Qt::UserRole, path);
            item->setToolTip(
                tr("%1\n%2, last opened %3")
                    .arg(QDir::toNativeSeparators(path), formatTitle(entry.kind), when));
            list->addItem(item);
        }
        // As tall as its entries, up to ten.
        if (list->count() > 0)
            list->setFixedHeight(std::min(list->count(), 10) * list->sizeHintForRow(0) +
                                 2 * list->frameWidth());
    }
    Q_EMIT recentDatasetsChanged();
}

void DatasetsPage::fillFilters()
{
    const QLocale locale;
    m_splitCombo->clear();
    m_classCombo->clear();
    if (!m_dataset)
        return;
    const LoadedDataset &loaded = *m_dataset;
    // Only what was read: a training file alone (train-images-idx3-ubyte.gz) has no test split.
    if (loaded.testCount() > 0) {
        m_splitCombo->addItem(tr("Train and test"), 0);
        m_splitCombo->addItem(tr("Train (%1)").arg(locale.toString(loaded.trainCount())), 1);
        m_splitCombo->addItem(tr("Test (%1)").arg(locale.toString(loaded.testCount())), 2);
    } else {
        m_splitCombo->addItem(tr("Train only (%1)").arg(locale.toString(loaded.trainCount())), 0);
        m_splitCombo->setItemData(
            0, tr("No test split was read from %1").arg(displayName(loaded.path)), Qt::ToolTipRole);
    }
    m_splitCombo->setEnabled(m_splitCombo->count() > 1);
    m_classCombo->addItem(tr("All classes"), -1);
    const auto &names = loaded.classNames();
    for (std::size_t k = 0; k < names.size(); ++k) {
        qint64 count = 0;
        if (k < loaded.trainClassCounts.size())
            count += loaded.trainClassCounts[k];
        if (k < loaded.testClassCounts.size())
            count += loaded.testClassCounts[k];
        m_classCombo->addItem(
            tr("%1 (%2)").arg(QString::fromStdString(names[k]), locale.toString(count)),
            static_cast<int>(k));
    }
}

void DatasetsPage::setFilter(int split, int classIndex)
{
    const int splitRow = m_splitCombo->findData(split);
    const int classRow = m_classCombo->findData(classIndex);
    m_splitCombo->setCurrentIndex(std::max(splitRow, 0));
    m_classCombo->setCurrentIndex(std::max(classRow, 0));
    applyFilter();
}

void DatasetsPage::applyFilter()
{
    const int split = m_splitCombo->currentData().toInt();
    const int classIndex =
        m_classCombo->currentIndex() >= 0 ? m_classCombo->currentData().toInt() : -1;
    const qint64 selected = selectedSample();
    static const ThumbnailModel::SplitFilter splits[] = {ThumbnailModel::SplitFilter::All,
                                                         ThumbnailModel::SplitFilter::Train,
                                                         ThumbnailModel::SplitFilter::Test};
    m_thumbnails->setFilter(splits[std::clamp(split, 0, 2)], classIndex);
    m_documents->setFilter(split, classIndex);
    const int row = m_thumbnails->rowOfSample(selected);
    if (row >= 0) {
        m_grid->setCurrentIndex(m_thumbnails->index(row));
        m_grid->scrollTo(m_thumbnails->index(row), QAbstractItemView::PositionAtCenter);
    } else {
        m_inspector->showSample(-1);
    }
    updateTitle();
}

bool DatasetsPage::selectSample(qint64 sample)
{
    if (!m_dataset || !m_dataset->hasImages() || sample < 0 || sample >= m_dataset->sampleCount())
        return false;
    if (m_thumbnails->rowOfSample(sample) < 0)
        setFilter(0, -1);
    const QModelIndex index = m_thumbnails->index(m_thumbnails->rowOfSample(sample));
    m_grid->setCurrentIndex(index);
    m_grid->scrollTo(index);
    return true;
}

qint64 DatasetsPage::selectedSample() const
{
    const QModelIndex current = m_grid->currentIndex();
    return current.isValid() ? m_thumbnails->sampleAt(current.row()) : -1;
}

void DatasetsPage::onCurrentSampleChanged()
{
    m_inspector->showSample(selectedSample());
}

void DatasetsPage::updateTitle()
{
    if (!m_dataset) {
        m_title->clear();
        m_shownCount->clear();
        return;
    }
    const QLocale locale;
    const LoadedDataset &loaded = *m_dataset;
    QString counts;
    if (loaded.bundle || loaded.text)
        counts = loaded.sampleCount() == 1
                     ? tr("1 sample")
                     : tr("%1 samples").arg(locale.toString(loaded.sampleCount()));
    else if (loaded.table)
        counts = loaded.table->rows == 1 ? tr("1 row")
                                         : tr("%1 rows").arg(locale.toString(loaded.table->rows));
    m_title->setText(
        tr("%1 · %2 · %3").arg(displayName(loaded.path), formatTitle(loaded.format), counts));
    m_title->setToolTip(QDir::toNativeSeparators(loaded.path));
    const qint64 shown = loaded.hasImages() ? m_thumbnails->rowCount() : m_documents->rowCount();
    m_shownCount->setText(tr("showing %1").arg(locale.toString(shown)));
}

QString DatasetsPage::localPathOf(const QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (!mime || !mime->hasUrls() || mime->urls().isEmpty())
        return QString();
    const QUrl url = mime->urls().first();
    return url.isLocalFile() ? url.toLocalFile() : QString();
}

void DatasetsPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localPathOf(event).isEmpty())
        event->acceptProposedAction();
}

void DatasetsPage::dropEvent(QDropEvent *event)
{
    const QString path = localPathOf(event);
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openDataset(path);
}

} // namespace mf
