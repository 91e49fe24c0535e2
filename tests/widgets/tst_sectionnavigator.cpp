#include "widgets/sectionnavigator.h"

#include "tests/support/testsuite.h"

#include <QSignalSpy>
#include <QStyle>
#include <QtTest/QtTest>

using mf::SectionNavigator;

class TestSectionNavigator : public QObject
{
    Q_OBJECT
private:
    // Sections 0 and 2 enabled, 1 and 3 disabled.
    static void fill(SectionNavigator &navigator)
    {
        const QIcon icon = navigator.style()->standardIcon(QStyle::SP_DirIcon);
        QCOMPARE(navigator.addSection(icon, QStringLiteral("Alpha"), QStringLiteral("Alpha tip")),
                 0);
        QCOMPARE(
            navigator.addSection(icon, QStringLiteral("Beta"), QStringLiteral("Beta later"), false),
            1);
        QCOMPARE(navigator.addSection(icon, QStringLiteral("Gamma"), QStringLiteral("Gamma tip")),
                 2);
        QCOMPARE(navigator.addSection(icon, QStringLiteral("Delta"), QStringLiteral("Delta later"),
                                      false),
                 3);
    }

    static void clickSection(SectionNavigator &navigator, int index)
    {
        const QRect rect = navigator.visualItemRect(navigator.item(index));
        QVERIFY(rect.isValid());
        QTest::mouseClick(navigator.viewport(), Qt::LeftButton, {}, rect.center());
    }

private Q_SLOTS:
    void sectionsKeepTitlesTooltipsAndFlags_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("toolTip");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("alpha") << 0 << "Alpha"
                               << "Alpha tip" << true;
        QTest::newRow("beta") << 1 << "Beta"
                              << "Beta later" << false;
        QTest::newRow("gamma") << 2 << "Gamma"
                               << "Gamma tip" << true;
        QTest::newRow("delta") << 3 << "Delta"
                               << "Delta later" << false;
    }

    void sectionsKeepTitlesTooltipsAndFlags()
    {
        QFETCH(int, index);
        QFETCH(QString, title);
        QFETCH(QString, toolTip);
        QFETCH(bool, enabled);
        SectionNavigator navigator;
        fill(navigator);
        QCOMPARE(navigator.sectionCount(), 4);
        QCOMPARE(navigator.sectionTitle(index), title);
        QCOMPARE(navigator.sectionToolTip(index), toolTip);
        QCOMPARE(navigator.isSectionEnabled(index), enabled);
        QCOMPARE(navigator.item(index)->flags().testFlag(Qt::ItemIsSelectable), enabled);
        QCOMPARE(navigator.item(index)->data(Qt::ToolTipRole).toString(), toolTip);
    }

    void unknownIndexIsNeitherEnabledNorTitled()
    {
        SectionNavigator navigator;
        fill(navigator);
        QVERIFY(!navigator.isSectionEnabled(-1));
        QVERIFY(!navigator.isSectionEnabled(4));
        QVERIFY(navigator.sectionTitle(7).isNull());
        QCOMPARE(navigator.currentSection(), -1);
    }

    void setCurrentSectionEmitsOnlyForEnabled()
    {
        SectionNavigator navigator;
        fill(navigator);
        QSignalSpy spy(&navigator, &SectionNavigator::sectionChosen);
        QVERIFY(navigator.setCurrentSection(2));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 2);
        QCOMPARE(navigator.currentSection(), 2);

        QVERIFY(!navigator.setCurrentSection(1));
        QVERIFY(!navigator.setCurrentSection(9));
        QCOMPARE(spy.count(), 0);
        QCOMPARE(navigator.currentSection(), 2);
    }

    void clickingChoosesEnabledSectionsOnly()
    {
        SectionNavigator navigator;
        fill(navigator);
        navigator.resize(navigator.sizeHint().width(), 400);
        navigator.show();
        QVERIFY(QTest::qWaitForWindowExposed(&navigator));
        QSignalSpy spy(&navigator, &SectionNavigator::sectionChosen);

        clickSection(navigator, 2);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 2);

        clickSection(navigator, 3);
        clickSection(navigator, 1);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(navigator.currentSection(), 2);

        clickSection(navigator, 0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 0);
    }

    void keyboardSkipsDisabledSections()
    {
        SectionNavigator navigator;
        fill(navigator);
        navigator.show();
        QVERIFY(QTest::qWaitForWindowExposed(&navigator));
        navigator.setFocus();
        QVERIFY(navigator.setCurrentSection(0));
        QSignalSpy spy(&navigator, &SectionNavigator::sectionChosen);
        QTest::keyClick(&navigator, Qt::Key_Down);
        QCOMPARE(navigator.currentSection(), 2);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 2);
    }

    void disablingTheCurrentSectionClearsTheChoice()
    {
        SectionNavigator navigator;
        fill(navigator);
        QVERIFY(navigator.setCurrentSection(2));
        QSignalSpy spy(&navigator, &SectionNavigator::sectionChosen);
        navigator.setSectionEnabled(2, false);
        QCOMPARE(navigator.currentSection(), -1);
        QCOMPARE(spy.count(), 0);
        navigator.setSectionEnabled(1, true);
        QVERIFY(navigator.setCurrentSection(1));
        QCOMPARE(spy.count(), 1);
    }

    void sizeHintFitsTheLongestTitle()
    {
        SectionNavigator navigator;
        fill(navigator);
        const int before = navigator.sizeHint().width();
        const QString longTitle(60, QLatin1Char('W'));
        navigator.addSection(QIcon(), longTitle, QString());
        QVERIFY(navigator.sizeHint().width() > before);
        QVERIFY(navigator.sizeHint().width() >=
                navigator.fontMetrics().horizontalAdvance(longTitle) +
                    navigator.iconSize().width());
    }
};

MF_TEST_MAIN(TestSectionNavigator)
#include "tst_sectionnavigator.moc"
