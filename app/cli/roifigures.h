#pragma once

#include "core/roi/montecarlo.h"
#include "core/roi/projection.h"
#include "core/roi/runfill.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <ostream>

namespace mf::cli {

/// The key figures as a text table: money in the scenario's currency, rates in percent a year,
/// an IRR that has no root or several roots in words.
void printKeyFigures(std::ostream &out, const roi::Scenario &scenario,
                     const roi::KeyFigures &figures);

/// {"npv", "npv_excel", "irr": {"status": "found" | "no root" | "several roots", "annual",
/// "monthly", "roots_annual", "message"}, "mirr_annual", "payback_months", ...}; a figure that
/// does not exist (no payback within the horizon) is null.
nlohmann::json keyFiguresJson(const roi::KeyFigures &figures);

/// The Monte Carlo's percentiles, mean and probability of a loss, money in the currency.
void printMonteCarlo(std::ostream &out, const roi::Scenario &scenario,
                     const roi::MonteCarloResult &result, std::uint64_t seed);
/// {"trials", "seed", "drawn_inputs", "p10", "p50", "p90", "mean", "min", "max",
/// "probability_of_loss"}.
nlohmann::json monteCarloJson(const roi::MonteCarloResult &result, std::uint64_t seed);

/// What a fill from runs wrote ("key = value (source)") and its notes.
void printFillReport(std::ostream &out, const roi::FillReport &report);
/// {"filled": [{"key", "value", "source"}], "notes": [...]}.
nlohmann::json fillReportJson(const roi::FillReport &report);

} // namespace mf::cli
