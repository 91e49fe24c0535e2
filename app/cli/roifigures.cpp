#include "app/cli/roifigures.h"

#include "app/cli/texttable.h"
#include "core/roi/scenario.h"

#include <cmath>
#include <optional>

namespace mf::cli {

namespace {

using Status = roi::IrrResult::Status;

double annualised(double monthly)
{
    return std::pow(1.0 + monthly, 12.0) - 1.0;
}

std::string percent(double fraction)
{
    return formatNumber(fraction * 100.0, 2);
}

nlohmann::json optionalJson(const std::optional<double> &value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

const char *statusName(Status status)
{
    switch (status) {
    case Status::Found:
        return "found";
    case Status::NoRoot:
        return "no root";
    case Status::SeveralRoots:
        return "several roots";
    }
    return "no root";
}

} // namespace

void printKeyFigures(std::ostream &out, const roi::Scenario &scenario,
                     const roi::KeyFigures &figures)
{
    const std::string &money = scenario.currency;
    TextTable table({"figure", "value", "unit"});
    const auto add = [&table](std::string figure, std::string value, std::string unit) {
        table.addRow({std::move(figure), std::move(value), std::move(unit)});
    };
    const auto addOptional = [&add](std::string figure, const std::optional<double> &value,
                                    int decimals, std::string unit, std::string without) {
        if (value)
            add(std::move(figure), formatNumber(*value, decimals), std::move(unit));
        else
            add(std::move(figure), "-", std::move(without));
    };
    add("NPV", formatNumber(figures.npv, 2), money + " (first month undiscounted)");
    add("NPV, Excel convention", formatNumber(figures.npvExcel, 2),
        money + " (every month discounted)");
    const roi::IrrResult &irr = figures.irrMonthly;
    if (irr.status == Status::Found && figures.irrAnnual)
        add("IRR", percent(*figures.irrAnnual), "% a year");
    else if (irr.status == Status::SeveralRoots)
        add("IRR", "several roots", "ambiguous: see below");
    else
        add("IRR", "no root", "see below");
    if (figures.mirrAnnual)
        add("MIRR", percent(*figures.mirrAnnual), "% a year");
    else
        add("MIRR", "-", "the flows lack a gain or a loss");
    addOptional("Payback", figures.paybackMonths, 1, "months", "not within the horizon");
    addOptional("Discounted payback", figures.discountedPaybackMonths, 1, "months",
                "not within the horizon");
    if (figures.breakEvenMonth)
        add("Break-even month", std::to_string(*figures.breakEvenMonth), "month 0 is the first");
    else
        add("Break-even month", "-", "not within the horizon");
    addOptional("ROI", figures.roiPercent, 1, "% of the costs", "no costs");
    add("Total cost", formatNumber(figures.totalCost, 2), money);
    add("Total revenue and benefit", formatNumber(figures.totalRevenue, 2), money);
    add("TCO", formatNumber(figures.tco, 2), money);
    add("Serving instances", std::to_string(figures.servingInstances), "at full adoption");
    add("Serving cost", formatNumber(figures.servingCostPerMonth, 2), money + " a month");
    add("Cost per 1,000 requests", formatNumber(figures.costPerThousandRequests, 4), money);
    add("API gross margin", percent(figures.apiGrossMargin), "% of API revenue");
    add("Device-hours per training run", formatNumber(figures.deviceHoursPerRun, 3), "hours");
    add("Training cost per run", formatNumber(figures.trainingCostPerRun, 2), money);
    add("Energy cost per training run", formatNumber(figures.energyCostPerRun, 2), money);
    if (figures.ltv)
        add("Customer lifetime value", formatNumber(*figures.ltv, 2), money);
    if (figures.cac)
        add("Customer acquisition cost", formatNumber(*figures.cac, 2), money);
    if (figures.ltvToCac)
        add("LTV / CAC", formatNumber(*figures.ltvToCac, 2), "");
    if (figures.cacPaybackMonths)
        add("CAC payback", formatNumber(*figures.cacPaybackMonths, 1), "months");
    add("Value per prediction", formatNumber(figures.valuePerPrediction, 4), money);
    if (figures.accuracy > 0.0)
        add("Accuracy", percent(figures.accuracy), "% (confusion matrix)");
    table.print(out);
    if (irr.status != Status::Found)
        out << "IRR: " << irr.message << "\n";
}

void printMonteCarlo(std::ostream &out, const roi::Scenario &scenario,
                     const roi::MonteCarloResult &result, std::uint64_t seed)
{
    out << "Monte Carlo: " << result.trials << " trials, seed " << seed << ", "
        << result.drawnInputs << " uncertain inputs drawn (triangular or PERT)\n";
    const std::string &money = scenario.currency;
    TextTable table({"NPV", "value", "unit"});
    table.addRow({"P10", formatNumber(result.p10, 2), money});
    table.addRow({"P50", formatNumber(result.p50, 2), money});
    table.addRow({"P90", formatNumber(result.p90, 2), money});
    table.addRow({"mean", formatNumber(result.mean, 2), money});
    table.addRow(
        {"min .. max", formatNumber(result.min, 2) + " .. " + formatNumber(result.max, 2), money});
    table.addRow({"probability of a loss", percent(result.probabilityOfLoss), "% of trials"});
    table.print(out);
}

nlohmann::json monteCarloJson(const roi::MonteCarloResult &result, std::uint64_t seed)
{
    return {{"trials", result.trials},
            {"seed", seed},
            {"drawn_inputs", result.drawnInputs},
            {"p10", result.p10},
            {"p50", result.p50},
            {"p90", result.p90},
            {"mean", result.mean},
            {"min", result.min},
            {"max", result.max},
            {"probability_of_loss", result.probabilityOfLoss}};
}

nlohmann::json keyFiguresJson(const roi::KeyFigures &figures)
{
    const roi::IrrResult &irr = figures.irrMonthly;
    nlohmann::json roots = nlohmann::json::array();
    for (double root : irr.roots)
        roots.push_back(annualised(root));
    nlohmann::json out{
        {"npv", figures.npv},
        {"npv_excel", figures.npvExcel},
        {"irr",
         {{"status", statusName(irr.status)},
          {"annual", optionalJson(figures.irrAnnual)},
          {"monthly", irr.status == Status::Found ? nlohmann::json(irr.rate) : nullptr},
          {"roots_annual", roots},
          {"message", irr.message}}},
        {"mirr_annual", optionalJson(figures.mirrAnnual)},
        {"payback_months", optionalJson(figures.paybackMonths)},
        {"discounted_payback_months", optionalJson(figures.discountedPaybackMonths)},
        {"break_even_month",
         figures.breakEvenMonth ? nlohmann::json(*figures.breakEvenMonth) : nullptr},
        {"roi_percent", optionalJson(figures.roiPercent)},
        {"total_cost", figures.totalCost},
        {"total_revenue", figures.totalRevenue},
        {"tco", figures.tco},
        {"serving_instances", figures.servingInstances},
        {"serving_cost_per_month", figures.servingCostPerMonth},
        {"cost_per_1000_requests", figures.costPerThousandRequests},
        {"api_gross_margin", figures.apiGrossMargin},
        {"device_hours_per_run", figures.deviceHoursPerRun},
        {"training_cost_per_run", figures.trainingCostPerRun},
        {"energy_cost_per_run", figures.energyCostPerRun},
        {"ltv", optionalJson(figures.ltv)},
        {"cac", optionalJson(figures.cac)},
        {"ltv_to_cac", optionalJson(figures.ltvToCac)},
        {"cac_payback_months", optionalJson(figures.cacPaybackMonths)},
        {"value_per_prediction", figures.valuePerPrediction},
        {"accuracy", figures.accuracy}};
    return out;
}

void printFillReport(std::ostream &out, const roi::FillReport &report)
{
    out << "filled from runs:\n";
    for (const roi::FilledFigure &figure : report.filled)
        out << "  " << figure.key << " = " << formatNumber(figure.value, 4) << "  ("
            << figure.source << ")\n";
    for (const std::string &note : report.notes)
        out << "  note: " << note << "\n";
}

nlohmann::json fillReportJson(const roi::FillReport &report)
{
    nlohmann::json filled = nlohmann::json::array();
    for (const roi::FilledFigure &figure : report.filled)
        filled.push_back({{"key", figure.key}, {"value", figure.value}, {"source", figure.source}});
    return {{"filled", filled}, {"notes", report.notes}};
}

} // namespace mf::cli
