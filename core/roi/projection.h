#pragma once

#include "core/roi/finance.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mf::roi {

struct Scenario;

/// A scenario's monthly projection and the figures derived from it. Month 0 is the first month
/// of the horizon; every series has horizonMonths entries. Money is in the scenario's currency.
///
/// Conventions: a month is 365.25 / 12 = 30.4375 days (730.5 hours). Adoption starts at the
/// launch month L: the share is 0 before it and s0 + (1 - s0) F(t - L + 1) from it, with F the
/// Bass curve of a market of 1 and s0 the initial share. Volumes stated "at full adoption"
/// (requests, licences, service fees, platform volume, partner revenue, predictions) are
/// multiplied by that share. Subscribers are the adopters: the new ones of a month are m times
/// the share's growth, each pays a full month from the month they join; MRR rolls forward as
/// MRR(t) = MRR(t-1) (1 - churn + expansion) + new(t) x price.
struct Projection
{
    int months = 0;
    /// Cost per month by category, positive numbers: "Training", "Energy", "Serving", "Storage",
    /// "R&D staff", "Operations", "Marketing and sales", "Capital" (costCategoryNames()).
    std::map<std::string, std::vector<double>> costs;
    /// Revenue or benefit per month by stream: "Licences", "API usage", "Subscriptions",
    /// "Service fees", "Platform fees", "Partner share", "Value of predictions"
    /// (revenueStreamNames()). Positive, except "Value of predictions", which is negative when
    /// the model's mistakes cost more than its correct predictions bring.
    std::map<std::string, std::vector<double>> revenue;
    std::vector<double> totalCost;
    std::vector<double> totalRevenue;
    std::vector<double> netFlow;       ///< totalRevenue - totalCost
    std::vector<double> cumulative;    ///< running sum of netFlow
    std::vector<double> adopters;      ///< cumulative adopters (Bass model plus the initial share)
    std::vector<double> customers;     ///< paying subscribers at the end of each month
    std::vector<double> mrr;           ///< monthly recurring revenue at the end of each month
    std::vector<double> adoptionShare; ///< adopters / market size, 0..1
    std::vector<double> newCustomers;  ///< subscribers won in each month
    std::vector<double> requests;      ///< requests served in each month
    std::vector<double> instances;     ///< serving instances running in each month (whole)
    std::vector<double> servingEnergy; ///< the serving instances' part of "Energy"
    /// Straight-line depreciation of the hardware per month (reporting view; the cash flow
    /// pays the hardware in month 0 under "Capital").
    std::vector<double> depreciation;
};

/// The cost categories and revenue streams of a Projection in display order.
const std::vector<std::string> &costCategoryNames();
const std::vector<std::string> &revenueStreamNames();

/// The monthly rate equivalent to an annual one: (1 + annual)^(1/12) - 1.
double monthlyRate(double annualRate);

/// The headline figures. Rates: monthly discount rate = (1 + annual)^(1/12) - 1; the IRR is found
/// on monthly flows and reported annualised as (1 + monthly)^12 - 1.
struct KeyFigures
{
    double npv = 0.0;      ///< first month undiscounted (numpy-financial convention)
    double npvExcel = 0.0; ///< every month discounted, the first by one month (Excel's NPV)
    IrrResult irrMonthly;
    std::optional<double> irrAnnual;
    std::optional<double> mirrAnnual;
    std::optional<double> paybackMonths;
    std::optional<double> discountedPaybackMonths;
    std::optional<int> breakEvenMonth;
    /// (totalRevenue - totalCost) / totalCost * 100, undiscounted; nullopt without costs.
    std::optional<double> roiPercent;
    double totalCost = 0.0;
    double totalRevenue = 0.0;
    /// Total cost of ownership over the horizon: the hardware's straight-line depreciation
    /// charged within the horizon plus every operating cost (all categories but "Capital").
    double tco = 0.0;
    // Serving, at full adoption (the steady state the ramp reaches)
    int servingInstances = 0;
    double servingCostPerMonth = 0.0;     ///< instance-hours and their energy
    double costPerThousandRequests = 0.0; ///< servingCostPerMonth per 1,000 requests
    /// (API revenue - serving cost incl. its energy) / API revenue over the horizon; 0 when there
    /// is no API revenue.
    double apiGrossMargin = 0.0;
    // Training
    double trainingCostPerRun = 0.0;
    double energyCostPerRun = 0.0;
    double deviceHoursPerRun = 0.0; ///< measured hours x devices, or the FLOPs estimate
    // Subscriptions: LTV = price x gross margin / churn; CAC = acquisition spend over the horizon
    // (cost per customer x new ones + the marketing share) / new subscribers; CAC payback =
    // CAC / (price x gross margin) months. nullopt where a divisor is 0.
    std::optional<double> ltv;
    std::optional<double> cac;
    std::optional<double> ltvToCac;
    std::optional<double> cacPaybackMonths;
    // Predictions
    double valuePerPrediction = 0.0;
    double accuracy = 0.0; ///< from the confusion matrix, 0 when there is none
};

/// One problem with a scenario's inputs: the key (as in the JSON and the catalogue) and a
/// readable reason, e.g. {"subscriptions.churn", "a monthly churn of 1 or more loses every
/// customer each month; enter a fraction below 1"}.
struct InputProblem
{
    std::string key;
    std::string reason;
};

/// Every problem with the scenario (empty when it can be projected): NaN, values outside the
/// catalogue's range, a horizon of 0, a discount rate of -100 % or below, a churn of 1 or more,
/// low > value or high < value, a missing price for a non-zero volume, matrices of the wrong
/// shape, a class count that does not match, an unknown key. Keys of the prediction matrices are
/// "predictionValue.classes", "predictionValue.benefit" and "predictionValue.confusion".
std::vector<InputProblem> validate(const Scenario &scenario);

/// The projection; throws mf::ConfigError naming the first problem ("key: reason") when
/// validate() is not empty. Never produces NaN.
Projection project(const Scenario &scenario);

/// The key figures of a projection of `scenario`.
KeyFigures keyFigures(const Scenario &scenario, const Projection &projection);

} // namespace mf::roi
