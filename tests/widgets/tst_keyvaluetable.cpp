#include "widgets/keyvaluetable.h"

#include "tests/support/testsuite.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QtTest/QtTest>

using mf::KeyValueTable;

class TestKeyValueTable : public QObject
{
    Q_OBJECT
private:
    static QList<KeyValueTable::Entry> sample()
    {
        return {{QStringLiteral("optimizer"), QStringLiteral("adam")},
                {QStringLiteral("lr"), QStringLiteral("0.001")},
                {QStringLiteral("epochs"), QStringLiteral("12")}};
    }

private Q_SLOTS:
    void entriesRoundTrip_data()
    {
        QTest::addColumn<QList<KeyValueTable::Entry>>("entries");
        QTest::newRow("none") << QList<KeyValueTable::Entry>();
        QTest::newRow("one") << QList<KeyValueTable::Entry>{{QStringLiteral("k"), QString()}};
        QTest::newRow("three") << sample();
        QTest::newRow("duplicate keys") << QList<KeyValueTable::Entry>{
            {QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("a"), QStringLiteral("2")}};
    }

    void entriesRoundTrip()
    {
        QFETCH(QList<KeyValueTable::Entry>, entries);
        KeyValueTable table;
        table.setEntries(entries);
        QCOMPARE(table.rowCount(), entries.size());
        QCOMPARE(table.columnCount(), 2);
        QCOMPARE(table.entries(), entries);
        for (int row = 0; row < entries.size(); ++row) {
            QCOMPARE(table.item(row, 0)->text(), entries[row].first);
            QCOMPARE(table.item(row, 1)->text(), entries[row].second);
        }
    }

    void replacingEntriesDropsOldRows()
    {
        KeyValueTable table;
        table.setEntries(sample());
        table.setEntries({{QStringLiteral("only"), QStringLiteral("one")}});
        QCOMPARE(table.rowCount(), 1);
        QCOMPARE(table.value(QStringLiteral("only")), QStringLiteral("one"));
        QVERIFY(table.value(QStringLiteral("lr")).isNull());
    }

    void valueLooksUpTheFirstMatchingKey()
    {
        KeyValueTable table;
        table.setEntries(sample());
        QCOMPARE(table.value(QStringLiteral("lr")), QStringLiteral("0.001"));
        QCOMPARE(table.value(QStringLiteral("epochs")), QStringLiteral("12"));
        QVERIFY(table.value(QStringLiteral("missing")).isNull());
    }

    void cellsAreReadOnly()
    {
        KeyValueTable table;
        table.setEntries(sample());
        QCOMPARE(table.editTriggers(), QAbstractItemView::NoEditTriggers);
        for (int row = 0; row < table.rowCount(); ++row) {
            for (int column = 0; column < 2; ++column)
                QVERIFY(!table.item(row, column)->flags().testFlag(Qt::ItemIsEditable));
        }
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        const QRect cell = table.visualRect(table.model()->index(1, 1));
        QTest::mouseDClick(table.viewport(), Qt::LeftButton, {}, cell.center());
        QVERIFY(table.findChildren<QLineEdit *>().isEmpty());
        QCOMPARE(table.item(1, 1)->text(), QStringLiteral("0.001"));
    }

    void headerLabelsAreSet()
    {
        KeyValueTable table;
        table.setHeaderLabels(QStringLiteral("Parameter"), QStringLiteral("Value"));
        QCOMPARE(table.horizontalHeaderItem(0)->text(), QStringLiteral("Parameter"));
        QCOMPARE(table.horizontalHeaderItem(1)->text(), QStringLiteral("Value"));
    }

    void sizeHintGrowsWithRows()
    {
        KeyValueTable table;
        table.setEmptyText(QStringLiteral("Nothing here"));
        const int empty = table.sizeHint().height();
        QVERIFY(empty > 0);
        table.setEntries(sample());
        const int three = table.sizeHint().height();
        QList<KeyValueTable::Entry> many = sample();
        for (int i = 0; i < 10; ++i)
            many.append({QStringLiteral("key%1").arg(i), QString::number(i)});
        table.setEntries(many);
        const int thirteen = table.sizeHint().height();
        QVERIFY2(thirteen > three, qPrintable(QStringLiteral("%1 <= %2").arg(thirteen).arg(three)));
        QVERIFY(thirteen - three >= 10 * table.fontMetrics().height());
        QCOMPARE(table.minimumSizeHint().height(), thirteen);
    }

    void emptyTextIsKept()
    {
        KeyValueTable table;
        QVERIFY(table.emptyText().isEmpty());
        table.setEmptyText(QStringLiteral("No parameters recorded."));
        QCOMPARE(table.emptyText(), QStringLiteral("No parameters recorded."));
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        // The text is painted into an otherwise empty viewport.
        const QImage withText = table.viewport()->grab().toImage();
        table.setEmptyText(QString());
        const QImage without = table.viewport()->grab().toImage();
        QVERIFY(withText != without);
    }

    void copyPutsSelectedRowsOnTheClipboard()
    {
        KeyValueTable table;
        table.setEntries(sample());
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        QCOMPARE(table.selectedText(), QStringLiteral("optimizer\tadam\nlr\t0.001\nepochs\t12"));
        table.selectRow(2);
        table.selectionModel()->select(table.model()->index(0, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(table.selectedText(), QStringLiteral("optimizer\tadam\nepochs\t12"));
        QApplication::clipboard()->clear();
        QTest::keySequence(&table, QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("optimizer\tadam\nepochs\t12"));
    }
};

MF_TEST_MAIN(TestKeyValueTable)
#include "tst_keyvaluetable.moc"
