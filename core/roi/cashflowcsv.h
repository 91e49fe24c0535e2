#pragma once

#include <string>

namespace mf::roi {

struct Projection;
struct Scenario;

/// The monthly cash-flow table as CSV (RFC 4180, "\n" line ends, a header row). Columns: month
/// (0-based, as in Projection: month t is discounted by t months), one column per cost category
/// ("cost: Training", ...) and per revenue stream ("revenue: Licences", ...) in display order,
/// then total cost, total revenue, net, cumulative and discounted net (net / (1 + r)^t with r the
/// scenario's monthly discount rate, so the column sums to KeyFigures::npv). Money is in the
/// scenario's currency, named in the header of the totals. Numbers use the C locale ('.' as the
/// decimal point, no grouping) and the shortest text that reads back to the same double.
std::string cashFlowCsv(const Scenario &scenario, const Projection &projection);

/// cashFlowCsv() written with writeFileAtomically(); throws mf::Error naming the path.
void writeCashFlowCsv(const std::string &path, const Scenario &scenario,
                      const Projection &projection);

} // namespace mf::roi
