#include "core/roi/cashflowcsv.h"

#include "core/roi/projection.h"
#include "core/roi/scenario.h"
#include "core/util/atomicfile.h"
#include "core/util/csvfield.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace mf::roi {

namespace {

// std::to_chars ignores the global locale, unlike streams and printf.
void appendNumber(std::string &out, double value)
{
    if (value == 0.0)
        value = 0.0; // no "-0" in a spreadsheet
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, error == std::errc() ? end : buffer);
}

double at(const std::vector<double> &series, int month)
{
    return month < static_cast<int>(series.size()) ? series[month] : 0.0;
}

const std::vector<double> &seriesOf(const std::map<std::string, std::vector<double>> &byName,
                                    const std::string &name)
{
    static const std::vector<double> none;
    const auto found = byName.find(name);
    return found == byName.end() ? none : found->second;
}

} // namespace

std::string cashFlowCsv(const Scenario &scenario, const Projection &projection)
{
    const std::string currency = " (" + scenario.currency + ")";
    std::string out = "month";
    for (const std::string &name : costCategoryNames())
        out += "," + csvField("cost: " + name + currency);
    for (const std::string &name : revenueStreamNames())
        out += "," + csvField("revenue: " + name + currency);
    for (const char *name : {"total cost", "total revenue", "net", "cumulative", "discounted net"})
        out += "," + csvField(name + currency);
    out += "\n";

    const double monthly = monthlyRate(scenario.value("general.discountRateAnnual"));
    double discount = 1.0;
    for (int month = 0; month < projection.months; ++month) {
        out += std::to_string(month);
        for (const std::string &name : costCategoryNames()) {
            out += ",";
            appendNumber(out, at(seriesOf(projection.costs, name), month));
        }
        for (const std::string &name : revenueStreamNames()) {
            out += ",";
            appendNumber(out, at(seriesOf(projection.revenue, name), month));
        }
        const double net = at(projection.netFlow, month);
        for (double value :
             {at(projection.totalCost, month), at(projection.totalRevenue, month), net,
              at(projection.cumulative, month), net == 0.0 ? 0.0 : net / discount}) {
            out += ",";
            appendNumber(out, value);
        }
        out += "\n";
        discount *= 1.0 + monthly;
    }
    return out;
}

void writeCashFlowCsv(const std::string &path, const Scenario &scenario,
                      const Projection &projection)
{
    writeFileAtomically(path, cashFlowCsv(scenario, projection));
}

} // namespace mf::roi
