#include "app/gui/augment/augmentpage.h"
#include "app/gui/augment/drawnparameters.h"
#include "app/gui/augment/pipelinemodel.h"
#include "app/gui/datasets/datasetspage.h"
#include "app/gui/mainwindow.h"
#include "app/gui/runs/runspage.h"
#include "samplestore.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "widgets/metricchart.h"

#include <QAbstractAxis>
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QChart>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTranslator>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

using mf::MainWindow;

namespace {

const QChar kOpen(0x27E6);  // ⟦
const QChar kClose(0x27E7); // ⟧

/// Every string that goes through tr() comes back wrapped in ⟦…⟧: a text on screen without the
/// marks bypassed the translation.
class PseudoTranslator : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char * = nullptr,
                      int = -1) const override
    {
        return kOpen + QString::fromUtf8(sourceText) + kClose;
    }
    bool isEmpty() const override { return false; }
};

/// Words of prose: two or more words of letters. Names the user gave or the engine uses (a run
/// name, "cross_entropy", a path, a number) are single tokens and need no translation.
bool looksLikeProse(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("(?<![\\w/._-])[A-Za-z]{2,}(?![\\w/._-])"));
    int words = 0;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        it.next();
        ++words;
    }
    return words >= 2;
}

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

struct Finding
{
    QString where;
    QString text;
};

class Collector
{
public:
    /// A value the store holds (a run's versions string): data, shown as it is.
    void allow(const QString &data) { m_allowed.insert(data); }

    void check(const QWidget *widget, const QString &what, const QString &raw)
    {
        const QString text = plain(raw).trimmed();
        if (text.isEmpty() || text.contains(kOpen) || !looksLikeProse(text) ||
            m_allowed.contains(text))
            return;
        const QString where = QStringLiteral("%1 %2 (%3)")
                                  .arg(QString::fromLatin1(widget->metaObject()->className()),
                                       widget->objectName(), what);
        if (m_seen.contains(where + text))
            return;
        m_seen.insert(where + text);
        m_findings.append({where, text});
    }

    void scan(QWidget *root)
    {
        for (QWidget *widget : root->findChildren<QWidget *>()) {
            if (!widget->isVisible())
                continue;
            check(widget, QStringLiteral("tooltip"), widget->toolTip());
            if (auto *label = qobject_cast<QLabel *>(widget))
                check(widget, QStringLiteral("text"), label->text());
            if (auto *button = qobject_cast<QAbstractButton *>(widget))
                check(widget, QStringLiteral("text"), button->text());
            if (auto *group = qobject_cast<QGroupBox *>(widget))
                check(widget, QStringLiteral("title"), group->title());
            if (auto *combo = qobject_cast<QComboBox *>(widget))
                for (int i = 0; i < combo->count(); ++i)
                    check(widget, QStringLiteral("item"), combo->itemText(i));
            if (auto *tabs = qobject_cast<QTabBar *>(widget))
                for (int i = 0; i < tabs->count(); ++i)
                    check(widget, QStringLiteral("tab"), tabs->tabText(i));
            if (auto *header = qobject_cast<QHeaderView *>(widget); header && header->model())
                for (int i = 0; i < header->count(); ++i)
                    check(widget, QStringLiteral("header"),
                          header->model()->headerData(i, header->orientation()).toString());
            if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model()) {
                const QAbstractItemModel *model = view->model();
                const QModelIndex root = view->rootIndex();
                for (int row = 0; row < qMin(model->rowCount(root), 100); ++row)
                    for (int column = 0; column < model->columnCount(root); ++column) {
                        const QModelIndex index = model->index(row, column, root);
                        check(widget, QStringLiteral("item"), index.data().toString());
                        check(widget, QStringLiteral("item tooltip"),
                              index.data(Qt::ToolTipRole).toString());
                    }
            }
            if (auto *chart = qobject_cast<mf::MetricChart *>(widget)) {
                check(widget, QStringLiteral("chart title"), chart->chart()->title());
                for (QAbstractAxis *axis : chart->chart()->axes())
                    check(widget, QStringLiteral("axis title"), axis->titleText());
            }
        }
    }

    void scanMenus(QMenuBar *bar)
    {
        for (QAction *menu : bar->actions()) {
            check(bar, QStringLiteral("menu"), menu->text());
            if (menu->menu())
                for (QAction *action : menu->menu()->actions()) {
                    check(bar, QStringLiteral("action"), action->text());
                    check(bar, QStringLiteral("status tip"), action->statusTip());
                }
        }
    }

    QString report() const
    {
        QStringList lines;
        for (const Finding &f : m_findings)
            lines.append(QStringLiteral("%1: \"%2\"").arg(f.where, f.text));
        return lines.join(QLatin1Char('\n'));
    }
    bool empty() const { return m_findings.isEmpty(); }

