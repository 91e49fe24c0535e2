#include "app/gui/runs/confusionmatrixview.h"
#include "app/gui/runs/evaluationcache.h"
#include "app/gui/runs/evaluationview.h"
#include "app/gui/runs/mistakegallery.h"
#include "app/gui/runs/rundetailspane.h"
#include "app/gui/runs/runspage.h"
#include "app/gui/store/rundetails.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/train/trainingsession.h"
#include "core/util/atomicfile.h"
#include "tests/support/shotpath.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <filesystem>
#include <map>
#include <sys/inotify.h>
#include <unistd.h>

using mf::EvaluationView;

using mf::test::shotDir;
using mf::test::shotPath;

namespace {

constexpr int kClasses = 10;
constexpr int kTestSamples = 1000;

/// Counts how often the files in some folders are opened, by any thread of any process, as the
/// kernel reports it (inotify): what the code under test really reads, without a hook in it.
class FileOpenings
{
public:
    FileOpenings() : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
    ~FileOpenings()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileOpenings(const FileOpenings &) = delete;
    FileOpenings &operator=(const FileOpenings &) = delete;

    bool watch(const std::string &dir)
    {
        const int wd = m_fd < 0 ? -1 : inotify_add_watch(m_fd, dir.c_str(), IN_OPEN);
        if (wd < 0)
            return false;
        m_dirs[wd] = dir;
        return true;
    }

    /// The openings since the last call, by path (folders left out); false when the kernel's
    /// queue overflowed and some were lost.
    bool take(std::map<std::string, int> *opened)
    {
        opened->clear();
        bool complete = true;
        alignas(inotify_event) char buffer[64 * 1024];
        for (;;) {
            const ssize_t size = ::read(m_fd, buffer, sizeof buffer);
            if (size <= 0)
                break;
            for (const char *p = buffer; p < buffer + size;) {
                const auto *event = reinterpret_cast<const inotify_event *>(p);
                if (event->mask & IN_Q_OVERFLOW)
                    complete = false;
                else if (event->len > 0 && !(event->mask & IN_ISDIR))
                    ++(*opened)[m_dirs[event->wd] + "/" + event->name];
                p += sizeof(inotify_event) + event->len;
            }
        }
        return complete;
    }

private:
    int m_fd;
    std::map<int, std::string> m_dirs;
};

QStringList countsText(const std::map<std::string, int> &counts)
{
    QStringList lines;
    for (const auto &[path, count] : counts)
        lines.append(QStringLiteral("%1 x%2").arg(QString::fromStdString(path)).arg(count));
    return lines;
}

} // namespace

