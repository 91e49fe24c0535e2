// The Augment page: empty state, datasets, saving and loading pipelines, rendering.
#include "app/gui/augment/augmentpage.h"
#include "app/gui/augment/pipelineeditor.h"
#include "app/gui/augment/pipelinemodel.h"
#include "app/gui/augment/previewmodel.h"
#include "app/gui/augment/previewpanel.h"
#include "app/gui/augment/textaugmentpanel.h"
#include "core/augment/augmentpipeline.h"
#include "core/augment/pipelinefile.h"
#include "core/data/dataset.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "widgets/messagepanel.h"

#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest/QtTest>

using namespace mf;

namespace {

std::shared_ptr<const DatasetBundle> imageBundle(int count, int channels, int size)
{
    const testdata::ImageSet set = testdata::makeImageSet(count, 4, channels, size, size, 3);
    DatasetBundle bundle;
    bundle.train.kind = DatasetKind::Image;
    std::vector<std::uint8_t> pixels = set.pixels;
    bundle.train.inputs =
        torch::from_blob(pixels.data(), {count, channels, size, size}, torch::kUInt8).clone();
    std::vector<std::uint8_t> labels = set.labels;
    bundle.train.labels = torch::from_blob(labels.data(), {count}, torch::kUInt8).to(torch::kInt64);
    bundle.train.classNames = {"T-shirt", "Trouser", "Pullover", "Dress"};
    return std::make_shared<const DatasetBundle>(std::move(bundle));
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestAugmentPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void withoutADatasetTheEmptyStateOffersOne()
    {
        AugmentPage page(m_dir.path());
        page.resize(1100, 700);
        page.show();
        QVERIFY(!page.isPreviewShown());
        QCOMPARE(page.emptyState()->title(), QStringLiteral("No dataset open"));
        auto *open = page.findChild<QPushButton *>(QStringLiteral("emptyOpenDatasetButton"));
        auto *fashion = page.findChild<QPushButton *>(QStringLiteral("fashionMnistButton"));
        QVERIFY(open && fashion);
        QVERIFY(open->isVisible());
        QCOMPARE(fashion->isVisible(), !AugmentPage::fashionMnistPath().isEmpty());
        QCOMPARE(page.pipelineDirectory(), QDir(m_dir.path()).filePath("pipelines"));
    }

    void aDatasetShowsThePreview()
    {
        AugmentPage page;
        QSignalSpy refreshed(page.previewModel(), &PreviewModel::refreshed);
        const auto bundle = imageBundle(30, 1, 28);
        page.setDataset(bundle, QStringLiteral("/data/fashion"));
        QVERIFY(page.isPreviewShown());
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(page.previewModel()->rowCount(), 4);
        QCOMPARE(page.previewModel()->columnCount(), 5);
        const auto firstLabel =
            static_cast<std::size_t>(bundle->train.labels[0].item<std::int64_t>());
        QCOMPARE(page.previewModel()->headerData(0, Qt::Vertical).toString(),
                 QStringLiteral("#0\n") +
                     QString::fromStdString(bundle->train.classNames[firstLabel]));

        // An edit in the form reaches the grid.
        refreshed.clear();
        page.editor()->selectRow(0);
        const QVector<float> before =
            page.previewModel()->index(1, 1).data(PreviewModel::ValuesRole).value<QVector<float>>();
        QVERIFY(page.pipelineModel()
                    ->setParameter(0, QStringLiteral("padding"), QVariant::fromValue(qlonglong(8)))
                    .isEmpty());
        QVERIFY(refreshed.wait(10000));
        QVERIFY(page.previewModel()
                    ->index(1, 1)
                    .data(PreviewModel::ValuesRole)
                    .value<QVector<float>>() != before);
        QVERIFY(page.isModified());

        // A table has nothing to augment.
        DatasetBundle table;
        table.train.kind = DatasetKind::Table;
        table.train.inputs = torch::rand({5, 3});
        table.train.labels = torch::zeros({5}, torch::kLong);
        page.setDataset(std::make_shared<const DatasetBundle>(table), QStringLiteral("t.csv"));
        QVERIFY(!page.isPreviewShown());
        QCOMPARE(page.emptyState()->title(), QStringLiteral("Nothing to augment"));
    }

    void openingADatasetLoadsItOffTheGuiThread()
    {
        const QString dir = m_dir.filePath(QStringLiteral("mnist"));
        testdata::writeMnistLayout(QFile::encodeName(dir).toStdString(),
                                   testdata::makeImageSet(40, 4, 1, 12, 12, 1),
                                   testdata::makeImageSet(8, 4, 1, 12, 12, 2));
        AugmentPage page;
        QSignalSpy changed(&page, &AugmentPage::datasetChanged);
        QSignalSpy failed(&page, &AugmentPage::datasetFailed);
        page.openDataset(dir);
        QVERIFY(!page.isPreviewShown());
        QVERIFY(changed.wait(20000));
        QCOMPARE(changed.first().first().toString(), dir);
        QVERIFY(page.isPreviewShown());
        QCOMPARE(page.previewModel()->sampleCount(), qint64(40));

        page.openDataset(m_dir.filePath(QStringLiteral("nothing-here")));
        QVERIFY(failed.wait(20000));
        QVERIFY(!page.isPreviewShown());
        QCOMPARE(page.emptyState()->kind(), MessagePanel::Kind::Error);
        QVERIFY2(page.emptyState()->text().contains(QStringLiteral("nothing-here")),
                 qPrintable(page.emptyState()->text()));
    }

    void saveAndLoadRoundTrip()
    {
        const QString path = m_dir.filePath(QStringLiteral("pipelines/round-trip.json"));
        QDir().mkpath(QFileInfo(path).path());
        AugmentPage page(m_dir.path());
        page.newPipeline();
        page.editor()->addOperation(QStringLiteral("affine"));
        page.editor()->addOperation(QStringLiteral("gaussian_noise"));
        QVERIFY(page.pipelineModel()
                    ->setParameter(0, QStringLiteral("translate"), QVariantList{0.2, 0.05})
                    .isEmpty());
        QVERIFY(page.pipelineModel()->setData(page.pipelineModel()->index(1), Qt::Unchecked,
                                              Qt::CheckStateRole));
        QSignalSpy saved(&page, &AugmentPage::pipelineSaved);
        QVERIFY(page.savePipeline(path));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.first().first().toString(), path);
        QCOMPARE(page.pipelinePath(), path);
        QVERIFY(!page.isModified());
        QVERIFY(!page.messageIsError());
        // The file is what the trainer reads.
        const AugmentPipeline written = loadAugmentPipeline(QFile::encodeName(path).toStdString());
        QCOMPARE(written.toJson(), page.pipelineModel()->pipeline()->toJson());

        AugmentPage other;
        QVERIFY(other.loadPipeline(path));
        QCOMPARE(other.pipelinePath(), path);
        QCOMPARE(other.pipelineModel()->rowCount(), 2);
        QCOMPARE(other.pipelineModel()->pipeline()->toJson(), written.toJson());
        QVERIFY(!other.isModified());
    }

