#include "app/gui/datasets/datasetspage.h"
#include "app/gui/languagesetup.h"
#include "app/gui/mainwindow.h"
#include "app/gui/roi/roipage.h"
#include "app/gui/roi/roiscenariopanel.h"
#include "app/gui/runs/rundetailspane.h"
#include "app/gui/runs/runspage.h"
#include "app/gui/runs/runsproxymodel.h"
#include "app/gui/runs/runstablemodel.h"
#include "app/gui/samples/sampledatasets.h"
#include "app/gui/screenshotwriter.h"
#include "app/gui/store/runstorewatcher.h"
#include "app/gui/train/trainconfigform.h"
#include "app/gui/train/trainpage.h"
#include "app/gui/train/trainpresets.h"
#include "app/gui/versioninfo.h"
#include "samplestore.h"
#include "tests/support/testsuite.h"
#include "widgets/keyvaluetable.h"
#include "widgets/messagepanel.h"
#include "widgets/sectionnavigator.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <memory>

using mf::MainWindow;
using mf::RunsPage;
using mf::RunsTableModel;

namespace {

QString databasePath(const QTemporaryDir &dir)
{
    return MainWindow::databasePathFor(dir.path());
}

std::unique_ptr<mf::RunStore> openStore(const QTemporaryDir &dir)
{
    return std::make_unique<mf::RunStore>(QFile::encodeName(databasePath(dir)).toStdString());
}

/// Clicks the row of `runId` in the runs table, as a user would.
void clickRun(RunsPage *page, qint64 runId)
{
    const QModelIndex source =
        page->model()->index(page->model()->rowOfRun(runId), RunsTableModel::NameColumn);
    const QModelIndex index = page->proxyModel()->mapFromSource(source);
    QVERIFY(index.isValid());
    page->view()->scrollTo(index);
    const QRect rect = page->view()->visualRect(index);
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ModelForge"));
        QCoreApplication::setApplicationName(QStringLiteral("ModelForge"));
        QSettings().clear();
    }

    void onlyBuiltSectionsAreEnabled_data()
    {
        QTest::addColumn<int>("section");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("datasets") << int(MainWindow::DatasetsSection) << "datasets"
                                  << "Datasets" << true;
        QTest::newRow("augment") << int(MainWindow::AugmentSection) << "augment"
                                 << "Augment" << true;
        QTest::newRow("train") << int(MainWindow::TrainSection) << "train"
                               << "Train" << true;
        QTest::newRow("runs") << int(MainWindow::RunsSection) << "runs"
                              << "Runs" << true;
        QTest::newRow("compress") << int(MainWindow::CompressSection) << "compress"
                                  << "Compress" << true;
        QTest::newRow("roi") << int(MainWindow::RoiSection) << "roi"
                             << "ROI" << true;
    }

    void onlyBuiltSectionsAreEnabled()
    {
        QFETCH(int, section);
        QFETCH(QString, key);
        QFETCH(QString, title);
        QFETCH(bool, enabled);
        QTemporaryDir workspace;
        MainWindow window(workspace.path());
        QCOMPARE(window.navigator()->sectionCount(), int(MainWindow::SectionCount));
        QCOMPARE(MainWindow::sectionKey(section), key);
        QCOMPARE(window.navigator()->sectionTitle(section), title);
        QCOMPARE(window.navigator()->isSectionEnabled(section), enabled);
        QCOMPARE(window.sectionPage(section) != nullptr, enabled);
        QVERIFY(!window.navigator()->sectionToolTip(section).isEmpty());
        if (!enabled)
            QVERIFY(window.navigator()->sectionToolTip(section).contains(
                QStringLiteral("Not available yet")));
        QCOMPARE(window.showSection(section), enabled);
        QCOMPARE(window.currentSection(), enabled ? section : int(MainWindow::RunsSection));
    }

    void runsSectionIsShownFirst()
    {
        QTemporaryDir workspace;
        MainWindow window(workspace.path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentSection(), int(MainWindow::RunsSection));
        QVERIFY(window.runsPage()->isVisible());
    }

