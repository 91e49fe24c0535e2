#pragma once

#include <map>
#include <string>
#include <vector>

namespace mf::roi {

/// How an uncertain input is drawn in the Monte Carlo.
enum class Distribution
{
    Fixed,
    Triangular,
    Pert
};

/// One number of a scenario. `value` is the base case; `low` and `high` bound it for the worst /
/// best scenarios, the tornado and the Monte Carlo (low <= value <= high; equal when the input is
/// certain). `source` and `asOf` (ISO date, YYYY-MM-DD) say where a price came from; a figure
/// filled from a run names the run and the measurement in `source`.
struct Input
{
    double value = 0.0;
    double low = 0.0;
    double high = 0.0;
    Distribution distribution = Distribution::Fixed;
    std::string source;
    std::string asOf;
};

/// A certain input: low = high = value.
Input certainInput(double value, std::string source = {}, std::string asOf = {});

/// The value of predictions: what each (true class, predicted class) outcome is worth, and how
/// often each happens. `benefit[i][j]` is the money gained (positive) or lost (negative) when an
/// item of true class i is predicted as class j; `confusion[i][j]` counts the test items of true
/// class i predicted as j (a run's measured confusion matrix). Both are n x n over `classes`.
/// The value per prediction is sum_ij confusion[i][j] / total * benefit[i][j].
struct PredictionValue
{
    std::vector<std::string> classes;
    std::vector<std::vector<double>> benefit;
    std::vector<std::vector<double>> confusion;
    std::string confusionSource; ///< e.g. "run 12, test set (10000 items)"
    std::string benefitSource;   ///< how the benefit figures were derived, with their sources
};

/// A whole ROI scenario. `inputs` maps the keys of inputCatalogue() (inputcatalogue.h) to their
/// values; a key missing from the map takes the catalogue's default. Everything the projection
/// uses is in here, so a scenario saved as JSON re-opens and recomputes identically.
struct Scenario
{
    std::string name;
    std::string currency = "USD"; ///< ISO 4217 code, shown with every money figure
    std::string notes;            ///< the assumptions in words, shown in the report
    std::map<std::string, Input> inputs;
    PredictionValue predictionValue;
    std::vector<int> sourceRuns; ///< run ids the filled figures came from

    /// The input for `key`: the scenario's own, else the catalogue default. Throws
    /// mf::ConfigError for a key that is not in the catalogue.
    Input input(const std::string &key) const;
    double value(const std::string &key) const { return input(key).value; }
    /// Sets the base value of `key` (starting from the catalogue default when absent). A
    /// certain input (low == high) stays certain; otherwise low and high widen to include the
    /// new value. Throws mf::ConfigError for a key that is not in the catalogue.
    void setValue(const std::string &key, double value);
};

} // namespace mf::roi