private:
    QList<Finding> m_findings;
    QSet<QString> m_seen;
    QSet<QString> m_allowed;
};

} // namespace

class TestTranslationCoverage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::installTranslator(&m_pseudo);
    }

    void cleanupTestCase() { QCoreApplication::removeTranslator(&m_pseudo); }

    void theMarkerShowsWhatWentThroughTr()
    {
        QCOMPARE(QCoreApplication::translate("mf::Any", "Start"),
                 QString(kOpen + QStringLiteral("Start") + kClose));
        QVERIFY(looksLikeProse(QStringLiteral("left 3, top 0")));
        QVERIFY(looksLikeProse(QStringLiteral("No run yet")));
        QVERIFY(!looksLikeProse(QStringLiteral("cnn-small")));
        QVERIFY(!looksLikeProse(QStringLiteral("/usr/share/datasets/fashion-mnist")));
        QVERIFY(!looksLikeProse(QStringLiteral("cross_entropy")));
    }

    void drawnParametersAreTranslated()
    {
        // What an EDA step and a crop drew, as the preview lists it.
        const std::vector<nlohmann::json> applied{
            {{"op", "random_swap"}, {"n", 2}, {"swaps", {{1, 4}}}},
            {{"op", "random_crop"}, {"top", 3}, {"left", 0}},
        };
        const QStringList lines =
            mf::DrawnParameters::lines(applied, [](const QString &op) { return op; });
        QCOMPARE(lines.size(), 2);
        for (const char *key : {"n", "swaps", "top", "left"})
            QVERIFY2(lines.join(QLatin1Char('\n')).contains(kOpen + QLatin1String(key) + kClose),
                     key);
    }

    void everyPageShowsOnlyTranslatedText()
    {
        QTemporaryDir workspace;
        Collector collector;
        {
            mf::RunStore store(
                QFile::encodeName(MainWindow::databasePathFor(workspace.path())).toStdString());
            mf::sample::fill(store, QCoreApplication::applicationPid());
            for (const mf::RunRecord &run : store.listRuns())
                collector.allow(QString::fromStdString(run.versions));
        }
        QTemporaryDir data;
        const std::string mnist = data.filePath(QStringLiteral("digits")).toStdString();
        mf::testdata::writeMnistLayout(mnist, mf::testdata::makeImageSet(40, 4, 1, 12, 12, 3),
                                       mf::testdata::makeImageSet(12, 4, 1, 12, 12, 4));

        MainWindow window(workspace.path());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.runsPage()->state(), mf::RunsPage::State::Populated,
                                  10000);
        QSignalSpy analysed(window.datasetsPage(), &mf::DatasetsPage::datasetAnalysed);
        window.datasetsPage()->openDataset(QString::fromStdString(mnist), false);
        QVERIFY(analysed.wait(20000));

        // The Augment section previews a pipeline on it, with the parameters each tile drew.
        mf::AugmentPage *augment = window.augmentPage();
        augment->openDataset(QString::fromStdString(mnist));
        QTRY_VERIFY_WITH_TIMEOUT(
            !augment->isBusy() && augment->datasetPath() == QString::fromStdString(mnist), 20000);
        augment->pipelineModel()->addOperation(QStringLiteral("random_crop"));
        augment->pipelineModel()->addOperation(QStringLiteral("random_rotation"));

        collector.scanMenus(window.menuBar());
        for (int section = 0; section < MainWindow::SectionCount; ++section) {
            if (!window.showSection(section))
                continue;
            QTest::qWait(100);
            QTRY_VERIFY_WITH_TIMEOUT(!augment->isBusy(), 20000);
            collector.scan(&window);
        }
        // A run selected, and two compared.
        QVERIFY(window.showSection(MainWindow::RunsSection));
        QVERIFY(window.runsPage()->selectRun(1));
        QTest::qWait(300);
        collector.scan(&window);
        QSignalSpy compared(window.runsPage(), &mf::RunsPage::comparisonShown);
        QVERIFY(window.runsPage()->selectRuns({1, 2}));
        QVERIFY(compared.wait(10000));
        collector.scan(&window);
        QVERIFY2(collector.empty(), qPrintable(QStringLiteral("\n") + collector.report()));
    }

private:
    PseudoTranslator m_pseudo;
};

MF_TEST_MAIN(TestTranslationCoverage)
#include "tst_translationcoverage.moc"
