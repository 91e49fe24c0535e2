#include "app/gui/compress/compresscontroller.h"
#include "app/gui/compress/compresspage.h"
#include "app/gui/compress/compressreportpage.h"
#include "app/gui/compress/compressrunpage.h"
#include "app/gui/compress/compresssourcepage.h"
#include "app/gui/compress/compresstechniquespage.h"
#include "app/gui/compress/paretochart.h"
#include "app/gui/runs/modelfilesaver.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/train/trainingsession.h"
#include "tests/support/shotpath.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "widgets/messagepanel.h"
#include "widgets/metricdashboard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QWizard>
#include <QtTest/QtTest>

using mf::CompressPage;

using mf::test::shotDir;
using mf::test::shotPath;

class TestCompressPage : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_workspace;
    qint64 m_source = 0;

    void save(QWidget *widget, const QString &name)
    {
        QApplication::processEvents();
        QVERIFY(widget->grab().save(shotPath(m_dir, name), "PNG"));
    }

    static void chooseSource(CompressPage &page, qint64 runId)
    {
        QVERIFY(page.sourcePage()->selectRun(runId));
        QVERIFY(page.sourcePage()->isComplete());
        page.wizard()->next();
        QCOMPARE(page.wizard()->currentId(), int(CompressPage::TechniquesPageId));
    }

    std::map<std::string, std::string> paramsOf(std::int64_t runId) const
    {
        const mf::RunStore store(mf::Workspace{m_workspace.toStdString()}.databasePath());
        return store.params(runId);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(QStringLiteral("workspace"));
        const std::string root = m_dir.path().toStdString();
        mf::testdata::writeMnistLayout(root + "/mnist",
                                       mf::testdata::makeImageSet(400, 4, 1, 8, 8, 1),
                                       mf::testdata::makeImageSet(200, 4, 1, 8, 8, 2));
        mf::TrainConfig config;
        config.dataset = root + "/mnist";
        config.model = {{"type", "mlp"}, {"hidden", {32, 16}}};
        config.epochs = 1;
        config.batchSize = 32;
        config.validationFraction = 0.2;
        config.threads = 1;
        mf::SessionOptions options;
        options.workspaceDir = m_workspace.toStdString();
        options.runName = "tiny";
        m_source = mf::TrainingSession(config, options).run().runId;
        QVERIFY(m_source > 0);
    }

    void noRunShowsEmptyState()
    {
        QTemporaryDir empty;
        CompressPage page(empty.path());
        page.resize(1000, 700);
        page.show();
        QVERIFY(page.sourcePage()->emptyPanel()->isVisible());
        QVERIFY(page.sourcePage()->emptyPanel()->text().startsWith(QStringLiteral("Train a run")));
        QVERIFY(!page.sourcePage()->isComplete());
        QVERIFY(!page.wizard()->button(QWizard::NextButton)->isEnabled());
        save(&page, QStringLiteral("compress-no-run.png"));
    }

    void noTechniqueBlocksNext()
    {
        CompressPage page(m_workspace);
        page.resize(1000, 700);
        page.show();
        QCOMPARE(page.sourcePage()->runList()->topLevelItemCount(), 1);
        chooseSource(page, m_source);
        QVERIFY(!page.techniquesPage()->isComplete());
        QVERIFY(!page.wizard()->button(QWizard::CommitButton)->isEnabled());
        QVERIFY(!page.techniquesPage()->hintLabel()->text().isEmpty());
        page.techniquesPage()->sparsityBox()->setChecked(true);
        QVERIFY(page.techniquesPage()->isComplete());
        // The suggested student arrives from the worker and fills the spec.
        QTRY_VERIFY_WITH_TIMEOUT(!page.techniquesPage()->studentEdit()->text().isEmpty(), 20000);
        page.techniquesPage()->distillBox()->setChecked(true);
        QVERIFY(page.techniquesPage()->isComplete());
        // Defaults: T 2, alpha 0.5, no control run unless asked.
        mf::CompressSettings settings = page.techniquesPage()->settings();
        QCOMPARE(settings.temperature, 2.0);
        QCOMPARE(settings.alpha, 0.5);
        QVERIFY(!settings.distillControl);
        page.techniquesPage()->distillControlBox()->setChecked(true);
        QVERIFY(page.techniquesPage()->settings().distillControl);
        page.techniquesPage()->findChild<QScrollArea *>()->ensureWidgetVisible(
            page.techniquesPage()->distillControlBox());
        save(&page, QStringLiteral("compress-techniques-distil.png"));
        page.techniquesPage()->distillBox()->setChecked(false);
        QVERIFY(!page.techniquesPage()->settings().distillControl); // no student, no control
        page.techniquesPage()->distillBox()->setChecked(true);
        page.techniquesPage()->studentEdit()->setText(QStringLiteral("not json"));
        QVERIFY(!page.techniquesPage()->isComplete());
        save(&page, QStringLiteral("compress-techniques.png"));
    }

    void compressesEndToEnd()
    {
        CompressPage page(m_workspace);
        page.resize(1200, 800);
        page.show();
        save(&page, QStringLiteral("compress-source.png"));
        chooseSource(page, m_source);
        mf::CompressTechniquesPage *techniques = page.techniquesPage();
        techniques->channelsBox()->setChecked(true);
        techniques->quantizeBox()->setChecked(true);
        techniques->quantizeModeBox()->setCurrentIndex(0); // dynamic
        techniques->epochsBox()->setValue(1);
        page.wizard()->next();
        QCOMPARE(page.wizard()->currentId(), int(CompressPage::RunPageId));
        QTRY_VERIFY_WITH_TIMEOUT(page.wizard()->currentId() == CompressPage::ReportPageId ||
                                     page.runPage()->state() == mf::CompressRunPage::State::Failed,
                                 180000);
        QVERIFY2(page.runPage()->state() == mf::CompressRunPage::State::Finished,
                 qPrintable(page.runPage()->statusLabel()->text()));
        QTableWidget *table = page.reportPage()->table();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("source"));
        QVERIFY(table->item(1, 1)->text().startsWith(QStringLiteral("channels")));
        QCOMPARE(table->item(2, 1)->text(), QStringLiteral("int8 dynamic"));
        QCOMPARE(page.reportPage()->sizeChart()->pointCount(), 3);
        QVERIFY(page.reportPage()->layerTable()->rowCount() > 0);
        const QVector<qint64> runs = page.runPage()->variantRuns();
        QCOMPARE(runs.size(), 2);
        for (qint64 run : runs) {
            const auto params = paramsOf(run);
            QCOMPARE(params.at(mf::kParentRunParam), std::to_string(m_source));
        }
        const QString json = m_dir.filePath(QStringLiteral("report.json"));
        const QString csv = m_dir.filePath(QStringLiteral("report.csv"));
        QVERIFY(page.reportPage()->exportJson(json));
        QVERIFY(page.reportPage()->exportCsv(csv));
        QVERIFY(QFileInfo(json).size() > 0);
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QCOMPARE(csvFile.readAll().trimmed().split('\n').size(), 4); // header, source, 2 variants
        // Each row saves its model as one file; the int8 variant's is the int8 precision.
        table->selectRow(2);
        QVERIFY(page.reportPage()->saveModelButton()->isEnabled());
        const QString model = m_dir.filePath(QStringLiteral("int8.mfmodel"));
        QSignalSpy saved(page.reportPage()->modelFileSaver(), &mf::ModelFileSaver::saved);
        QVERIFY(page.reportPage()->saveModelFile(2, model));
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 60000);
        QCOMPARE(saved.first().at(0).toLongLong(), runs[1]);
        QCOMPARE(saved.first().at(2).toString(), QStringLiteral("int8"));
        QVERIFY(QFileInfo(model).size() > 0);
        save(&page, QStringLiteral("compress-report.png"));
        // A later compression may start from the pruned variant, not from the int8 one: it has
        // no checkpoint to fine-tune from.
        CompressPage again(m_workspace);
        QList<qint64> listed;
        for (int i = 0; i < again.sourcePage()->runList()->topLevelItemCount(); ++i)
            listed.append(
                again.sourcePage()->runList()->topLevelItem(i)->data(0, Qt::UserRole).toLongLong());
        QVERIFY(listed.contains(runs[0]));
        QVERIFY(!listed.contains(runs[1]));
    }

    void cancelStopsTheVariantInTraining()
    {
        CompressPage page(m_workspace);
        page.resize(1200, 800);
        page.show();
        chooseSource(page, m_source);
        page.techniquesPage()->channelsBox()->setChecked(true);
        page.techniquesPage()->epochsBox()->setValue(100);
        page.wizard()->next();
        mf::CompressRunPage *run = page.runPage();
        QTRY_VERIFY_WITH_TIMEOUT(run->statusLabel()->text().startsWith(QStringLiteral("Epoch")) ||
                                     run->state() == mf::CompressRunPage::State::Failed,
                                 60000);
        run->dashboard()->refreshNow(); // draw the curves, not at the next coalesced refresh
        save(&page, QStringLiteral("compress-run.png"));
        QTest::mouseClick(run->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page.controller()->isBusy(), 60000);
        QVERIFY2(run->state() == mf::CompressRunPage::State::Stopped,
                 qPrintable(run->statusLabel()->text()));
        QVERIFY(run->statusLabel()->text().contains(QStringLiteral("STOPPED")));
        QCOMPARE(page.wizard()->currentId(), int(CompressPage::RunPageId));
        QCOMPARE(run->variantRuns().size(), 1);
        const mf::RunStore store(mf::Workspace{m_workspace.toStdString()}.databasePath());
        QCOMPARE(store.run(run->variantRuns().first())->status, mf::RunStatus::Stopped);
        save(&page, QStringLiteral("compress-stopped.png"));
    }
};

MF_TEST_MAIN(TestCompressPage)
#include "tst_compresspage.moc"