    void selectingARunFillsTheDetails()
    {
        QTemporaryDir workspace;
        const mf::sample::RunIds ids =
            mf::sample::fill(*openStore(workspace), QCoreApplication::applicationPid());
        MainWindow window(workspace.path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        RunsPage *page = window.runsPage();
        QTRY_COMPARE(page->state(), RunsPage::State::Populated);
        QCOMPARE(page->model()->rowCount(), 6);
        QVERIFY(page->view()->isVisible());
        QVERIFY(!page->detailsPane()->isShowingDetails());

        QSignalSpy shown(page, &RunsPage::detailsShown);
        clickRun(page, ids.failed);
        QVERIFY(shown.wait());
        QCOMPARE(shown.last().at(0).toLongLong(), ids.failed);
        mf::RunDetailsPane *details = page->detailsPane();
        QVERIFY(details->isShowingDetails());
        QCOMPARE(details->runId(), ids.failed);
        QVERIFY(details->titleText().contains(QStringLiteral("resnet-high-lr")));
        const mf::KeyValueTable *info = details->infoTable();
        QCOMPARE(info->value(QStringLiteral("Status")), QStringLiteral("Failed"));
        QVERIFY(info->value(QStringLiteral("Failure reason")).contains(QStringLiteral("NaN")));
        QCOMPARE(info->value(QStringLiteral("Device")), QStringLiteral("cpu"));
        QCOMPARE(info->value(QStringLiteral("Versions")),
                 QStringLiteral("modelforge 0.1.0; libtorch 1.13.1"));
        QCOMPARE(info->value(QStringLiteral("Model")), QStringLiteral("resnet"));
        QVERIFY(!info->value(QStringLiteral("Started")).isEmpty());
        QVERIFY(!info->value(QStringLiteral("Ended")).isEmpty());
        QCOMPARE(info->value(QStringLiteral("Duration")), QStringLiteral("3 min 00 s"));
        QCOMPARE(details->paramsTable()->value(QStringLiteral("optimizer")),
                 QStringLiteral("adam"));
        QCOMPARE(details->paramsTable()->value(QStringLiteral("epochs")), QStringLiteral("1"));
        QCOMPARE(details->paramsTable()->rowCount(), 5);
        const QLocale locale;
        QCOMPARE(details->metricsTable()->value(QStringLiteral("val_accuracy")),
                 locale.toString(0.095, 'g', 6));

        // The final metrics are the last logged values, not the best.
        clickRun(page, ids.finishedCnn);
        QTRY_COMPARE(details->runId(), ids.finishedCnn);
        QCOMPARE(details->metricsTable()->value(QStringLiteral("val_accuracy")),
                 locale.toString(0.899, 'g', 6));
        QVERIFY(details->infoTable()->value(QStringLiteral("Failure reason")).isNull());

        // A run without metrics says so instead of showing an empty table.
        clickRun(page, ids.interrupted);
        QTRY_COMPARE(details->runId(), ids.interrupted);
        QCOMPARE(details->metricsTable()->rowCount(), 0);
        QVERIFY(!details->metricsTable()->emptyText().isEmpty());
    }

    void newRunsAppearOnTheirOwn()
    {
        QTemporaryDir workspace;
        std::unique_ptr<mf::RunStore> store = openStore(workspace);
        mf::sample::fill(*store, QCoreApplication::applicationPid());
        MainWindow window(workspace.path());
        RunsPage *page = window.runsPage();
        page->watcher()->setPollInterval(100);
        QTRY_COMPARE(page->state(), RunsPage::State::Populated);
        QCOMPARE(page->runCount(), 6);

        mf::RunRecord run;
        run.name = "added-later";
        run.status = mf::RunStatus::Finished;
        const std::int64_t id = store->createRun(run);
        QTRY_COMPARE(page->runCount(), 7);
        QVERIFY(page->model()->rowOfRun(id) >= 0);

        store->deleteRun(id);
        QTRY_COMPARE(page->runCount(), 6);
    }

    void refreshActionReloads()
    {
        QTemporaryDir workspace;
        std::unique_ptr<mf::RunStore> store = openStore(workspace);
        MainWindow window(workspace.path());
        RunsPage *page = window.runsPage();
        page->watcher()->setPollInterval(3600 * 1000);
        QTRY_COMPARE(page->state(), RunsPage::State::Empty);

        mf::RunRecord run;
        run.name = "fresh";
        store->createRun(run);
        QTest::qWait(200);
        QCOMPARE(page->runCount(), 0);
        QVERIFY(window.refreshAction()->shortcuts().contains(QKeySequence(Qt::Key_F5)));
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy loaded(page, &RunsPage::runsLoaded);
        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(loaded.wait());
        QCOMPARE(page->runCount(), 1);
        QCOMPARE(page->state(), RunsPage::State::Populated);

        store->createRun(run);
        window.refreshAction()->trigger();
        QTRY_COMPARE(page->runCount(), 2);
    }

    void emptyStoreShowsTheEmptyState_data()
    {
        QTest::addColumn<bool>("createDatabase");
        QTest::newRow("no database yet") << false;
        QTest::newRow("database without runs") << true;
    }

    void emptyStoreShowsTheEmptyState()
    {
        QFETCH(bool, createDatabase);
        QTemporaryDir workspace;
        if (createDatabase)
            openStore(workspace);
        MainWindow window(workspace.path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        RunsPage *page = window.runsPage();
        QTRY_COMPARE(page->state(), RunsPage::State::Empty);
        QCOMPARE(page->messageTitle(), QStringLiteral("No runs yet"));
        QVERIFY(page->messageText().contains(QStringLiteral("modelforge-cli train")));
        QVERIFY(page->messageText().contains(databasePath(workspace)));
        QVERIFY(!page->view()->isVisible());
        // Looking does not create a store.
        QCOMPARE(QFile::exists(databasePath(workspace)), createDatabase);
    }

    void emptyRunsLeadToDataAndTraining()
    {
        QTemporaryDir workspace;
        MainWindow window(workspace.path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        RunsPage *page = window.runsPage();
        QTRY_COMPARE(page->state(), RunsPage::State::Empty);
        const QList<QPushButton *> buttons = page->messagePanel()->actionButtons();
        QCOMPARE(buttons.size(), 2);
        for (QPushButton *button : buttons) {
            QVERIFY(button->isVisible());
            QVERIFY(!button->text().isEmpty());
        }

        mf::TrainConfigForm *form = window.trainPage()->form();
        form->presetBox()->setCurrentIndex(form->presetBox()->count() - 1);
        QVERIFY(form->presetBox()->currentData().toString() != QStringLiteral("fashion-mnist-cnn"));
        QPushButton *train = buttons.at(1);
        QCOMPARE(train->objectName(), QStringLiteral("emptyRunsTrainPreset"));
        QTest::mouseClick(train, Qt::LeftButton);
        QCOMPARE(window.currentSection(), int(MainWindow::TrainSection));
        QCOMPARE(form->presetBox()->currentData().toString(), QStringLiteral("fashion-mnist-cnn"));

        QPushButton *data = buttons.at(0);
        QCOMPARE(data->objectName(), QStringLiteral("emptyRunsOpenDataset"));
        if (!QFileInfo(mf::fashionMnistPath()).isDir())
            QSKIP("Fashion-MNIST is not installed: the button would open a file dialog");
        QSignalSpy loaded(window.datasetsPage(), &mf::DatasetsPage::datasetLoaded);
        QTest::mouseClick(data, Qt::LeftButton);
        QCOMPARE(window.currentSection(), int(MainWindow::DatasetsSection));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.first().first().toString(), mf::fashionMnistPath());
    }

    void trainFormFitsTheDefaultWindow()
    {
        QTemporaryDir workspace;
        MainWindow window(workspace.path());
        QCOMPARE(window.size(), QSize(1280, 800));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showSection(MainWindow::TrainSection));
        auto *scroll =
            window.trainPage()->findChild<QScrollArea *>(QStringLiteral("trainFormScroll"));
        QVERIFY(scroll);
        QTest::qWait(50);
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        // Every visible field ends inside the pane: none is cut at its right edge.
        const int right = scroll->viewport()->width();
        for (QWidget *field : window.trainPage()->form()->findChildren<QWidget *>()) {
            if (!field->isVisibleTo(scroll) ||
                !field->inherits("QAbstractSpinBox") && !field->inherits("QComboBox") &&
                    !field->inherits("QLineEdit") && !field->inherits("QAbstractButton"))
                continue;
            const int end = field->mapTo(scroll->viewport(), QPoint(field->width(), 0)).x();
            QVERIFY2(end <= right, qPrintable(QStringLiteral("%1 ends at %2 of %3")
                                                  .arg(field->objectName())
                                                  .arg(end)
                                                  .arg(right)));
        }
    }

    void unreadableStoreShowsAnError_data()
    {
        QTest::addColumn<bool>("directory");
        QTest::newRow("not a database") << false;
        QTest::newRow("a directory") << true;
    }

    void unreadableStoreShowsAnError()
    {
        QFETCH(bool, directory);
        QTemporaryDir workspace;
        const QString path = databasePath(workspace);
        if (directory) {
            QVERIFY(QDir().mkpath(path));
        } else {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (int i = 0; i < 200; ++i)
                file.write("This is not an SQLite database. ");
        }
        MainWindow window(workspace.path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        RunsPage *page = window.runsPage();
        page->watcher()->setPollInterval(100);
        QTRY_COMPARE(page->state(), RunsPage::State::Error);
        QCOMPARE(page->messageTitle(), QStringLiteral("Cannot open the run store"));
        QVERIFY2(page->messageText().contains(path), qPrintable(page->messageText()));
        QCOMPARE(page->runCount(), 0);

        // Once the file is a store again, the page recovers by itself.
        if (directory)
            QVERIFY(QDir(path).removeRecursively());
        else
            QVERIFY(QFile::remove(path));
        mf::sample::fill(*openStore(workspace), QCoreApplication::applicationPid());
        QTRY_COMPARE(page->state(), RunsPage::State::Populated);
        QCOMPARE(page->runCount(), 6);
    }

    void switchingWorkspaceShowsItsRuns()
    {
        QTemporaryDir empty;
        QTemporaryDir filled;
        mf::sample::fill(*openStore(filled), QCoreApplication::applicationPid());
        MainWindow window(empty.path());
        RunsPage *page = window.runsPage();
        QTRY_COMPARE(page->state(), RunsPage::State::Empty);
        window.setWorkspace(filled.path());
        QCOMPARE(window.workspace(), filled.path());
        QCOMPARE(page->databasePath(), databasePath(filled));
        QTRY_COMPARE(page->state(), RunsPage::State::Populated);
        QCOMPARE(page->runCount(), 6);
        QVERIFY(window.windowTitle().contains(QDir::toNativeSeparators(filled.path())));
    }

    void grabbingTheWindowGivesAPng()
    {
        QTemporaryDir workspace;
        mf::sample::fill(*openStore(workspace), QCoreApplication::applicationPid());
        MainWindow window(workspace.path());
        window.resize(1000, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.runsPage()->state(), RunsPage::State::Populated);
        const QString file = QDir(workspace.path()).filePath(QStringLiteral("window.png"));
        // Rendering sends pending resize events, and the layouts they ask for follow as events:
        // settle them, so that the two pictures below show one state.
        window.grab();
        QApplication::processEvents();
        const QPixmap grabbed = window.grab();
        // The Runs section as it draws itself at the same moment (no event in between).
        const QImage runs =
            window.runsPage()->grab().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(grabbed.save(file, "PNG"));
        const QImage image = QImage(file).convertToFormat(QImage::Format_RGB32);
        QVERIFY(!image.isNull());
        const qreal ratio = window.devicePixelRatio();
        QCOMPARE(image.size(), window.size() * ratio);
        // The file holds what was grabbed, pixel for pixel.
        QCOMPARE(image, grabbed.toImage().convertToFormat(QImage::Format_RGB32));
        // A rendered window, not a blank or a bare frame: many colours.
        const auto colourCount = [](const QImage &picture) {
            QSet<QRgb> colours;
            for (int y = 0; y < picture.height() && colours.size() <= 16; y += 3)
                for (int x = 0; x < picture.width() && colours.size() <= 16; x += 3)
                    colours.insert(picture.pixel(x, y));
            return colours.size();
        };
        QVERIFY(colourCount(image) > 16);
        // It shows the section in view, the populated Runs section, where that section is.
        QCOMPARE(window.currentSection(), int(MainWindow::RunsSection));
        const QRect runsArea(window.runsPage()->mapTo(&window, QPoint(0, 0)),
                             window.runsPage()->size());
        const QRect runsPixels =
            QRectF(QPointF(runsArea.topLeft()) * ratio, QSizeF(runsArea.size()) * ratio)
                .toAlignedRect();
        QVERIFY(image.rect().contains(runsPixels));
        QCOMPARE(image.copy(runsPixels), runs);
        QVERIFY(colourCount(runs) > 16);
        // Another section gives another picture, of the same size.
        QVERIFY(window.showSection(MainWindow::DatasetsSection));
        QApplication::processEvents();
        const QImage datasets = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(datasets.size(), image.size());
        QVERIFY(colourCount(datasets) > 16);
        QVERIFY(datasets != image);
        QVERIFY(datasets.copy(runsPixels) != runs);
    }

    void screenshotsCoverEveryEnabledSection()
    {
        QTemporaryDir workspace;
        mf::sample::fill(*openStore(workspace), QCoreApplication::applicationPid());
        MainWindow window(workspace.path());
        const QString out = QDir(workspace.path()).filePath(QStringLiteral("shots"));
        mf::ScreenshotWriter writer(&window, out);
        QSignalSpy finished(&writer, &mf::ScreenshotWriter::finished);
        writer.start();
        QVERIFY(finished.wait(mf::ScreenshotWriter::loadTimeoutMs + 5000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QStringList expected;
        for (const char *key : {"datasets", "augment", "train", "runs", "compress", "roi"})
            expected.append(QDir(out).filePath(QStringLiteral("section-%1.png").arg(key)));
        expected.append(QDir(out).filePath(QStringLiteral("mainwindow.png")));
        QCOMPARE(writer.writtenFiles(), expected);
        // Each picture is a rendered page, not an empty or repeated one: many colours, a size
        // of its own page, and no two sections alike.
        QList<QImage> images;
        for (const QString &file : expected) {
            const QImage image = QImage(file).convertToFormat(QImage::Format_RGB32);
            QVERIFY2(!image.isNull(), qPrintable(file));
            QVERIFY2(image.width() >= 400 && image.height() >= 300, qPrintable(file));
            QSet<QRgb> colours;
            for (int y = 0; y < image.height() && colours.size() <= 16; y += 3)
                for (int x = 0; x < image.width() && colours.size() <= 16; x += 3)
                    colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 16, qPrintable(file + QStringLiteral(" is nearly blank")));
            for (const QImage &earlier : images)
                QVERIFY2(image != earlier, qPrintable(file + QStringLiteral(" repeats a section")));
            images.append(image);
        }
        QCOMPARE(images.constLast().size(), window.size() * window.devicePixelRatio());
        // The ROI section showed a template without adding it to the workspace's scenarios.
        QVERIFY(window.roiPage()->hasScenario());
        QVERIFY(window.roiPage()->scenarioPanel()->isDraft());
        QVERIFY(window.roiPage()->scenarioPanel()->summaries().empty());
        // The Train section shows a finished run's curves, its status in words (not the store's
        // FINISHED).
        QVERIFY(window.trainPage()->statusText().startsWith(QStringLiteral("Finished after ")));
        // The first run was selected so the picture shows its details.
        QVERIFY(window.runsPage()->detailsPane()->isShowingDetails());
    }

    void screenshotsReportAnUnwritableDirectory()
    {
        QTemporaryDir workspace;
        const QString blocker = QDir(workspace.path()).filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        MainWindow window(workspace.path());
        const QString out = QDir(blocker).filePath(QStringLiteral("shots"));
        mf::ScreenshotWriter writer(&window, out);
        QSignalSpy finished(&writer, &mf::ScreenshotWriter::finished);
        writer.start();
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(writer.errorString().contains(out));
        QVERIFY(writer.writtenFiles().isEmpty());
    }

    void aboutNamesTheVersions()
    {
        const QList<QPair<QString, QString>> components = mf::VersionInfo::components();
        QStringList names;
        for (const auto &component : components) {
            names.append(component.first);
            QVERIFY2(!component.second.isEmpty(), qPrintable(component.first));
        }
        QCOMPARE(names, (QStringList{QStringLiteral("ModelForge"), QStringLiteral("Qt"),
                                     QStringLiteral("LibTorch"), QStringLiteral("SQLite")}));
        QCOMPARE(components.at(0).second, QStringLiteral(MODELFORGE_PROJECT_VERSION));
        QCOMPARE(components.at(1).second, QString::fromLatin1(qVersion()));
        QVERIFY(components.at(2).second.count(QLatin1Char('.')) == 2);
        QVERIFY(components.at(3).second.startsWith(QLatin1String("3.")));
    }

    void layoutIsRemembered()
    {
        QTemporaryDir workspace;
        mf::sample::fill(*openStore(workspace), QCoreApplication::applicationPid());
        QList<int> sizes;
        {
            MainWindow window(workspace.path());
            window.rememberLayout();
            window.resize(1111, 666);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTRY_COMPARE(window.runsPage()->state(), RunsPage::State::Populated);
            // Let the layout settle from showing the details pane, as a user's drag would.
            QTest::qWait(50);
            window.runsPage()->splitter()->setSizes({500, 480});
            QTest::qWait(50);
            sizes = window.runsPage()->splitter()->sizes();
            QCOMPARE(sizes.size(), 2);
            QVERIFY(sizes.at(1) > 400);
            window.close();
        }
        MainWindow window(workspace.path());
        window.rememberLayout();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.runsPage()->state(), RunsPage::State::Populated);
        QTest::qWait(50);
        QCOMPARE(window.size(), QSize(1111, 666));
        QCOMPARE(window.runsPage()->splitter()->sizes(), sizes);

        // Without rememberLayout() nothing is read: a fresh window has the default size.
        MainWindow fresh(workspace.path());
        QVERIFY(fresh.size() != QSize(1111, 666));
    }

    void sectionSplittersAreRemembered()
    {
        QTemporaryDir workspace;
        QHash<QString, QList<int>> sizes;
        const QList<QPair<int, QString>> names{
            {MainWindow::TrainSection, QStringLiteral("trainSplitter")},
            {MainWindow::DatasetsSection, QStringLiteral("datasetsSplitter")},
            {MainWindow::AugmentSection, QStringLiteral("augmentSplitter")}};
        // The splitter of a section, shown and laid out.
        const auto shownSplitter = [](MainWindow &window, int section, const QString &name) {
            window.showSection(section);
            QTest::qWait(20);
            return window.findChild<QSplitter *>(name);
        };
        {
            MainWindow window(workspace.path());
            window.rememberLayout();
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            for (const auto &[section, name] : names) {
                QSplitter *splitter = shownSplitter(window, section, name);
                QVERIFY2(splitter, qPrintable(name));
                const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
                QVERIFY2(total > 300, qPrintable(name));
                splitter->setSizes({total / 3, total - total / 3});
                sizes.insert(name, splitter->sizes());
            }
            window.close();
        }
        MainWindow window(workspace.path());
        window.rememberLayout();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (const auto &[section, name] : names) {
            const QList<int> restored = shownSplitter(window, section, name)->sizes();
            QVERIFY2(std::abs(restored.value(0) - sizes.value(name).value(0)) <= 2,
                     qPrintable(name));
        }
    }

    // Last: the translators stay installed.
    void chineseTranslationIsUsed()
    {
        QVERIFY(!mf::LanguageSetup::apply(*QCoreApplication::instance(), QStringLiteral("fr")));
        QVERIFY(mf::LanguageSetup::apply(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
        QTemporaryDir workspace;
        MainWindow window(workspace.path());
        QCOMPARE(window.navigator()->sectionTitle(MainWindow::RunsSection),
                 QString::fromUtf8("运行记录"));
        QCOMPARE(window.runsPage()
                     ->model()
                     ->headerData(RunsTableModel::StatusColumn, Qt::Horizontal)
                     .toString(),
                 QString::fromUtf8("状态"));
        QTRY_COMPARE(window.runsPage()->state(), RunsPage::State::Empty);
        QCOMPARE(window.runsPage()->messageTitle(), QString::fromUtf8("还没有运行记录"));
        QCOMPARE(QLocale().language(), QLocale::Chinese);
    }
};

MF_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
