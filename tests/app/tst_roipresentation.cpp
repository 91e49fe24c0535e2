#include "app/gui/roi/roipresentation.h"
#include "core/roi/montecarlo.h"
#include "core/roi/scenariotemplates.h"
#include "tests/support/shotpath.h"
#include "tests/support/testsuite.h"

#include <QDir>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using mf::RoiPresentation;

using mf::test::shotDir;
using mf::test::shotPath;

class TestRoiPresentation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void keysMoveBetweenSlides()
    {
        const mf::roi::Scenario scenario = mf::roi::creditRiskTemplate();
        mf::roi::MonteCarloOptions options;
        options.trials = 2000;
        RoiPresentation presentation(scenario, mf::roi::runMonteCarlo(scenario, options));
        presentation.resize(1280, 720);
        presentation.show();
        QVERIFY(QTest::qWaitForWindowExposed(&presentation));
        // The title and key figures, then cash flow, costs, revenue, tornado and Monte Carlo.
        QCOMPARE(presentation.slideCount(), 6);
        QCOMPARE(presentation.currentSlide(), 0);
        QSignalSpy changed(&presentation, &RoiPresentation::currentSlideChanged);

        const auto press = [&presentation](Qt::Key key, int expected) {
            QTest::keyClick(&presentation, key);
            return presentation.currentSlide() == expected;
        };
        QVERIFY(press(Qt::Key_Right, 1));
        QVERIFY(press(Qt::Key_Space, 2));
        QVERIFY(press(Qt::Key_PageDown, 3));
        QVERIFY(press(Qt::Key_Left, 2));
        QVERIFY(press(Qt::Key_PageUp, 1));
        QVERIFY(press(Qt::Key_Home, 0));
        QVERIFY(press(Qt::Key_Left, 0)); // no slide before the first
        QVERIFY(press(Qt::Key_End, 5));
        QVERIFY(press(Qt::Key_Right, 5)); // nor after the last
        QCOMPARE(changed.count(), 7);
        QCOMPARE(changed.last().first().toInt(), 5);

        const QList<QLabel *> labels = presentation.findChildren<QLabel *>();
        const bool counter = std::any_of(labels.begin(), labels.end(), [](QLabel *label) {
            return label->text() == QStringLiteral("6 / 6");
        });
        QVERIFY(counter);

        for (int i = 0; i < presentation.slideCount(); ++i) {
            presentation.setCurrentSlide(i);
            QVERIFY(!presentation.slideTitle(i).isEmpty());
            QVERIFY(presentation.grab().save(
                shotPath(m_dir, QStringLiteral("roi-slide-%1.png").arg(i)), "PNG"));
        }

        QTest::keyClick(&presentation, Qt::Key_Escape);
        QVERIFY(!presentation.isVisible());
    }

    void startShowsTheFirstSlideFullScreen()
    {
        RoiPresentation presentation(mf::roi::tutoringTemplate());
        // No Monte Carlo: the title and four charts.
        QCOMPARE(presentation.slideCount(), 5);
        presentation.setCurrentSlide(3);
        presentation.start();
        QVERIFY(QTest::qWaitForWindowExposed(&presentation));
        QVERIFY(presentation.isFullScreen());
        QCOMPARE(presentation.currentSlide(), 0);
        QTest::keyClick(&presentation, Qt::Key_Right);
        QCOMPARE(presentation.currentSlide(), 1);
        presentation.close();
    }

    void aScenarioThatCannotBeProjectedShowsWhy()
    {
        mf::roi::Scenario scenario = mf::roi::creditRiskTemplate();
        scenario.inputs["general.horizonMonths"] = mf::roi::certainInput(0);
        RoiPresentation presentation(scenario);
        QCOMPARE(presentation.slideCount(), 1);
        const QList<QLabel *> labels = presentation.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *label) {
            return label->text().contains(QStringLiteral("general.horizonMonths"));
        }));
    }
};

MF_TEST_MAIN(TestRoiPresentation)
#include "tst_roipresentation.moc"
