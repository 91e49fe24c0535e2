// The Runs section's box for typed text: a text run's details offer it, a typed sentence gets
// the class probabilities of the run's model as bars (computed off the GUI thread), and only
// the newest sentence's answer is shown.
#include "app/gui/languagesetup.h"
#include "app/gui/runs/probabilitybars.h"
#include "app/gui/runs/rundetailspane.h"
#include "app/gui/runs/runspage.h"
#include "app/gui/runs/textpredictionview.h"
#include "app/gui/store/rundetails.h"
#include "core/deploy/deployedmodel.h"
#include "core/deploy/modelbundle.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "tests/support/textrunfixture.h"
#include "tests/support/shotpath.h"
#include "tests/support/testsuite.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using mf::RunDetailsPane;
using mf::TextPredictionView;
using mf::test::shotPath;

class TestTextPredictionView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::string m_workspace;
    std::int64_t m_run = 0;

    mf::RunDetails details(std::int64_t runId) const
    {
        const mf::RunStore store(mf::Workspace{m_workspace}.databasePath());
        mf::RunDetails details;
        details.run = *store.run(runId);
        details.params = store.params(runId);
        details.artifacts = store.artifacts(runId);
        return details;
    }

    /// The probabilities `modelforge-cli predict RUN --text` prints for `text`.
    std::vector<double> modelProbabilities(const std::string &text) const
    {
        mf::SessionOptions options;
        options.workspaceDir = m_workspace;
        const mf::DeployedModel model =
            mf::DeployedModel::fromBytes(mf::ModelBundle::exportRun(m_run, options), "run");
        const torch::Tensor p = model.textProbabilities({text})[0].to(torch::kFloat64).contiguous();
        return std::vector<double>(p.data_ptr<double>(), p.data_ptr<double>() + p.numel());
    }

    /// A details pane on the text run, its prediction tab shown.
    std::unique_ptr<RunDetailsPane> paneOnTheRun() const
    {
        auto pane = std::make_unique<RunDetailsPane>();
        pane->resize(760, 520);
        pane->setWorkspaceDir(QString::fromStdString(m_workspace));
        pane->showDetails(details(m_run));
        pane->tabs()->setCurrentIndex(RunDetailsPane::PredictionTab);
        return pane;
    }

    static bool typeAndPredict(TextPredictionView *view, const QString &text)
    {
        QSignalSpy shown(view, &TextPredictionView::predictionShown);
        view->input()->clear();
        QTest::keyClicks(view->input(), text);
        QTest::keyClick(view->input(), Qt::Key_Return);
        return shown.wait(30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(QStringLiteral("workspace")).toStdString();
        const std::string csv = m_dir.filePath(QStringLiteral("reviews.csv")).toStdString();
        mf::textrunfixture::writeReviewsCsv(csv, 200, 1);
        m_run = mf::textrunfixture::trainTextRun(csv, "bag", m_workspace);
    }

    void aTypedSentenceShowsTheBarsOfTheModel()
    {
        const std::unique_ptr<RunDetailsPane> pane = paneOnTheRun();
        pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
        QVERIFY(pane->tabs()->isTabVisible(RunDetailsPane::PredictionTab));
        TextPredictionView *view = pane->predictionView();
        QCOMPARE(view->state(), TextPredictionView::State::Ready);
        QVERIFY(!view->predictButton()->isEnabled());

        const QString sentence = QStringLiteral("The ending was good, the music too");
        QVERIFY(typeAndPredict(view, sentence));
        QCOMPARE(view->state(), TextPredictionView::State::Shown);
        const std::vector<double> expected = modelProbabilities(sentence.toStdString());
        const mf::TextPrediction &shown = view->prediction();
        QCOMPARE(shown.text, sentence);
        QCOMPARE(shown.classNames, (QStringList{QStringLiteral("neg"), QStringLiteral("pos")}));
        QCOMPARE(shown.probabilities.size(), 2);
        for (int c = 0; c < 2; ++c)
            QCOMPARE(shown.probabilities[c], expected[std::size_t(c)]);
        QCOMPARE(view->bars()->shownClasses(),
                 (QStringList{QStringLiteral("pos"), QStringLiteral("neg")}));
        QVERIFY(view->statusText().contains(QStringLiteral("pos")));
        QApplication::processEvents();
        QVERIFY(pane->grab().save(shotPath(m_dir, QStringLiteral("text-prediction.png")), "PNG"));

        // The model is cached: the next sentence needs no loading.
        QVERIFY(typeAndPredict(view, QStringLiteral("a bad plot")));
        QVERIFY(!view->prediction().modelLoaded);
        QCOMPARE(view->bars()->shownClasses().first(), QStringLiteral("neg"));
    }

    void barsSortTheClassesAndFitLongNames()
    {
        mf::ProbabilityBars bars;
        bars.resize(420, 10);
        const QStringList names = {QStringLiteral("computers"),
                                   QStringLiteral("a class name far too long to be shown whole"),
                                   QStringLiteral("art"),
                                   QStringLiteral("science"),
                                   QStringLiteral("linux"),
                                   QStringLiteral("platitudes"),
                                   QStringLiteral("wisdom"),
                                   QStringLiteral("people")};
        bars.setProbabilities(names, {0.05, 0.4, 0.0, 0.3, 0.1, 0.05, 0.1, 0.0});
        QCOMPARE(bars.shownClasses().mid(0, 3), (QStringList{names[1], names[3], names[4]}));
        QCOMPARE(bars.shownProbabilities().first(), 0.4);
        bars.resize(420, bars.sizeHint().height());
        const QImage image = bars.grab().toImage();
        QVERIFY(image.save(shotPath(m_dir, QStringLiteral("probability-bars.png")), "PNG"));
        QVERIFY(image.height() >= 8 * bars.fontMetrics().height());
        bars.clear();
        QVERIFY(bars.shownClasses().isEmpty());
    }

    void onlyTheNewestSentenceIsShown()
    {
        const std::unique_ptr<RunDetailsPane> pane = paneOnTheRun();
        TextPredictionView *view = pane->predictionView();
        QSignalSpy shown(view, &TextPredictionView::predictionShown);
        // The first sentence waits for the model to load; the later ones replace each other.
        for (const char *text : {"good good good", "the plot", "bad story", "quite bad"}) {
            view->input()->setText(QString::fromLatin1(text));
            view->predict();
        }
        QCOMPARE(view->state(), TextPredictionView::State::Busy);
        QVERIFY(shown.wait(30000));
        QTest::qWait(300); // any older answer still on its way would arrive by now
        QCOMPARE(shown.count(), 1);
        QCOMPARE(view->prediction().text, QStringLiteral("quite bad"));
        QCOMPARE(view->bars()->shownClasses().first(), QStringLiteral("neg"));

        // Another run selected meanwhile: the answer for this one is dropped.
        view->input()->setText(QStringLiteral("good"));
        view->predict();
        view->clear();
        QTest::qWait(500);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(view->state(), TextPredictionView::State::NoRun);
        QVERIFY(view->bars()->shownClasses().isEmpty());
    }

    void onlyTextClassifiersOfferTheBox()
    {
        RunDetailsPane pane;
        pane.setWorkspaceDir(QString::fromStdString(m_workspace));
        mf::RunDetails image = details(m_run);
        image.run.model = "cnn";
        pane.showDetails(image);
        QVERIFY(!pane.tabs()->isTabVisible(RunDetailsPane::PredictionTab));

        mf::RunDetails pretraining = details(m_run);
        auto config = nlohmann::json::parse(pretraining.run.configJson);
        config["objective"] = "masked_tokens";
        pretraining.run.configJson = config.dump();
        QVERIFY(!TextPredictionView::offersPrediction(pretraining));

        mf::RunDetails running = details(m_run);
        running.run.status = mf::RunStatus::Running;
        pane.showDetails(running);
        QVERIFY(pane.tabs()->isTabVisible(RunDetailsPane::PredictionTab));
        TextPredictionView *view = pane.predictionView();
        QCOMPARE(view->state(), TextPredictionView::State::NotApplicable);
        QCOMPARE(view->messageTitle(), QStringLiteral("No model yet"));

        mf::RunDetails noCheckpoint = details(m_run);
        noCheckpoint.artifacts.clear();
        pane.showDetails(noCheckpoint);
        QCOMPARE(view->state(), TextPredictionView::State::NotApplicable);
        QCOMPARE(view->messageTitle(), QStringLiteral("No checkpoint"));

        pane.showDetails(details(m_run));
        QCOMPARE(view->state(), TextPredictionView::State::Ready);
        pane.showHint();
        QCOMPARE(view->state(), TextPredictionView::State::NoRun);
    }

    void aModelThatCannotBeLoadedIsAnError()
    {
        mf::RunDetails gone = details(m_run);
        gone.run.id = 999;
        TextPredictionView view;
        view.setWorkspaceDir(QString::fromStdString(m_workspace));
        view.setRun(gone);
        QCOMPARE(view.state(), TextPredictionView::State::Ready);
        view.input()->setText(QStringLiteral("good"));
        QSignalSpy changed(&view, &TextPredictionView::stateChanged);
        view.predict();
        QTRY_COMPARE_WITH_TIMEOUT(view.state(), TextPredictionView::State::Error, 30000);
        QVERIFY2(view.statusText().contains(QStringLiteral("999")), qPrintable(view.statusText()));
        QVERIFY(view.bars()->shownClasses().isEmpty());
    }

    // Last: the translators stay installed.
    void chineseLayout()
    {
        QVERIFY(mf::LanguageSetup::apply(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
        const std::unique_ptr<RunDetailsPane> pane = paneOnTheRun();
        pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
        QVERIFY(typeAndPredict(pane->predictionView(), QStringLiteral("the movie was good")));
        QCOMPARE(pane->tabs()->tabText(RunDetailsPane::PredictionTab), QString::fromUtf8("预测"));
        QApplication::processEvents();
        QVERIFY(
            pane->grab().save(shotPath(m_dir, QStringLiteral("text-prediction-zh.png")), "PNG"));
    }
};

MF_TEST_MAIN(TestTextPredictionView)
#include "tst_textpredictionview.moc"