    void aBadFileNamesTheFileAndTheKey()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.json"));
        testdata::writeBytes(QFile::encodeName(path).toStdString(),
                             R"({"operations": [{"op": "horizontal_flip"},
                                                {"op": "gaussian_blur", "kernel_size": 4}]})");
        AugmentPage page;
        const nlohmann::json before = page.pipelineModel()->pipeline()->toJson();
        QVERIFY(!page.loadPipeline(path));
        QVERIFY(page.messageIsError());
        QVERIFY2(page.messageText().contains(path) &&
                     page.messageText().contains(QStringLiteral("operations[1].kernel_size")),
                 qPrintable(page.messageText()));
        QCOMPARE(page.pipelineModel()->pipeline()->toJson(), before);
        QVERIFY(page.pipelinePath().isEmpty());

        testdata::writeBytes(QFile::encodeName(path).toStdString(), "{\"operations\": [}");
        QVERIFY(!page.loadPipeline(path));
        QVERIFY2(page.messageText().contains(path + QStringLiteral(": byte ")),
                 qPrintable(page.messageText()));

        QVERIFY(!page.savePipeline(QStringLiteral("/nonexistent-dir/x.json")));
        QVERIFY2(page.messageText().contains(QStringLiteral("/nonexistent-dir")),
                 qPrintable(page.messageText()));
    }

    void rendersToAPicture()
    {
        AugmentPage page(m_dir.path());
        page.resize(1280, 760);
        QSignalSpy refreshed(page.previewModel(), &PreviewModel::refreshed);
        page.showDemo();
        page.setDataset(imageBundle(64, 1, 28), QStringLiteral("/data/fashion-mnist"));
        page.previewPanel()->setShowDrawn(true);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(refreshed.wait(10000));
        QApplication::processEvents();
        const QPixmap picture = page.grab();
        QVERIFY(!picture.isNull());
        // Every tile column fits: the grid's columns are as wide as its tiles need.
        auto *view = page.previewPanel()->view();
        QCOMPARE(view->horizontalHeader()->count(), 5);
        QVERIFY(view->columnWidth(1) >= 84);
        const QByteArray outDir = qgetenv("MODELFORGE_TEST_BINARY_DIR");
        if (!outDir.isEmpty())
            QVERIFY(picture.save(
                QDir(QString::fromLocal8Bit(outDir)).filePath(QStringLiteral("augmentpage.png")),
                "PNG"));

        // The text tab, with its default EDA pipeline (WordNet loads on the worker thread).
        page.showTab(1);
        TextAugmentPanel *text = page.textPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!text->isPending(), 30000);
        QVERIFY2(text->result().error.isEmpty(), qPrintable(text->result().error));
        QCOMPARE(text->result().texts.size(), 4);
        QApplication::processEvents();
        const QPixmap textPicture = page.grab();
        QVERIFY(!textPicture.isNull());
        if (!outDir.isEmpty())
            QVERIFY(textPicture.save(QDir(QString::fromLocal8Bit(outDir))
                                         .filePath(QStringLiteral("augmentpage-text.png")),
                                     "PNG"));
    }
};

MF_TEST_MAIN(TestAugmentPage)
#include "tst_augmentpage.moc"