class TestEvaluationView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::string m_workspace;
    std::int64_t m_withTest = 0;    ///< a run on a dataset with a test part
    std::int64_t m_withoutTest = 0; ///< a run on a dataset without one
    std::int64_t m_moved = 0;       ///< a run whose dataset is gone

    /// A short, weak training (one epoch, a tiny MLP, a small learning rate), so that the
    /// evaluation has mistakes to show.
    std::int64_t train(const std::string &dataset, const std::string &name)
    {
        mf::TrainConfig config;
        config.dataset = dataset;
        config.model = {{"type", "mlp"}, {"hidden", {16}}};
        config.optimizer.learningRate = 1e-4;
        config.epochs = 1;
        config.batchSize = 32;
        config.validationFraction = 0.2;
        config.threads = 1;
        mf::SessionOptions options;
        options.workspaceDir = m_workspace;
        options.runName = name;
        mf::TrainingSession session(config, options);
        const mf::SessionResult result = session.run();
        return result.runId;
    }

    mf::RunDetails details(std::int64_t runId) const
    {
        const mf::RunStore store(mf::Workspace{m_workspace}.databasePath());
        mf::RunDetails details;
        details.run = *store.run(runId);
        details.params = store.params(runId);
        details.artifacts = store.artifacts(runId);
        return details;
    }

    std::string cachePath(std::int64_t runId, bool test) const
    {
        return mf::Workspace{m_workspace}.runDir(runId) + "/" + mf::EvaluationCache::fileName(test);
    }

    /// Shows the run in an active view and waits for the result (or an error).
    static bool evaluate(EvaluationView &view, const mf::RunDetails &details)
    {
        QSignalSpy changed(&view, &EvaluationView::stateChanged);
        view.setRun(details);
        view.setActive(true);
        return QTest::qWaitFor(
            [&] {
                return view.state() == EvaluationView::State::Ready ||
                       view.state() == EvaluationView::State::Error;
            },
            25000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(QStringLiteral("workspace")).toStdString();
        const std::string root = m_dir.path().toStdString();
        const auto trainSet = mf::testdata::makeImageSet(300, kClasses, 1, 12, 12, 1);
        mf::testdata::writeMnistLayout(
            root + "/mnist", trainSet,
            mf::testdata::makeImageSet(kTestSamples, kClasses, 1, 12, 12, 2));
        std::filesystem::create_directories(root + "/train-only");
        mf::testdata::writeIdxImages(root + "/train-only/train-images-idx3-ubyte", trainSet);
        mf::testdata::writeIdxLabels(root + "/train-only/train-labels-idx1-ubyte", trainSet);
        std::filesystem::copy(root + "/mnist", root + "/moved");

        m_withTest = train(root + "/mnist", "with-test");
        m_withoutTest = train(root + "/train-only", "without-test");
        m_moved = train(root + "/moved", "moved");
        std::filesystem::remove_all(root + "/moved");
    }

    void mistakeCaptionsFitTheirCells()
    {
        // Fashion-MNIST's class names: "Ankle boot → T-shirt/top" was cut to "Ankle bo…".
        QVector<mf::EvaluatedMistake> mistakes;
        QImage image(28, 28, QImage::Format_Grayscale8);
        image.fill(128);
        for (int i = 0; i < 3; ++i)
            mistakes.append({i, 9, 0, 0.97 - 0.1 * i, image});
        mf::MistakeGallery gallery;
        gallery.resize(800, 500);
        gallery.setMistakes(mistakes,
                            {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
                             "Shirt", "Sneaker", "Bag", "Ankle boot"},
                            true, QStringLiteral("test"));
        gallery.show();
        QVERIFY(QTest::qWaitForWindowExposed(&gallery));
        QListWidget *list = gallery.list();
        QCOMPARE(list->count(), 3);
        for (int row = 0; row < list->count(); ++row)
            for (const QString &line : list->item(row)->text().split(QLatin1Char('\n')))
                QVERIFY2(list->fontMetrics().horizontalAdvance(line) + 6 <=
                             list->visualItemRect(list->item(row)).width(),
                         qPrintable(QStringLiteral("%1: %2 px in %3 (grid %4)")
                                        .arg(line)
                                        .arg(list->fontMetrics().horizontalAdvance(line))
                                        .arg(list->visualItemRect(list->item(row)).width())
                                        .arg(list->gridSize().width())));
    }

    void showsMatrixClassesAndMistakes()
    {
        EvaluationView view;
        view.setWorkspaceDir(QString::fromStdString(m_workspace));
        view.resize(520, 640);
        QVERIFY(evaluate(view, details(m_withTest)));
        QCOMPARE(view.state(), EvaluationView::State::Ready);
        const mf::RunEvaluation &evaluation = view.evaluation();
        QVERIFY(!evaluation.fromCache);
        QCOMPARE(evaluation.split, mf::RunEvaluation::Split::Test);

        // The matrix covers the whole test part.
        mf::ConfusionMatrixView *matrix = view.confusionView();
        QCOMPARE(matrix->classCount(), kClasses);
        QCOMPARE(matrix->total(), qint64(kTestSamples));
        qint64 correct = 0;
        for (int k = 0; k < kClasses; ++k)
            correct += matrix->count(k, k);
        QCOMPARE(double(correct) / kTestSamples, evaluation.accuracy);

        // One row per class; the supports add up to the test size.
        QTableWidget *table = view.classTable();
        QCOMPARE(table->rowCount(), kClasses);
        qint64 support = 0;
        for (int row = 0; row < table->rowCount(); ++row)
            support += table->item(row, 4)->text().toLongLong();
        QCOMPARE(support, qint64(kTestSamples));
        // Precision, recall and F1 of each class, worked out here from the matrix's counts.
        const QLocale locale;
        for (int row = 0; row < table->rowCount(); ++row) {
            const int k = int(evaluation.classNames.indexOf(table->item(row, 0)->text()));
            QVERIFY(k >= 0);
            qint64 predictedK = 0, trueK = 0;
            for (int other = 0; other < kClasses; ++other) {
                predictedK += matrix->count(other, k);
                trueK += matrix->count(k, other);
            }
            const double hits = double(matrix->count(k, k));
            const double precision = predictedK > 0 ? hits / double(predictedK) : 0.0;
            const double recall = trueK > 0 ? hits / double(trueK) : 0.0;
            const double f1 =
                precision + recall > 0.0 ? 2.0 * precision * recall / (precision + recall) : 0.0;
            QCOMPARE(table->item(row, 1)->text(), locale.toString(precision, 'f', 3));
            QCOMPARE(table->item(row, 2)->text(), locale.toString(recall, 'f', 3));
            QCOMPARE(table->item(row, 3)->text(), locale.toString(f1, 'f', 3));
            QCOMPARE(table->item(row, 4)->text(), locale.toString(trueK));
        }

        // The wrong predictions are in the gallery, most confident first, with their images.
        mf::MistakeGallery *gallery = view.gallery();
        QVERIFY2(gallery->entryCount() > 0, "the weak model made no mistakes");
        // At most EvalReport::kMaxMistakes of them are kept.
        QVERIFY2(kTestSamples - correct > qint64(mf::EvalReport::kMaxMistakes),
                 "the weak model was too good to test the cap");
        QCOMPARE(gallery->entryCount(), int(mf::EvalReport::kMaxMistakes));
        double previous = 1.0;
        for (int row = 0; row < gallery->entryCount(); ++row) {
            const mf::EvaluatedMistake &mistake = gallery->entry(row);
            QVERIFY(mistake.trueLabel != mistake.predicted);
            QVERIFY(mistake.confidence <= previous);
            previous = mistake.confidence;
            QCOMPARE(mistake.image.size(), QSize(12, 12));
            QVERIFY(matrix->count(mistake.trueLabel, mistake.predicted) > 0);
        }
        QCOMPARE(gallery->list()->count(), gallery->entryCount());
        QVERIFY(view.tabs()->tabText(2).contains(QString::number(gallery->entryCount())));

        // Clicking a thumbnail shows it larger.
        const int last = gallery->entryCount() - 1;
        QListWidget *list = gallery->list();
        view.tabs()->setCurrentWidget(gallery);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        list->scrollToItem(list->item(last));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(last)).center());
        QCOMPARE(gallery->previewedRow(), last);
        QVERIFY(gallery->previewImage()->pixmap().width() > 12 * 8);
        QVERIFY(
            gallery->previewText().contains(evaluation.classNames[gallery->entry(last).predicted]));

        // The result is cached beside the checkpoint it came from.
        QVERIFY(QFile::exists(QString::fromStdString(cachePath(m_withTest, true))));

        QTemporaryDir shots;
        QVERIFY(view.grab().save(shotPath(shots, QStringLiteral("eval-mistakes.png")), "PNG"));
        view.tabs()->setCurrentIndex(0);
        QApplication::processEvents();
        QVERIFY(view.grab().save(shotPath(shots, QStringLiteral("eval-matrix.png")), "PNG"));
        view.tabs()->setCurrentIndex(1);
        QApplication::processEvents();
        QVERIFY(view.grab().save(shotPath(shots, QStringLiteral("eval-classes.png")), "PNG"));
    }

    void cachedResultIsReusedWhileTheCheckpointIsUnchanged()
    {
        EvaluationView first;
        first.setWorkspaceDir(QString::fromStdString(m_workspace));
        QVERIFY(evaluate(first, details(m_withTest)));
        QCOMPARE(first.state(), EvaluationView::State::Ready);

        EvaluationView second;
        second.setWorkspaceDir(QString::fromStdString(m_workspace));
        QVERIFY(evaluate(second, details(m_withTest)));
        QCOMPARE(second.state(), EvaluationView::State::Ready);
        QVERIFY(second.evaluation().fromCache);
        QCOMPARE(second.evaluation().confusion, first.evaluation().confusion);
        QCOMPARE(second.evaluation().mistakes.size(), first.evaluation().mistakes.size());

        // A cache made from another checkpoint is not used (and is replaced).
        const std::string path = cachePath(m_withTest, true);
        std::string text = mf::readWholeFile(path);
        nlohmann::json document = nlohmann::json::parse(text);
        document["checkpoint_sha256"] = std::string(64, '0');
        mf::writeFileAtomically(path, document.dump());
        EvaluationView third;
        third.setWorkspaceDir(QString::fromStdString(m_workspace));
        QVERIFY(evaluate(third, details(m_withTest)));
        QVERIFY(!third.evaluation().fromCache);
        QCOMPARE(third.evaluation().confusion, first.evaluation().confusion);
    }

    void datasetWithoutTestPartUsesTheValidationSplit()
    {
        EvaluationView view;
        view.setWorkspaceDir(QString::fromStdString(m_workspace));
        QVERIFY(evaluate(view, details(m_withoutTest)));
        QCOMPARE(view.state(), EvaluationView::State::Ready);
        QCOMPARE(view.evaluation().split, mf::RunEvaluation::Split::Validation);
        QCOMPARE(view.confusionView()->total(), qint64(60)); // 20% of 300
        QVERIFY(view.summaryText().contains(QStringLiteral("validation")));
        QVERIFY(QFile::exists(QString::fromStdString(cachePath(m_withoutTest, false))));
    }

