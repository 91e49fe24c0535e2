#include "tests/support/testsuite.h"
#include "widgets/noticelabel.h"

#include <QPushButton>
#include <QVBoxLayout>
#include <QtTest/QtTest>

class TestNoticeLabel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aNoticeComingOrGoingMovesNothing()
    {
        QWidget page;
        auto *layout = new QVBoxLayout(&page);
        auto *notice = new mf::NoticeLabel;
        auto *below = new QPushButton(QStringLiteral("Export…"));
        layout->addWidget(new QLabel(QStringLiteral("A table")), 1);
        layout->addWidget(notice);
        layout->addWidget(below);
        page.resize(400, 300);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QRect before = below->geometry();
        QVERIFY(notice->notice().isEmpty());

        notice->showNotice(QStringLiteral("Exported 2 runs to /tmp/runs.csv."), false);
        QTest::qWait(20);
        QCOMPARE(below->geometry(), before);
        QCOMPARE(notice->notice(), QStringLiteral("Exported 2 runs to /tmp/runs.csv."));
        QVERIFY(!notice->isError());

        notice->showNotice(QStringLiteral("Cannot write /tmp/runs.csv."), true);
        QVERIFY(notice->isError());
        notice->clearNotice();
        QTest::qWait(20);
        QCOMPARE(below->geometry(), before);
        QVERIFY(notice->notice().isEmpty());
        QVERIFY(!notice->isError());
    }
};

MF_TEST_MAIN(TestNoticeLabel)
#include "tst_noticelabel.moc"
