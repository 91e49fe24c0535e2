#pragma once

#include <array>
#include <limits>
#include <vector>

namespace mf::roi {

struct Scenario;

/// A scenario resolved once into flat arrays, so that it can be evaluated many times with
/// changed input values (the tornado, the Monte Carlo) without maps or strings. Input values are
/// a vector in inputCatalogue() order; the prediction matrices are folded into one value per
/// prediction and the horizon is fixed at compile time. project() evaluates through this class
/// too, so both give identical flows for identical values.
/// Const member functions may run concurrently, each thread with its own Buffers.
class CompiledScenario
{
    static constexpr double kUnset = std::numeric_limits<double>::quiet_NaN();

public:
    enum CostCategory
    {
        TrainingCost,
        EnergyCost,
        ServingCost,
        StorageCost,
        StaffCost,
        OperationsCost,
        MarketingCost,
        CapitalCost,
        CostCategoryCount
    };
    enum RevenueStream
    {
        LicenceRevenue,
        ApiRevenue,
        SubscriptionRevenue,
        ServiceFeeRevenue,
        PlatformFeeRevenue,
        PartnerRevenue,
        PredictionRevenue,
        RevenueStreamCount
    };

    /// Every monthly series of one evaluation, allocated once by makeBuffers().
    struct Buffers
    {
        std::array<std::vector<double>, CostCategoryCount> costs;
        std::array<std::vector<double>, RevenueStreamCount> revenue;
        std::vector<double> totalCost;
        std::vector<double> totalRevenue;
        std::vector<double> netFlow;
        std::vector<double> adoptionShare;
        std::vector<double> newCustomers;
        std::vector<double> customers;
        std::vector<double> mrr;
        std::vector<double> requests;
        std::vector<double> servingEnergy;
        std::vector<double> depreciation;
        std::vector<double> instances;
        /// The (launch month, p, q, initial share) adoptionShare was computed for:
        /// evaluations that leave them unchanged reuse it.
        std::array<double, 4> adoptionKey{kUnset, kUnset, kUnset, kUnset};
    };

    /// Throws mf::ConfigError ("key: reason") when validate(scenario) finds a problem.
    explicit CompiledScenario(const Scenario &scenario);

    int months() const { return m_months; }
    /// The scenario's base values, in inputCatalogue() order.
    const std::vector<double> &baseValues() const { return m_baseValues; }
    /// sum_ij confusion_ij / total * benefit_ij; 0 without matrices.
    double valuePerPrediction() const { return m_valuePerPrediction; }

    Buffers makeBuffers() const;
    /// Fills every series of `buffers` for `values` (inputCatalogue() order; the horizon entry
    /// is ignored). The values must lie in their validated ranges.
    void evaluate(const std::vector<double> &values, Buffers &buffers) const;
    /// evaluate(), then the NPV of the net flows at the monthly discount rate, first month
    /// undiscounted: the same number as keyFigures(scenario, project(scenario)).npv.
    double npv(const std::vector<double> &values, Buffers &buffers) const;

private:
    int m_months = 0;
    std::vector<double> m_baseValues;
    double m_valuePerPrediction = 0.0;
};

} // namespace mf::roi
