#include "app/gui/mainwindow.h"
#include "app/gui/roi/predictionvalueeditor.h"
#include "app/gui/roi/roicharts.h"
#include "app/gui/roi/roicomparepanel.h"
#include "app/gui/roi/roiformat.h"
#include "app/gui/roi/roiinputfield.h"
#include "app/gui/roi/roiinputform.h"
#include "app/gui/roi/roikeyfigurespanel.h"
#include "app/gui/roi/roimontecarlopanel.h"
#include "app/gui/roi/roipage.h"
#include "app/gui/roi/roipresentation.h"
#include "app/gui/roi/roiscenariopanel.h"
#include "app/gui/roi/roisourcesview.h"
#include "app/gui/roi/roitext.h"
#include "app/gui/roi/runpickerdialog.h"
#include "core/roi/inputcatalogue.h"
#include "core/roi/scenariojson.h"
#include "core/roi/scenariotemplates.h"
#include "core/store/scenariostore.h"
#include "core/store/workspace.h"
#include "core/train/trainingsession.h"
#include "tests/app/roipagetesting.h"
#include "tests/support/shotpath.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "widgets/elidedlabel.h"
#include "widgets/messagepanel.h"
#include "widgets/noticelabel.h"

#include <QAbstractAxis>
#include <QAbstractButton>
#include <QAbstractSeries>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest/QtTest>

#include <cmath>

using mf::RoiKeyFigures;
using mf::RoiPage;

using mf::test::databasePathOf;
using mf::test::nanText;
using mf::test::shotDir;
using mf::test::shotPath;
using mf::test::showPage;

namespace {

QLineSeries *findLine(QChart *chart, const QString &name)
{
    for (QAbstractSeries *series : chart->series())
        if (series->name() == name)
            return qobject_cast<QLineSeries *>(series);
    return nullptr;
}

QAbstractSeries *findSeries(QChart *chart, const QString &name)
{
    for (QAbstractSeries *series : chart->series())
        if (series->name() == name)
            return series;
    return nullptr;
}

const QChar kOpen(0x27E6); // ⟦

/// Wraps every translated text in ⟦…⟧: a text on screen without the mark bypassed tr().
class PseudoTranslator : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char * = nullptr,
                      int = -1) const override
    {
        return kOpen + QString::fromUtf8(sourceText) + QChar(0x27E7);
    }
    bool isEmpty() const override { return false; }
};

/// Two or more words of letters: prose that needs a translation.
bool looksLikeProse(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("(?<![\\w/._-])[A-Za-z]{2,}(?![\\w/._-])"));
    int words = 0;
    for (auto it = word.globalMatch(text); it.hasNext(); it.next())
        ++words;
    return words >= 2;
}