private:
    /// One short epoch on `csv`, written to `name` in the test folder.
    mf::TrainConfig briefTextRun(const QString &name, const std::string &csv) const
    {
        const std::string file = m_dir.filePath(name).toStdString();
        mf::testdata::writeBytes(file, csv);
        mf::TrainConfig config;
        config.dataset = file;
        config.epochs = 1;
        config.batchSize = 32;
        config.validationFraction = 0.3;
        config.threads = 1;
        return config;
    }

    std::int64_t trainRun(const mf::TrainConfig &config, const char *name) const
    {
        mf::SessionOptions options;
        options.workspaceDir = m_workspace;
        options.runName = name;
        return mf::TrainingSession(config, options).run().runId;
    }

private Q_SLOTS:
    void textRunShowsItsMistakesAsDocuments()
    {
        // Two classes a word decides, trained too briefly to be right every time.
        std::string csv = "text,label\n";
        for (int i = 0; i < 200; ++i)
            csv += std::string(i % 2 ? "a fine great film number " : "a dull awful film number ") +
                   std::to_string(i % 7) + (i % 2 ? ",pos\n" : ",neg\n");
        mf::TrainConfig config = briefTextRun(QStringLiteral("reviews.csv"), csv);
        config.model = {{"type", "bag"}, {"embedding_dim", 4}};
        config.optimizer.learningRate = 1e-4;
        const std::int64_t run = trainRun(config, "text");

        EvaluationView view;
        view.setWorkspaceDir(QString::fromStdString(m_workspace));
        QVERIFY(evaluate(view, details(run)));
        QVERIFY2(view.state() == EvaluationView::State::Ready, qPrintable(view.summaryText()));
        QCOMPARE(view.evaluation().split, mf::RunEvaluation::Split::Validation);
        QCOMPARE(view.confusionView()->total(), qint64(60));
        QVERIFY(!view.evaluation().imagesAvailable);
        QVERIFY(!view.evaluation().mistakes.isEmpty());
        for (const mf::EvaluatedMistake &mistake : view.evaluation().mistakes) {
            // The document as the model read it: the run's vocabulary, lower-cased tokens.
            QVERIFY2(mistake.text.startsWith(QStringLiteral("a ")), qPrintable(mistake.text));
            QVERIFY(mistake.text.contains(QStringLiteral("film number")));
        }
        mf::MistakeGallery *gallery = view.gallery();
        QVERIFY(gallery->list()->item(0)->text().contains(view.evaluation().mistakes[0].text));
        view.findChild<QTabWidget *>()->setCurrentWidget(gallery);
        view.resize(900, 500);
        view.grab().save(shotPath(m_dir, QStringLiteral("evaluation-text-mistakes.png")));
    }

    void pretrainingRunShowsItsTokenFigures()
    {
        std::string csv = "text,label\n";
        for (int i = 0; i < 120; ++i)
            csv += std::string("the quick brown fox jumps number ") + std::to_string(i % 9) +
                   (i % 2 ? ",pos\n" : ",neg\n");
        mf::TrainConfig config = briefTextRun(QStringLiteral("corpus.csv"), csv);
        config.model = {{"type", "gru"}, {"embedding_dim", 8}, {"hidden_size", 8}};
        config.objective = "next_token";
        const std::int64_t run = trainRun(config, "pre-training");

        EvaluationView view;
        view.setWorkspaceDir(QString::fromStdString(m_workspace));
        QVERIFY(evaluate(view, details(run)));
        QVERIFY2(view.state() == EvaluationView::State::Ready, qPrintable(view.summaryText()));
        QCOMPARE(view.evaluation().tokenObjective, QStringLiteral("next_token"));
        QVERIFY2(view.summaryText().contains(QStringLiteral("perplexity")),
                 qPrintable(view.summaryText()));
        QVERIFY(!view.findChild<QTabWidget *>()->isVisibleTo(&view));
        view.resize(900, 300);
        view.grab().save(shotPath(m_dir, QStringLiteral("evaluation-pretraining.png")));
    }

    void missingDatasetNamesItsPath()
    {
        EvaluationView view;
        view.setWorkspaceDir(QString::fromStdString(m_workspace));
        QVERIFY(evaluate(view, details(m_moved)));
        QCOMPARE(view.state(), EvaluationView::State::Error);
        QCOMPARE(view.messageTitle(), QStringLiteral("Dataset not found"));
        QVERIFY2(view.messageText().contains(m_dir.filePath(QStringLiteral("moved"))),
                 qPrintable(view.messageText()));
    }

    void evaluationReadsTheDatasetOnceAndTheCheckpointOnce()
    {
        // The Runs section's evaluation loads the dataset once, for the evaluation and the
        // mistakes' images alike, and reads the chosen checkpoint once, for its sha256 and its
        // weights together. (It used to load the dataset twice, to read the newest checkpoint
        // twice to choose one, and the chosen one twice: for its checksum, then its weights.)
        const std::string dataset = m_dir.filePath(QStringLiteral("mnist")).toStdString();
        const std::string workspace = m_dir.filePath(QStringLiteral("read-once")).toStdString();
        mf::TrainConfig config;
        config.dataset = dataset;
        config.model = {{"type", "mlp"}, {"hidden", {16}}};
        config.optimizer.learningRate = 1e-4; // weak: it makes mistakes to show
        config.epochs = 3; // several checkpoints, of which retention keeps two or three
        config.batchSize = 32;
        config.validationFraction = 0.2;
        config.threads = 1;
        mf::SessionOptions options;
        options.workspaceDir = workspace;
        const std::int64_t runId = mf::TrainingSession(config, options).run().runId;
        const std::string checkpoints = mf::Workspace{workspace}.runDir(runId) + "/checkpoints";
        const mf::RunStore store(mf::Workspace{workspace}.databasePath());
        mf::RunDetails run;
        run.run = *store.run(runId);
        run.params = store.params(runId);
        run.artifacts = store.artifacts(runId);
        QVERIFY(run.artifacts.size() >= 2);

        FileOpenings openings;
        QVERIFY(openings.watch(dataset));
        QVERIFY(openings.watch(checkpoints));
        EvaluationView view;
        view.setWorkspaceDir(QString::fromStdString(workspace));
        QVERIFY(evaluate(view, run));
        QCOMPARE(view.state(), EvaluationView::State::Ready);
        QVERIFY(!view.evaluation().fromCache);
        QVERIFY(view.gallery()->entryCount() > 0); // images of mistakes, from the same load
        std::map<std::string, int> opened;
        QVERIFY2(openings.take(&opened), "inotify lost events");

        // Each file of the dataset (its four IDX files, gzipped) once.
        std::map<std::string, int> expected;
        for (const auto &entry : std::filesystem::directory_iterator(dataset))
            expected[dataset + "/" + entry.path().filename().string()] = 1;
        QCOMPARE(expected.size(), std::size_t(4));
        // The chosen checkpoint is read once, to load it; choosing it reads none (the best
        // epoch comes from the stored metrics).
        const std::string chosen =
            std::filesystem::path(view.evaluation().checkpointPath.toStdString())
                .filename()
                .string();
        expected[checkpoints + "/" + chosen] += 1;
        QCOMPARE(countsText(opened), countsText(expected));
    }

    void runsThatDoNotQualifySayWhy_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("checkpoint");
        QTest::addColumn<QString>("title");
        QTest::newRow("running") << int(mf::RunStatus::Running) << true << "Not evaluated yet";
        QTest::newRow("failed") << int(mf::RunStatus::Failed) << true << "Not evaluated yet";
        QTest::newRow("interrupted")
            << int(mf::RunStatus::Interrupted) << true << "Not evaluated yet";
        QTest::newRow("finished without checkpoint")
            << int(mf::RunStatus::Finished) << false << "No checkpoint";
    }

    void runsThatDoNotQualifySayWhy()
    {
        QFETCH(int, status);
        QFETCH(bool, checkpoint);
        QFETCH(QString, title);
        mf::RunDetails run = details(m_withTest);
        run.run.status = mf::RunStatus(status);
        if (!checkpoint)
            run.artifacts.clear();
        EvaluationView view;
        view.setWorkspaceDir(QString::fromStdString(m_workspace));
        view.setRun(run);
        view.setActive(true);
        QCOMPARE(view.state(), EvaluationView::State::NotApplicable);
        QCOMPARE(view.messageTitle(), title);
        QVERIFY(view.messageText().contains(QString::number(m_withTest)));
    }

    void theRunsPageEvaluatesOnTheEvaluationTab()
    {
        mf::RunsPage page;
        page.resize(1280, 760);
        page.setDatabasePath(QString::fromStdString(mf::Workspace{m_workspace}.databasePath()));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.state(), mf::RunsPage::State::Populated);
        QSignalSpy shown(&page, &mf::RunsPage::detailsShown);
        QVERIFY(page.selectRun(m_withTest));
        QVERIFY(shown.wait());
        EvaluationView *view = page.detailsPane()->evaluationView();
        QCOMPARE(view->state(), EvaluationView::State::Waiting);
        QSignalSpy evaluated(view, &EvaluationView::evaluationShown);
        page.detailsPane()->tabs()->setCurrentIndex(mf::RunDetailsPane::EvaluationTab);
        QVERIFY(evaluated.wait(25000));
        QCOMPARE(evaluated.first().at(0).toLongLong(), qint64(m_withTest));
        QCOMPARE(view->confusionView()->total(), qint64(kTestSamples));
        QTemporaryDir shots;
        QApplication::processEvents();
        QVERIFY(page.grab().save(shotPath(shots, QStringLiteral("runs-evaluation.png")), "PNG"));
    }

    void heatmapFitsTenAndScrollsAHundredClasses_data()
    {
        QTest::addColumn<int>("classes");
        QTest::addColumn<bool>("fits");
        QTest::newRow("10") << 10 << true;
        QTest::newRow("100") << 100 << false;
    }

    void heatmapFitsTenAndScrollsAHundredClasses()
    {
        QFETCH(int, classes);
        QFETCH(bool, fits);
        QStringList names;
        QVector<QVector<qint64>> counts(classes, QVector<qint64>(classes, 0));
        for (int t = 0; t < classes; ++t) {
            names.append(QStringLiteral("class %1").arg(t));
            counts[t][t] = 90 + t;
            counts[t][(t + 1) % classes] = 10;
            counts[t][(t + 7) % classes] += t % 3;
        }
        auto *matrix = new mf::ConfusionMatrixView;
        matrix->setMatrix(names, counts);
        QScrollArea scroll;
        scroll.setWidgetResizable(true);
        scroll.setWidget(matrix);
        scroll.resize(480, 520);
        scroll.show();
        QVERIFY(QTest::qWaitForWindowExposed(&scroll));
        QApplication::processEvents();
        QVERIFY(matrix->cellSize() >= mf::ConfusionMatrixView::kMinCellSize);
        const QRect last = matrix->cellRect(classes - 1, classes - 1);
        QCOMPARE(last.right() < scroll.viewport()->width(), fits);
        QCOMPARE(matrix->rowShare(3, 3), double(93) / double(93 + 10 + 0));
        QVERIFY(matrix->cellText(3, 4).contains(QStringLiteral("class 4")));
        QTemporaryDir shots;
        QVERIFY(scroll.grab().save(shotPath(shots, QStringLiteral("heatmap-%1.png").arg(classes)),
                                   "PNG"));
    }

    void everyCountIsLegibleOnItsCell()
    {
        // Full, mid and faint cells: each count must stand out from its own fill.
        const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        const QVector<QVector<qint64>> counts{{100, 0, 0}, {35, 65, 0}, {10, 20, 70}};
        mf::ConfusionMatrixView matrix;
        matrix.setMatrix(names, counts);
        matrix.resize(400, 400);
        const QImage image = matrix.grab().toImage();
        for (int t = 0; t < 3; ++t) {
            for (int p = 0; p < 3; ++p) {
                if (counts[t][p] == 0)
                    continue;
                const QRect cell = matrix.cellRect(t, p).adjusted(2, 2, -2, -2);
                const QColor fill = image.pixelColor(cell.topLeft());
                double strongest = 0.0;
                for (int y = cell.top(); y <= cell.bottom(); ++y)
                    for (int x = cell.left(); x <= cell.right(); ++x)
                        strongest = std::max(strongest, contrast(image.pixelColor(x, y), fill));
                // WCAG AA for text, 4.5:1; white on mid-blue stays below it.
                QVERIFY2(
                    strongest >= 4.5,
                    qPrintable(
                        QStringLiteral("cell %1,%2: contrast %3").arg(t).arg(p).arg(strongest)));
            }
        }
    }

private:
    static double luminance(const QColor &c)
    {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    }
    static double contrast(const QColor &a, const QColor &b)
    {
        const double la = luminance(a), lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    }
};

MF_TEST_MAIN(TestEvaluationView)
#include "tst_evaluationview.moc"
