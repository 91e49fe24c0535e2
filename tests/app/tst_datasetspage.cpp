#include "app/gui/datasets/classbalancechart.h"
#include "app/gui/datasets/datasetfiledialog.h"
#include "app/gui/datasets/datasetspage.h"
#include "app/gui/datasets/datasetstatspanel.h"
#include "app/gui/datasets/loadeddataset.h"
#include "app/gui/datasets/pixelzoomview.h"
#include "app/gui/datasets/sampleinspector.h"
#include "app/gui/datasets/tablesummaryview.h"
#include "app/gui/datasets/textdocumentsmodel.h"
#include "app/gui/datasets/textstatsview.h"
#include "app/gui/datasets/thumbnailmodel.h"
#include "core/data/dataset.h"
#include "core/data/datasetstats.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "widgets/keyvaluetable.h"

#include <QBarSet>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest/QtTest>

namespace td = mf::testdata;
using mf::DatasetsPage;

namespace {

/// 30 training and 12 test images of 10 x 8 in three classes, in the MNIST layout.
struct Mnist
{
    std::string root;
    td::ImageSet train, test;
};

Mnist writeMnist(const QTemporaryDir &dir, const QString &name = QStringLiteral("digits"))
{
    Mnist mnist{dir.filePath(name).toStdString(), td::makeImageSet(30, 3, 1, 8, 10, 1),
                td::makeImageSet(12, 3, 1, 8, 10, 2)};
    td::writeMnistLayout(mnist.root, mnist.train, mnist.test);
    return mnist;
}

bool openAndWait(DatasetsPage &page, const std::string &path)
{
    QSignalSpy analysed(&page, &DatasetsPage::datasetAnalysed);
    page.openDataset(QString::fromStdString(path));
    return analysed.wait(10000);
}

bool visibleThumbnailsReady(const DatasetsPage &page)
{
    const QListView *grid = page.grid();
    const QRect area = grid->viewport()->rect();
    int visible = 0;
    for (int row = 0; row < page.thumbnailModel()->rowCount(); ++row) {
        const QModelIndex index = page.thumbnailModel()->index(row);
        if (!grid->visualRect(index).intersects(area))
            continue;
        ++visible;
        if (!index.data(mf::ThumbnailModel::ThumbnailReadyRole).toBool())
            return false;
    }
    return visible > 0;
}

void saveShot(QWidget *widget, const QTemporaryDir &dir, const QString &name)
{
    const QString file = dir.filePath(name);
    QVERIFY(widget->grab().save(file, "PNG"));
    const QImage image(file);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), widget->size() * widget->devicePixelRatio());
    // For looking at the page by eye: MODELFORGE_DATASET_SHOTS=<dir> keeps a copy.
    const QString keep = qEnvironmentVariable("MODELFORGE_DATASET_SHOTS");
    if (!keep.isEmpty()) {
        QDir().mkpath(keep);
        QFile::remove(QDir(keep).filePath(name));
        QVERIFY(QFile::copy(file, QDir(keep).filePath(name)));
    }
}

} // namespace

class TestDatasetsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyStateInvitesToOpen()
    {
        QTemporaryDir workspace;
        const QString database = workspace.filePath(QStringLiteral("modelforge.db"));
        DatasetsPage page;
        QSignalSpy recent(&page, &DatasetsPage::recentDatasetsChanged);
        page.setDatabasePath(database);
        QVERIFY(recent.wait());
        QCOMPARE(page.state(), DatasetsPage::State::Empty);
        QCOMPARE(page.messageTitle(), QStringLiteral("No dataset open"));
        QVERIFY(page.messageText().contains(QStringLiteral("File > Open Dataset")));
        QVERIFY(page.recentDatasets().empty());
        QVERIFY(!page.recentList()->isVisibleTo(&page));
        QVERIFY(!page.loadedDataset());
        // Looking does not create a store.
        QVERIFY(!QFile::exists(database));
    }

    void openingShowsSamplesClassesAndStatistics()
    {
        QTemporaryDir dir;
        const Mnist mnist = writeMnist(dir);
        DatasetsPage page;
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy loaded(&page, &DatasetsPage::datasetLoaded);
        QSignalSpy analysed(&page, &DatasetsPage::datasetAnalysed);
        page.openDataset(QString::fromStdString(mnist.root));
        QCOMPARE(page.state(), DatasetsPage::State::Loading);
        QVERIFY(page.messageTitle().startsWith(QStringLiteral("Opening digits")));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().at(0).toString(), QString::fromStdString(mnist.root));
        QCOMPARE(page.state(), DatasetsPage::State::Loaded);
        QVERIFY(page.loadedDataset());
        QCOMPARE(page.thumbnailModel()->rowCount(), 42);
        QVERIFY(page.grid()->isVisible());

        QCOMPARE(page.classChart()->classNames(),
                 (QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(page.classChart()->trainCounts(), (QList<qint64>{10, 10, 10}));
        QCOMPARE(page.classChart()->testCounts(), (QList<qint64>{4, 4, 4}));
        QCOMPARE(page.classChart()->trainSet()->at(0), 10.0);

        // The first sample is selected and inspected.
        QCOMPARE(page.selectedSample(), 0);
        QCOMPARE(page.inspector()->sample(), 0);
        const mf::KeyValueTable *info = page.inspector()->infoTable();
        QCOMPARE(info->value(QStringLiteral("Label")), QStringLiteral("0 (class 0)"));
        QCOMPARE(info->value(QStringLiteral("Source")),
                 QStringLiteral("train-images-idx3-ubyte.gz, record 0"));
        QCOMPARE(info->value(QStringLiteral("Size")), QStringLiteral("10 × 8, 1 channel"));
        QVERIFY(page.selectSample(33));
        QCOMPARE(page.inspector()->sample(), 33);
        QCOMPARE(info->value(QStringLiteral("Split")), QStringLiteral("test, row 3"));
        QCOMPARE(info->value(QStringLiteral("Source")),
                 QStringLiteral("t10k-images-idx3-ubyte.gz, record 3"));

        if (analysed.isEmpty())
            QVERIFY(analysed.wait(10000));
        QVERIFY(page.isAnalysed());
        const mf::KeyValueTable *overview = page.statsPanel()->overview();
        const mf::ChannelStats stats = mf::computeChannelStats(page.loadedDataset()->bundle->train);
        QCOMPARE(overview->value(QStringLiteral("Mean (train)")),
                 QLocale().toString(stats.mean[0], 'f', 4));
        QCOMPARE(overview->value(QStringLiteral("Std (train)")),
                 QLocale().toString(stats.std[0], 'f', 4));
        QCOMPARE(overview->value(QStringLiteral("Samples")),
                 QStringLiteral("42 (train 30, test 12)"));
        QCOMPARE(overview->value(QStringLiteral("Image size")),
                 QStringLiteral("10 × 8, 1 channel"));
        QCOMPARE(overview->value(QStringLiteral("Duplicates")), QStringLiteral("none"));
        QVERIFY(page.statsPanel()->problems().isEmpty());
        QTRY_VERIFY(visibleThumbnailsReady(page));
    }

    void pixelUnderTheMouseIsRead()
    {
        QTemporaryDir dir;
        const Mnist mnist = writeMnist(dir);
        DatasetsPage page;
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(openAndWait(page, mnist.root));
        QVERIFY(page.selectSample(5));
        mf::PixelZoomView *zoom = page.inspector()->zoomView();
        page.sideTabs()->setCurrentWidget(page.inspector());
        QTRY_VERIFY(zoom->isVisible());
        const QRect image = zoom->imageRect();
        QVERIFY(image.width() >= 10);
        // Square pixels: a whole magnification factor in both directions.
        QCOMPARE(image.width() % 10, 0);
        QCOMPARE(image.width() / 10, image.height() / 8);
        const int factor = image.width() / 10;
        const QPoint centre(image.left() + 7 * factor + factor / 2,
                            image.top() + 2 * factor + factor / 2);
        QCOMPARE(zoom->pixelAt(centre), QPoint(7, 2));
        QTest::mouseMove(zoom, centre);
        QTRY_COMPARE(zoom->hoveredPixel(), QPoint(7, 2));
        const int value = mnist.train.pixels[5 * 80 + 2 * 10 + 7];
        QCOMPARE(page.inspector()->pixelText(), QStringLiteral("x 7, y 2:  %1").arg(value));
        page.inspector()->showPixel(QPoint(-1, -1));
        QCOMPARE(page.inspector()->pixelText(),
                 QStringLiteral("Point at a pixel to read its value."));
    }

    void filtersNarrowTheGrid()
    {
        QTemporaryDir dir;
        const Mnist mnist = writeMnist(dir);
        DatasetsPage page;
        QVERIFY(openAndWait(page, mnist.root));
        QCOMPARE(page.splitFilter()->count(), 3);
        QCOMPARE(page.classFilter()->count(), 4);
        QCOMPARE(page.classFilter()->itemText(2), QStringLiteral("1 (14)"));
        page.setFilter(2, 1);
        QCOMPARE(page.thumbnailModel()->rowCount(), 4);
        for (int row = 0; row < 4; ++row) {
            const QModelIndex index = page.thumbnailModel()->index(row);
            QCOMPARE(index.data(mf::ThumbnailModel::LabelRole).toLongLong(), 1);
            QCOMPARE(index.data(mf::ThumbnailModel::SplitRole).toInt(), 1);
        }
        // Sample 0 (train, class 0) is hidden: the inspector lets go of it.
        QCOMPARE(page.inspector()->sample(), -1);
        // Selecting a hidden sample clears the filter.
        QVERIFY(page.selectSample(0));
        QCOMPARE(page.thumbnailModel()->rowCount(), 42);
        QCOMPARE(page.splitFilter()->currentData().toInt(), 0);
        QCOMPARE(page.classFilter()->currentData().toInt(), -1);
    }

    void recentPathsUseTheRoomThereIs()
    {
        QTemporaryDir workspace;
        const QString database = workspace.filePath(QStringLiteral("modelforge.db"));
        const QString deep = QStringLiteral("experiments/fashion-baselines-2026/augmented/digits");
        QVERIFY(QDir(workspace.path()).mkpath(QFileInfo(deep).path()));
        const Mnist mnist = writeMnist(workspace, deep);
        {
            DatasetsPage page;
            page.setDatabasePath(database);
            QVERIFY(openAndWait(page, mnist.root));
            QTRY_COMPARE(int(page.recentDatasets().size()), 1);
        }
        DatasetsPage page;
        QSignalSpy recent(&page, &DatasetsPage::recentDatasetsChanged);
        page.setDatabasePath(database);
        QVERIFY(recent.wait());
        page.resize(1280, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QListWidget *list = page.recentList();
        QVERIFY(list->isVisible());
        // The entry ("digits — /tmp/…/digits") shows whole on a wide page: nothing elided
        // while there is room beside it.
        const int needed = list->fontMetrics().horizontalAdvance(list->item(0)->text()) +
                           list->iconSize().width() + 24;
        QVERIFY2(needed < 1000, qPrintable(QString::number(needed)));
        QVERIFY2(
            list->viewport()->width() >= needed,
            qPrintable(QStringLiteral("%1 px for %2").arg(list->viewport()->width()).arg(needed)));
    }

    void recentDatasetsAreKeptInTheStore()
    {
        QTemporaryDir workspace;
        const QString database = workspace.filePath(QStringLiteral("modelforge.db"));
        const Mnist first = writeMnist(workspace, QStringLiteral("first"));
        const Mnist second = writeMnist(workspace, QStringLiteral("second"));
        {
            DatasetsPage page;
            page.setDatabasePath(database);
            QSignalSpy recent(&page, &DatasetsPage::recentDatasetsChanged);
            QVERIFY(openAndWait(page, first.root));
            QTRY_COMPARE(int(page.recentDatasets().size()), 1);
            QVERIFY(openAndWait(page, second.root));
            QTRY_COMPARE(int(page.recentDatasets().size()), 2);
            QCOMPARE(page.recentDatasets().front().path, second.root);
            QCOMPARE(page.recentDatasets().front().kind, std::string("idx"));
            QVERIFY(QFile::exists(database));
        }

        DatasetsPage page;
        QSignalSpy recent(&page, &DatasetsPage::recentDatasetsChanged);
        page.setDatabasePath(database);
        QVERIFY(recent.wait());
        QCOMPARE(page.state(), DatasetsPage::State::Empty);
        QListWidget *list = page.recentList();
        QCOMPARE(list->count(), 2);
        QVERIFY(list->isVisibleTo(&page));
        QVERIFY(list->item(0)->text().contains(QStringLiteral("second")));
        QCOMPARE(list->item(1)->data(Qt::UserRole).toString(), QString::fromStdString(first.root));

        page.resize(900, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy loaded(&page, &DatasetsPage::datasetLoaded);
        const QRect rect = list->visualItemRect(list->item(1));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().at(0).toString(), QString::fromStdString(first.root));
        // Opening it again moved it to the front.
        QTRY_COMPARE(page.recentDatasets().front().path, first.root);
    }

    void failedOpenKeepsThePreviousDataset()
    {
        QTemporaryDir dir;
        const Mnist mnist = writeMnist(dir);
        DatasetsPage page;
        page.resize(900, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(openAndWait(page, mnist.root));
        const auto previous = page.loadedDataset();

        const QString absent = dir.filePath(QStringLiteral("absent"));
        QSignalSpy failed(&page, &DatasetsPage::loadFailed);
        page.openDataset(absent);
        QVERIFY(failed.wait(10000));
        QCOMPARE(page.state(), DatasetsPage::State::Error);
        QCOMPARE(page.messageTitle(), QStringLiteral("Cannot open absent"));
        QVERIFY2(page.messageText().contains(absent + QStringLiteral(": no such file or folder")),
                 qPrintable(page.messageText()));
        QCOMPARE(page.loadedDataset(), previous);

        auto *back = page.findChild<QPushButton *>(QStringLiteral("backToDatasetButton"));
        QVERIFY(back && back->isVisible());
        QVERIFY(back->text().contains(QStringLiteral("digits")));
        QTest::mouseClick(back, Qt::LeftButton);
        QCOMPARE(page.state(), DatasetsPage::State::Loaded);
        QVERIFY(page.grid()->isVisible());
        QCOMPARE(page.thumbnailModel()->rowCount(), 42);

        // A corrupt file names itself and the reason.
        const std::string bad = dir.filePath(QStringLiteral("bad.bin")).toStdString();
        td::writeBytes(bad, std::string(100, 'x'));
        page.openDataset(QString::fromStdString(bad));
        QTRY_COMPARE(page.state(), DatasetsPage::State::Error);
        QVERIFY(page.messageText().contains(QString::fromStdString(bad)));
        QVERIFY(page.messageText().contains(QStringLiteral("CIFAR-10")));
    }

    void problemFilesAndDuplicatesAreListed()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        td::writeImageFolder(root, td::makeImageSet(6, 2, 3, 8, 8, 3), {"cat", "dog"});
        td::writeBytes(root + "/cat/empty.png", "");
        const std::string png = td::readBytes(root + "/cat/00000.png");
        td::writeBytes(root + "/cat/truncated.png", png.substr(0, 60));
        td::writeBytes(root + "/dog/readme.png", "plain text, renamed\n");
        td::writeBytes(root + "/dog/zz-copy.png", png);

        DatasetsPage page;
        QVERIFY(openAndWait(page, root));
        QCOMPARE(page.thumbnailModel()->rowCount(), 7);
        const QList<QPair<QString, QString>> problems = page.statsPanel()->problems();
        QCOMPARE(problems.size(), 4);
        const QString base = QString::fromStdString(root);
        QCOMPARE(problems[0].first, base + QStringLiteral("/cat/empty.png"));
        QCOMPARE(problems[0].second, QStringLiteral("empty file (0 bytes)"));
        QCOMPARE(problems[1].first, base + QStringLiteral("/cat/truncated.png"));
        QVERIFY(problems[1].second.startsWith(QStringLiteral("cannot decode image: ")));
        QCOMPARE(problems[2].first, base + QStringLiteral("/dog/readme.png"));
        QVERIFY(problems[2].second.contains(QStringLiteral("unknown image type")));
        QVERIFY(problems[3].first.contains(QStringLiteral("/dog/zz-copy.png")));
        QVERIFY2(problems[3].second.contains(base + QStringLiteral("/cat/00000.png")),
                 qPrintable(problems[3].second));
        QVERIFY(problems[3].second.contains(QStringLiteral("labels differ: dog here, cat there")));
        const mf::KeyValueTable *overview = page.statsPanel()->overview();
        QCOMPARE(overview->value(QStringLiteral("Files left out")), QStringLiteral("3"));
        QVERIFY(overview->value(QStringLiteral("Duplicates"))
                    .startsWith(QStringLiteral("1 samples repeat an earlier one")));
        QCOMPARE(page.inspector()->infoTable()->value(QStringLiteral("Source")),
                 base + QStringLiteral("/cat/00000.png"));
    }

    void tablesShowTheirColumns()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("plants.csv")).toStdString();
        td::writeBytes(path, "height,width,species\n1.5,2,fern\n,3,moss\n2.5,1,fern\n");
        DatasetsPage page;
        QVERIFY(openAndWait(page, path));
        QCOMPARE(page.state(), DatasetsPage::State::Loaded);
        QVERIFY(page.tableView()->isVisibleTo(&page));
        QVERIFY(!page.grid()->isVisibleTo(&page));
        QCOMPARE(page.tableView()->rowCount(), 3);
        QCOMPARE(page.tableView()->item(0, mf::TableSummaryView::MissingColumn)->text(),
                 QStringLiteral("1"));
        QCOMPARE(page.tableView()->item(2, mf::TableSummaryView::NameColumn)->text(),
                 QStringLiteral("species (label)"));
        QCOMPARE(page.classChart()->classNames(),
                 (QStringList{QStringLiteral("fern"), QStringLiteral("moss")}));
        QCOMPARE(page.classChart()->trainCounts(), (QList<qint64>{2, 1}));
        // The reader refuses the empty cell; the problem list says so.
        const auto problems = page.statsPanel()->problems();
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems[0].second.contains(QStringLiteral("cannot be used for training")));
        QVERIFY(problems[0].second.contains(QStringLiteral("feature \"height\"")));
        QVERIFY(!page.sideTabs()->isTabVisible(page.sideTabs()->indexOf(page.inspector())));
    }

    void textDatasetsListTheirDocuments()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("reviews.jsonl")).toStdString();
        td::writeBytes(path,
                       "{\"text\": \"A great film\\nwith a second line\", \"label\": \"pos\"}\n"
                       "{\"text\": \"Dull and long and slow\", \"label\": \"neg\"}\n"
                       "{\"text\": \"great great fun\", \"label\": \"pos\"}\n");
        DatasetsPage page;
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(openAndWait(page, path));
        mf::TextDocumentsModel *documents = page.documentsModel();
        QCOMPARE(documents->rowCount(), 3);
        QVERIFY(page.documentsView()->isVisible());
        using C = mf::TextDocumentsModel;
        QCOMPARE(documents->index(0, C::FirstLineColumn).data().toString(),
                 QStringLiteral("A great film"));
        QCOMPARE(documents->index(0, C::LabelColumn).data().toString(), QStringLiteral("pos"));
        QCOMPARE(documents->index(1, C::TokensColumn).data().toString(), QStringLiteral("5"));
        QCOMPARE(documents->index(0, C::TokensColumn).data(C::SortRole).toLongLong(), 7);
        const QList<qint64> bins = page.textStats()->binCounts();
        QCOMPARE(std::accumulate(bins.begin(), bins.end(), qint64(0)), qint64(3));
        QCOMPARE(page.textStats()->topTokensTable()->item(0, 0)->text(), QStringLiteral("great"));
        QCOMPARE(page.textStats()->topTokensTable()->item(0, 1)->text(), QStringLiteral("3"));
        page.setFilter(0, 1);
        QCOMPARE(documents->rowCount(), 2);
        QVERIFY(page.statsPanel()->overview()->value(QStringLiteral("Tokens")) ==
                QStringLiteral("15"));
    }

    void droppedFolderIsOpened()
    {
        QTemporaryDir dir;
        const Mnist mnist = writeMnist(dir);
        DatasetsPage page;
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(QString::fromStdString(mnist.root))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(&page, &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy loaded(&page, &DatasetsPage::datasetLoaded);
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&page, &drop);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.state(), DatasetsPage::State::Loaded);

        QMimeData text;
        text.setText(QStringLiteral("not a file"));
        QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton,
                                Qt::NoModifier);
        refused.setAccepted(false);
        QCoreApplication::sendEvent(&page, &refused);
        QVERIFY(!refused.isAccepted());
    }

    void chooserOpensFilesAndFolders()
    {
        QTemporaryDir dir;
        const Mnist mnist = writeMnist(dir);
        const QString folder = QString::fromStdString(mnist.root);
        const QString file = QDir(folder).filePath(QStringLiteral("train-images-idx3-ubyte.gz"));
        for (const QString &chosen : {folder, file}) {
            mf::DatasetFileDialog dialog(nullptr, dir.path());
            dialog.selectFile(chosen);
            QCOMPARE(dialog.selectedFiles().value(0), chosen);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QCOMPARE(dialog.chosenPath(), chosen);
        }
        // The folder chooser, as File > Open Dataset Folder… shows it: opened on the dataset's
        // folder itself (as after double-clicking into it), Open takes the folder shown.
        mf::DatasetFileDialog inside(nullptr, folder, mf::DatasetFileDialog::Mode::Folder);
        QCOMPARE(inside.fileMode(), QFileDialog::Directory);
        QVERIFY(inside.testOption(QFileDialog::ShowDirsOnly));
        inside.accept();
        QCOMPARE(inside.result(), int(QDialog::Accepted));
        QCOMPARE(inside.chosenPath(), folder);
    }

    void theSplitBoxOffersOnlyWhatWasRead()
    {
        QTemporaryDir dir;
        const Mnist mnist = writeMnist(dir);
        DatasetsPage page;
        // The training images file alone: no test split was read.
        QVERIFY(openAndWait(page, mnist.root + "/train-images-idx3-ubyte.gz"));
        QComboBox *split = page.splitFilter();
        QCOMPARE(split->count(), 1);
        QVERIFY2(split->itemText(0).startsWith(QStringLiteral("Train only")),
                 qPrintable(split->itemText(0)));
        QVERIFY(split->itemText(0).contains(QStringLiteral("30")));
        QVERIFY(!split->isEnabled());
        // The folder: both splits.
        QVERIFY(openAndWait(page, mnist.root));
        QCOMPARE(split->count(), 3);
        QCOMPARE(split->itemText(0), QStringLiteral("Train and test"));
        QVERIFY(split->isEnabled());
    }

    void rendersOffscreen()
    {
        QTemporaryDir dir;
        const std::string root = dir.filePath(QStringLiteral("pets")).toStdString();
        td::writeImageFolder(root + "/train", td::makeImageSet(120, 4, 3, 24, 24, 7),
                             {"cat", "dog", "hamster", "parrot"});
        td::writeImageFolder(root + "/test", td::makeImageSet(40, 4, 3, 24, 24, 8),
                             {"cat", "dog", "hamster", "parrot"});
        DatasetsPage page;
        page.resize(1100, 720);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        saveShot(&page, dir, QStringLiteral("datasets-empty.png"));
        QVERIFY(openAndWait(page, root));
        QTRY_VERIFY(visibleThumbnailsReady(page));
        saveShot(&page, dir, QStringLiteral("datasets-grid.png"));
        page.sideTabs()->setCurrentIndex(1);
        saveShot(&page, dir, QStringLiteral("datasets-classes.png"));
        page.sideTabs()->setCurrentIndex(3);
        saveShot(&page, dir, QStringLiteral("datasets-statistics.png"));
        // The title is not cut: it fits the header.
        auto *title = page.findChild<QLabel *>(QStringLiteral("datasetTitle"));
        QVERIFY(title->width() >= title->fontMetrics().horizontalAdvance(title->text()));
    }
};

MF_TEST_MAIN(TestDatasetsPage)
#include "tst_datasetspage.moc"