/// The visible prose of `root` that did not go through tr() and is not one of `data`.
QStringList untranslated(QWidget *root, const QSet<QString> &data)
{
    QStringList found;
    const auto check = [&](const QString &raw) {
        QTextDocument document;
        document.setHtml(raw);
        const QString text = (Qt::mightBeRichText(raw) ? document.toPlainText() : raw).trimmed();
        if (!text.isEmpty() && !text.contains(kOpen) && looksLikeProse(text) &&
            !data.contains(text) && !found.contains(text))
            found.append(text);
    };
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisible())
            continue;
        check(widget->toolTip());
        if (auto *label = qobject_cast<QLabel *>(widget))
            check(label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            check(button->text());
        if (auto *tabs = qobject_cast<QTabBar *>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                check(tabs->tabText(i));
        if (auto *combo = qobject_cast<QComboBox *>(widget))
            for (int i = 0; i < combo->count(); ++i)
                check(combo->itemText(i));
        if (auto *view = qobject_cast<QChartView *>(widget)) {
            check(view->chart()->title());
            for (QAbstractSeries *series : view->chart()->series())
                check(series->name());
            for (QAbstractAxis *axis : view->chart()->axes())
                check(axis->titleText());
        }
        if (auto *table = qobject_cast<QTableWidget *>(widget))
            for (int i = 0; i < table->rowCount(); ++i)
                if (QTableWidgetItem *header = table->verticalHeaderItem(i))
                    check(header->text());
    }
    return found;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestRoiPage : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    void save(QWidget *widget, const QString &name) { mf::test::saveShot(m_dir, widget, name); }

    QString newWorkspace(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyCatalogueTextIsListedForTranslation()
    {
        for (const mf::roi::InputSpec &spec : mf::roi::inputCatalogue()) {
            QVERIFY2(mf::RoiText::isListed(spec.group), spec.group.c_str());
            QVERIFY2(mf::RoiText::isListed(spec.label), spec.label.c_str());
            QVERIFY2(mf::RoiText::isListed(spec.tooltip), spec.key.c_str());
        }
        for (const std::string &name : mf::roi::costCategoryNames())
            QVERIFY2(mf::RoiText::isListed(name), name.c_str());
        for (const std::string &name : mf::roi::revenueStreamNames())
            QVERIFY2(mf::RoiText::isListed(name), name.c_str());
    }

    void fieldTextParsesBack_data()
    {
        QTest::addColumn<double>("value");
        for (double v : {0.0, 1.0, 2.5, 0.15, 1234567.25, 1e19, 3e-9, -0.05, 10000.0, 0.023, 1e14,
                         3170199.6535047349, 0.0137360039})
            QTest::newRow(qPrintable(QString::number(v))) << v;
    }

    void fieldTextParsesBack()
    {
        QFETCH(double, value);
        for (const QLocale &locale : {QLocale(QLocale::English, QLocale::UnitedStates),
                                      QLocale(QLocale::German, QLocale::Germany)}) {
            const QString text = mf::RoiFormat::fieldText(value, locale);
            const std::optional<double> parsed = mf::RoiFormat::parseField(text, locale);
            QVERIFY2(parsed.has_value(), qPrintable(text));
            QVERIFY2(std::abs(*parsed - value) <= std::abs(value) * 1e-8, qPrintable(text));
        }
        QVERIFY(!mf::RoiFormat::parseField(QStringLiteral("abc"), QLocale()).has_value());
        QVERIFY(!mf::RoiFormat::parseField(QString(), QLocale()).has_value());
        QCOMPARE(*mf::RoiFormat::parseField(QStringLiteral("12.5 %"), QLocale::c()), 12.5);
    }

    void numbersReadWell()
    {
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(mf::RoiFormat::fieldText(3170199.6535047349, english),
                 QStringLiteral("3,170,199.65"));
        QCOMPARE(mf::RoiFormat::fieldText(0.1 * 100, english), QStringLiteral("10"));
        QCOMPARE(mf::RoiFormat::money(-0.001, QStringLiteral("USD"), english),
                 QStringLiteral("USD -0.0010"));
        QCOMPARE(mf::RoiFormat::money(1234567.4, QStringLiteral("EUR"), english),
                 QStringLiteral("EUR 1,234,567"));
        QCOMPARE(mf::RoiFormat::percent(0.1234, english), QStringLiteral("12.3%"));
        QCOMPARE(mf::RoiFormat::money(std::nan(""), QStringLiteral("EUR"), english),
                 QStringLiteral("—"));
    }

    void emptyWorkspaceOffersTemplates()
    {
        RoiPage page(newWorkspace(QStringLiteral("empty")));
        showPage(page);
        QVERIFY(!page.hasScenario());
        QVERIFY(page.emptyPanel()->isVisible());
        QCOMPARE(page.emptyPanel()->actionButtons().size(), 4);
        // Opening the page writes nothing into the workspace.
        QVERIFY(!QFileInfo::exists(databasePathOf(page.workspace())));
        save(&page, QStringLiteral("roi-empty.png"));
    }

    void templateComputesEveryFigure()
    {
        RoiPage page(newWorkspace(QStringLiteral("template")));
        showPage(page);
        QVERIFY(page.newFromTemplate(QStringLiteral("credit-risk")));
        QVERIFY(page.scenarioPanel()->currentId() > 0);
        QCOMPARE(page.scenarioPanel()->list()->count(), 1);
        QVERIFY(page.problems().empty());
        QVERIFY(page.keyFigures().has_value());
        for (int i = 0; i < RoiKeyFigures::FigureCount; ++i) {
            const QString text = page.keyFiguresPanel()->valueText(RoiKeyFigures::Figure(i));
            QVERIFY2(text != RoiKeyFigures::missingText(), qPrintable(text));
        }
        QVERIFY2(
            page.keyFiguresPanel()
                ->valueText(RoiKeyFigures::Npv)
                .startsWith(QString::fromStdString(page.scenario().currency) + QLatin1Char(' ')),
            qPrintable(page.keyFiguresPanel()->valueText(RoiKeyFigures::Npv)));
        QVERIFY(!page.problemBanner()->isVisible());
        QVERIFY2(nanText(&page).isEmpty(), qPrintable(nanText(&page)));
        // The scenario shown is the template, unchanged: its JSON is the template's.
        QCOMPARE(mf::roi::scenarioToJsonText(page.scenario()),
                 mf::roi::scenarioToJsonText(mf::roi::creditRiskTemplate()));
        // Money fields show the currency, fractions a percentage.
        mf::RoiInputField *price = page.inputForm()->field("serving.pricePerInstanceHour");
        QVERIFY(price->unitLabel()->text().startsWith(
            QString::fromStdString(page.scenario().currency)));
        mf::RoiInputField *discount = page.inputForm()->field("general.discountRateAnnual");
        QCOMPARE(discount->valueEdit()->text(), QStringLiteral("10"));
        QCOMPARE(discount->unitLabel()->text(), QLocale().percent());
        QVERIFY(!price->captionLabel()->text().isEmpty());
        save(&page, QStringLiteral("roi-credit-risk.png"));
        page.tabs()->setCurrentIndex(RoiPage::CostsTab);
        save(page.chartView(RoiPage::CostsTab), QStringLiteral("roi-costs-chart.png"));
        page.tabs()->setCurrentIndex(RoiPage::RevenueTab);
        save(page.chartView(RoiPage::RevenueTab), QStringLiteral("roi-revenue-chart.png"));
    }

    void typingChangesNpvAndChart()
    {
        RoiPage page(newWorkspace(QStringLiteral("typing")));
        showPage(page);
        QVERIFY(page.newFromTemplate(QStringLiteral("credit-risk")));
        const QString npvBefore = page.keyFiguresPanel()->valueText(RoiKeyFigures::Npv);
        QChart *chart = page.chartView(RoiPage::CashFlowTab)->chart();
        QLineSeries *series = findLine(chart, mf::RoiCharts::cumulativeSeriesName());
        QVERIFY(series);
        const QList<QPointF> pointsBefore = series->points();
        QVERIFY(!pointsBefore.isEmpty());

        QSignalSpy recomputed(&page, &RoiPage::recomputed);
        mf::RoiInputField *requests = page.inputForm()->field("serving.requestsPerDay");
        typeInto(requests->valueEdit(), QStringLiteral("20000000"));
        QTRY_VERIFY(recomputed.count() > 0);
        QCOMPARE(page.scenario().value("serving.requestsPerDay"), 20000000.0);
        QTRY_VERIFY2(page.keyFiguresPanel()->valueText(RoiKeyFigures::Npv) != npvBefore,
                     qPrintable(npvBefore));
        series = findLine(chart, mf::RoiCharts::cumulativeSeriesName());
        QVERIFY(series);
        QVERIFY(series->points() != pointsBefore);
        // An uncertain input's range widened to the new value, not to the digits on the way.
        QCOMPARE(page.scenario().input("serving.requestsPerDay").high, 20000000.0);
        QCOMPARE(page.scenario().input("serving.requestsPerDay").low,
                 mf::roi::creditRiskTemplate().input("serving.requestsPerDay").low);
        // Typing a fraction as a percentage.
        typeInto(page.inputForm()->field("general.discountRateAnnual")->valueEdit(),
                 QStringLiteral("12.5"));
        QTRY_COMPARE(page.scenario().value("general.discountRateAnnual"), 0.125);
        QVERIFY(page.scenarioPanel()->hasUnsavedChanges());
    }

    void invalidInputShowsMessageAndNoNaN()
    {
        RoiPage page(newWorkspace(QStringLiteral("invalid")));
        showPage(page);
        QVERIFY(page.newFromTemplate(QStringLiteral("credit-risk")));
        mf::RoiInputField *requests = page.inputForm()->field("serving.requestsPerDay");
        typeInto(requests->valueEdit(), QStringLiteral("-5"));
        page.recomputeNow();
        QVERIFY(!page.problems().empty());
        QVERIFY(requests->problemLabel()->isVisible());
        QVERIFY2(requests->problemText().contains(QLatin1String("negative")),
                 qPrintable(requests->problemText()));
        QVERIFY(page.problemBanner()->isVisible());
        QVERIFY(page.problemBanner()->text().contains(QLatin1String("Requests per day")));
        QCOMPARE(page.keyFiguresPanel()->valueText(RoiKeyFigures::Npv),
                 RoiKeyFigures::missingText());
        QVERIFY(!page.exportPdfAction()->isEnabled());
        QVERIFY2(nanText(&page).isEmpty(), qPrintable(nanText(&page)));
        page.inputForm()->revealField("serving.requestsPerDay");
        save(&page, QStringLiteral("roi-invalid.png"));

        typeInto(requests->valueEdit(), QStringLiteral("abc"));
        page.recomputeNow();
        QVERIFY(requests->hasParseError());
        QVERIFY(page.chartView(RoiPage::CashFlowTab)->chart()->axes().isEmpty());
        QVERIFY2(requests->problemText().contains(QLatin1String("not a number")),
                 qPrintable(requests->problemText()));
        QCOMPARE(page.keyFiguresPanel()->valueText(RoiKeyFigures::Irr),
                 RoiKeyFigures::missingText());
        QVERIFY2(nanText(&page).isEmpty(), qPrintable(nanText(&page)));
        save(&page, QStringLiteral("roi-not-a-number.png"));

        // A churn of 100 % and an impossible discount rate, each next to its field.
        typeInto(requests->valueEdit(), QStringLiteral("2000"));
        typeInto(page.inputForm()->field("subscriptions.churn")->valueEdit(),
                 QStringLiteral("100"));
        typeInto(page.inputForm()->field("general.discountRateAnnual")->valueEdit(),
                 QStringLiteral("-100"));
        page.recomputeNow();
        QVERIFY(!requests->problemLabel()->isVisible());
        QVERIFY(!page.inputForm()->field("subscriptions.churn")->problemText().isEmpty());
        QVERIFY(!page.inputForm()->field("general.discountRateAnnual")->problemText().isEmpty());
        QVERIFY2(nanText(&page).isEmpty(), qPrintable(nanText(&page)));

        typeInto(page.inputForm()->field("subscriptions.churn")->valueEdit(), QStringLiteral("2"));
        typeInto(page.inputForm()->field("general.discountRateAnnual")->valueEdit(),
                 QStringLiteral("10"));
        page.recomputeNow();
        QVERIFY(page.problems().empty());
        QVERIFY(!page.problemBanner()->isVisible());
        QVERIFY(page.keyFiguresPanel()->valueText(RoiKeyFigures::Npv) !=
                RoiKeyFigures::missingText());
    }

    void scenariosAreKeptInTheStore()
    {
        const QString workspace = newWorkspace(QStringLiteral("store"));
        {
            RoiPage page(workspace);
            showPage(page);
            mf::RoiScenarioPanel *panel = page.scenarioPanel();
            QVERIFY(page.newFromTemplate(QStringLiteral("tutoring")));
            QVERIFY(page.newFromTemplate(QStringLiteral("medical-screening")));
            QCOMPARE(panel->list()->count(), 2);
            const qint64 medical = panel->currentId();

            const qint64 copy = panel->duplicateCurrent();
            QVERIFY(copy > 0 && copy != medical);
            QCOMPARE(panel->list()->count(), 3);
            QCOMPARE(panel->currentId(), copy);
            QVERIFY(QString::fromStdString(page.scenario().name).endsWith(" (copy)"));

            QVERIFY(panel->renameCurrent(QStringLiteral("Screening, second site")));
            QCOMPARE(page.scenario().name, std::string("Screening, second site"));
            QVERIFY(!panel->list()
                         ->findItems(QStringLiteral("Screening, second site"), Qt::MatchExactly)
                         .isEmpty());
            QVERIFY(!panel->renameCurrent(QStringLiteral("  ")));

            // An edit is saved automatically.
            typeInto(page.inputForm()->field("serving.requestsPerDay")->valueEdit(),
                     QStringLiteral("4321"));
            QTRY_VERIFY_WITH_TIMEOUT(!panel->hasUnsavedChanges(), 5000);
            QCOMPARE(panel->notice()->notice(), QStringLiteral("All changes saved."));

            // The store has it, under its name, in the document too.
            mf::ScenarioStore store(databasePathOf(workspace).toStdString());
            const mf::roi::Scenario stored =
                mf::roi::scenarioFromJsonText(store.load(copy), "stored");
            QCOMPARE(stored.name, std::string("Screening, second site"));
            QCOMPARE(stored.value("serving.requestsPerDay"), 4321.0);
            QCOMPARE(store.name(copy), std::string("Screening, second site"));

            // Opening another one and back.
            QVERIFY(panel->open(medical));
            QVERIFY(page.scenario().value("serving.requestsPerDay") != 4321.0);
            save(&page, QStringLiteral("roi-scenarios.png"));

            QVERIFY(panel->deleteScenario(medical));
            QCOMPARE(panel->list()->count(), 2);
            QVERIFY(page.hasScenario());
            QVERIFY(panel->currentId() != medical);
            QCOMPARE(int(store.list().size()), 2);
        }
        // A page opened later shows the most recently changed scenario as saved.
        RoiPage again(workspace);
        QVERIFY(again.hasScenario());
        QCOMPARE(again.scenarioPanel()->list()->count(), 2);
        // Deleting everything leads back to the templates.
        const std::vector<mf::ScenarioSummary> saved = again.scenarioPanel()->summaries();
        for (const mf::ScenarioSummary &summary : saved)
            QVERIFY(again.scenarioPanel()->deleteScenario(summary.id));
        QVERIFY(!again.hasScenario());
        QCOMPARE(again.scenarioPanel()->list()->count(), 0);
    }

    void jsonExportImportIsIdentical()
    {
        RoiPage page(newWorkspace(QStringLiteral("json")));
        showPage(page);
        QVERIFY(page.newFromTemplate(QStringLiteral("medical-screening")));
        typeInto(page.inputForm()->field("serving.requestsPerDay")->valueEdit(),
                 QStringLiteral("1234.5"));
        mf::RoiInputField *price = page.inputForm()->field("training.pricePerDeviceHour");
        price->setDetailsVisible(true);
        typeInto(price->sourceEdit(), QStringLiteral("provider price list"));
        typeInto(price->asOfEdit(), QStringLiteral("2025-02-01"));
        price->distributionBox()->setCurrentIndex(2);
        Q_EMIT price->distributionBox()->activated(2);
        page.recomputeNow();
        QCOMPARE(page.scenario().input("training.pricePerDeviceHour").source,
                 std::string("provider price list"));
        QCOMPARE(page.scenario().input("training.pricePerDeviceHour").distribution,
                 mf::roi::Distribution::Pert);
        page.inputForm()->revealField("training.pricePerDeviceHour");
        save(&page, QStringLiteral("roi-details.png"));

        const QString first = m_dir.filePath(QStringLiteral("first.json"));
        const QString second = m_dir.filePath(QStringLiteral("second.json"));
        QString error;
        QVERIFY2(page.exportScenario(first, &error), qPrintable(error));
        const qint64 before = page.scenarioPanel()->currentId();
        QVERIFY2(page.importScenario(first, &error), qPrintable(error));
        QVERIFY(page.scenarioPanel()->currentId() != before);
        QCOMPARE(page.scenarioPanel()->list()->count(), 2);
        QVERIFY2(page.exportScenario(second, &error), qPrintable(error));
        QFile a(first), b(second);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());

        // A file that is no scenario is refused with the reason.
        QFile bad(m_dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"format\": \"something else\"}");
        bad.close();
        QVERIFY(!page.importScenario(bad.fileName(), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(page.scenarioPanel()->list()->count(), 2);
    }

    void monteCarloDrawsAHistogram()
    {
        RoiPage page(newWorkspace(QStringLiteral("montecarlo")));
        showPage(page);
        QVERIFY(page.newFromTemplate(QStringLiteral("credit-risk")));
        page.tabs()->setCurrentIndex(RoiPage::MonteCarloTab);
        mf::RoiMonteCarloPanel *panel = page.monteCarloPanel();
        QVERIFY(!page.monteCarloResult().has_value());
        panel->trialsBox()->setValue(300);
        panel->seedBox()->setValue(7);
        QSignalSpy finished(panel, &mf::RoiMonteCarloPanel::finished);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY(panel->isRunning() || finished.count() == 1);
        QVERIFY(finished.count() == 1 || finished.wait(30000));
        QVERIFY(page.monteCarloResult().has_value());
        QCOMPARE(page.monteCarloResult()->trials, 300);
        QChart *chart = panel->chartView()->chart();
        QVERIFY(findSeries(chart, mf::RoiCharts::histogramSeriesName()));
        int percentiles = 0;
        for (QAbstractSeries *series : chart->series())
            if (series->name().startsWith(QLatin1String("P")))
                ++percentiles;
        QCOMPARE(percentiles, 3);
        QVERIFY(panel->summaryLabel()->text().contains(QLatin1String("P50")));
        save(&page, QStringLiteral("roi-montecarlo.png"));

        // The same seed draws the same trials.
        const double p50 = page.monteCarloResult()->p50;
        QVERIFY(panel->run());
        QVERIFY(finished.wait(30000));
        QCOMPARE(page.monteCarloResult()->p50, p50);

        // An edit makes the result out of date; it is not reused for the new inputs.
        typeInto(page.inputForm()->field("serving.requestsPerDay")->valueEdit(),
                 QStringLiteral("2500"));
        page.recomputeNow();
        QVERIFY(!page.monteCarloResult().has_value());
        QVERIFY(panel->summaryLabel()->text().startsWith(QLatin1String("Out of date")));
    }

    void exportsAndPresentsTheScenario()
    {
        RoiPage page(newWorkspace(QStringLiteral("exports")));
        showPage(page);
        QVERIFY(page.newFromTemplate(QStringLiteral("medical-screening")));
        mf::RoiMonteCarloPanel *panel = page.monteCarloPanel();
        panel->trialsBox()->setValue(200);
        QSignalSpy finished(panel, &mf::RoiMonteCarloPanel::finished);
        QVERIFY(panel->run());
        QVERIFY(finished.count() == 1 || finished.wait(30000));

        QString error;
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY2(page.exportPdf(pdf, &error), qPrintable(error));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5).startsWith("%PDF-"));
        QVERIFY(pdfFile.size() > 10000);

        const QString csv = m_dir.filePath(QStringLiteral("cashflow.csv"));
        QVERIFY2(page.exportCashFlowCsv(csv, &error), qPrintable(error));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines =
            QString::fromUtf8(csvFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        // A header and one row per month of the horizon.
        QCOMPARE(lines.size(), 1 + page.projection()->months);

        mf::RoiPresentation *presentation = page.present();
        QVERIFY(presentation);
        QVERIFY(presentation->isVisible());
        QVERIFY(presentation->slideCount() >= 5);
        presentation->close();

        // An input problem: no report, no presentation, and the reason is given.
        typeInto(page.inputForm()->field("serving.requestsPerDay")->valueEdit(),
                 QStringLiteral("-5"));
        page.recomputeNow();
        QVERIFY(!page.problems().empty());
        QVERIFY(!page.exportCashFlowCsv(m_dir.filePath(QStringLiteral("bad.csv")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.csv"))));
        error.clear();
        QVERIFY(!page.exportPdf(m_dir.filePath(QStringLiteral("bad.pdf")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.pdf"))));
        QVERIFY(!page.present());
    }

    void tornadoAndComparison()
    {
        RoiPage page(newWorkspace(QStringLiteral("compare")));
        showPage(page);
        QVERIFY(page.newFromTemplate(QStringLiteral("tutoring")));
        QVERIFY(page.newFromTemplate(QStringLiteral("credit-risk")));
        page.tabs()->setCurrentIndex(RoiPage::TornadoTab);
        QChart *tornado = page.chartView(RoiPage::TornadoTab)->chart();
        QVERIFY(tornado->series().size() > 3);
        QVERIFY(page.tornado().has_value());
        save(&page, QStringLiteral("roi-tornado.png"));

        page.tabs()->setCurrentIndex(RoiPage::CompareTab);
        mf::RoiComparePanel *compare = page.comparePanel();
        QCOMPARE(compare->rangeTable()->columnCount(), 3);
        const int npvRow = RoiKeyFigures::Npv;
        const QString worst = compare->rangeTable()->item(npvRow, 0)->text();
        const QString base = compare->rangeTable()->item(npvRow, 1)->text();
        QCOMPARE(base, page.keyFiguresPanel()->valueText(RoiKeyFigures::Npv));
        QVERIFY(worst != base);
        save(&page, QStringLiteral("roi-compare-range.png"));

        QVERIFY(page.newFromTemplate(QStringLiteral("medical-screening")));
        page.tabs()->setCurrentIndex(RoiPage::CompareTab);
        compare->setMode(mf::RoiComparePanel::SavedMode);
        QCOMPARE(compare->savedList()->count(), 3);
        const auto summaries = page.scenarioPanel()->summaries();
        compare->checkSaved({summaries[0].id, summaries[1].id, summaries[2].id});
        QCOMPARE(compare->savedTable()->columnCount(), 3);
        QSet<QString> npvs;
        for (int column = 0; column < 3; ++column)
            npvs.insert(compare->savedTable()->item(npvRow, column)->text());
        QCOMPARE(npvs.size(), 3);
        save(&page, QStringLiteral("roi-compare-saved.png"));
    }

    void everyTextOnThePageIsTranslated()
    {
        PseudoTranslator pseudo;
        QCoreApplication::installTranslator(&pseudo);
        {
            RoiPage page(newWorkspace(QStringLiteral("translated")));
            showPage(page);
            QVERIFY(page.newFromTemplate(QStringLiteral("medical-screening")));
            QVERIFY(page.tabs()->tabText(0).contains(kOpen));
            QVERIFY(page.inputForm()->field("serving.latencyMs")->label()->text().contains(kOpen));
            // What the scenario says is data, shown as it is.
            QSet<QString> data;
            const mf::roi::Scenario &scenario = page.scenario();
            data.insert(QString::fromStdString(scenario.name));
            for (const auto &[key, input] : scenario.inputs)
                data.insert(QString::fromStdString(input.source));
            QStringList found;
            for (int tab = 0; tab < page.tabs()->count(); ++tab) {
                page.tabs()->setCurrentIndex(tab);
                QApplication::processEvents();
                found += untranslated(&page, data);
            }
            typeInto(page.inputForm()->field("serving.requestsPerDay")->valueEdit(),
                     QStringLiteral("x"));
            page.recomputeNow();
            found += untranslated(&page, data);
            found.removeDuplicates();
            QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        }
        QCoreApplication::removeTranslator(&pseudo);
    }

    void mainWindowShowsTheSection()
    {
        const QString workspace = newWorkspace(QStringLiteral("window"));
        mf::MainWindow window(workspace);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showSection(mf::MainWindow::RoiSection));
        QCOMPARE(window.sectionPage(mf::MainWindow::RoiSection), window.roiPage());
        save(&window, QStringLiteral("roi-window-empty.png"));
        QVERIFY(window.roiPage()->newFromTemplate(QStringLiteral("credit-risk")));
        QTest::qWait(50);
        save(&window, QStringLiteral("roi-window.png"));
        // Changing the workspace saves and shows the other workspace's scenarios.
        window.setWorkspace(newWorkspace(QStringLiteral("window-other")));
        QVERIFY(!window.roiPage()->hasScenario());
        window.setWorkspace(workspace);
        QVERIFY(window.roiPage()->hasScenario());
    }
};

MF_TEST_MAIN(TestRoiPage)
#include "tst_roipage.moc"
