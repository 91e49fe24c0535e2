#include "core/roi/cashflowcsv.h"
#include "core/roi/projection.h"
#include "core/roi/scenariotemplates.h"
#include "core/util/atomicfile.h"
#include "tests/core/roi/roitestscenario.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <clocale>
#include <cmath>
#include <locale>
#include <sstream>

using namespace mf::roi;

namespace {

std::vector<std::string> splitLines(const std::string &text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

/// The fields of a line without quoted commas.
std::vector<std::string> splitFields(const std::string &line)
{
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, ','))
        fields.push_back(field);
    if (!line.empty() && line.back() == ',')
        fields.emplace_back();
    return fields;
}

double number(const std::string &field)
{
    std::istringstream in(field);
    in.imbue(std::locale::classic());
    double value = std::nan("");
    in >> value;
    return value;
}

} // namespace

class TestRoiCashFlowCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableHasAHeaderAndOneRowPerMonth()
    {
        const Scenario scenario = creditRiskTemplate();
        const Projection projection = project(scenario);
        const KeyFigures figures = keyFigures(scenario, projection);
        const std::vector<std::string> lines = splitLines(cashFlowCsv(scenario, projection));
        QCOMPARE(int(lines.size()), projection.months + 1);

        const std::vector<std::string> header = splitFields(lines[0]);
        const std::size_t columns =
            1 + costCategoryNames().size() + revenueStreamNames().size() + 5;
        QCOMPARE(header.size(), columns);
        QCOMPARE(header[0], std::string("month"));
        QCOMPARE(header[1], "cost: " + costCategoryNames().front() + " (EUR)");
        QCOMPARE(header[1 + costCategoryNames().size()],
                 "revenue: " + revenueStreamNames().front() + " (EUR)");
        QCOMPARE(header.back(), std::string("discounted net (EUR)"));

        double discountedSum = 0.0;
        for (int month = 0; month < projection.months; ++month) {
            const std::vector<std::string> row = splitFields(lines[month + 1]);
            QCOMPARE(row.size(), columns);
            QCOMPARE(row[0], std::to_string(month));
            // Every figure reads back to the projection's double exactly.
            QCOMPARE(number(row[columns - 5]), projection.totalCost[month]);
            QCOMPARE(number(row[columns - 4]), projection.totalRevenue[month]);
            QCOMPARE(number(row[columns - 3]), projection.netFlow[month]);
            QCOMPARE(number(row[columns - 2]), projection.cumulative[month]);
            QCOMPARE(number(row[1]), projection.costs.at(costCategoryNames().front())[month]);
            double costs = 0.0;
            for (std::size_t c = 0; c < costCategoryNames().size(); ++c)
                costs += number(row[1 + c]);
            QVERIFY(std::fabs(costs - projection.totalCost[month]) <=
                    1e-9 * std::max(1.0, projection.totalCost[month]));
            discountedSum += number(row.back());
        }
        QVERIFY2(std::fabs(discountedSum - figures.npv) <=
                     1e-6 * std::max(1.0, std::fabs(figures.npv)),
                 qPrintable(QStringLiteral("%1 vs %2").arg(discountedSum).arg(figures.npv)));
    }

    void numbersIgnoreTheLocale()
    {
        Scenario scenario = test::quietScenario(3);
        scenario.setValue("general.discountRateAnnual", 0.1);
        scenario.setValue("operations.perMonth", 1234.5);
        const Projection projection = project(scenario);
        const char *previous = std::setlocale(LC_ALL, nullptr);
        const std::string saved = previous ? previous : "C";
        // A decimal comma where the system has such a locale; C.UTF-8 elsewhere.
        if (!std::setlocale(LC_ALL, "de_DE.UTF-8"))
            std::setlocale(LC_ALL, "C.UTF-8");
        const std::string csv = cashFlowCsv(scenario, projection);
        std::setlocale(LC_ALL, saved.c_str());
        const std::vector<std::string> lines = splitLines(csv);
        QCOMPARE(lines.size(), std::size_t(4));
        const std::vector<std::string> first = splitFields(lines[1]);
        QCOMPARE(number(first[first.size() - 5]), 1234.5);
        QCOMPARE(first[first.size() - 3], std::string("-1234.5"));
        // Month 1 is discounted by one month at (1.1)^(1/12) - 1.
        const std::vector<std::string> second = splitFields(lines[2]);
        QCOMPARE(number(second.back()), -1234.5 / (1.0 + monthlyRate(0.1)));
        // Months without a flow write a plain 0, never "-0".
        QCOMPARE(first[1], std::string("0"));
    }

    void quotesACurrencyThatNeedsIt()
    {
        // validate() allows only ISO codes; the writer does not rely on that.
        Scenario scenario = test::quietScenario(1);
        const Projection projection = project(scenario);
        scenario.currency = "E\"UR";
        const std::string csv = cashFlowCsv(scenario, projection);
        QVERIFY(csv.find("\"month") == std::string::npos);
        QVERIFY(csv.find("\"net (E\"\"UR)\"") != std::string::npos);
    }

    void writesTheFile()
    {
        QTemporaryDir dir;
        const Scenario scenario = tutoringTemplate();
        const Projection projection = project(scenario);
        const std::string path = dir.filePath(QStringLiteral("flows.csv")).toStdString();
        writeCashFlowCsv(path, scenario, projection);
        QCOMPARE(mf::readWholeFile(path), cashFlowCsv(scenario, projection));
    }
};

MF_TEST_GUILESS_MAIN(TestRoiCashFlowCsv)
#include "tst_roicashflowcsv.moc"
