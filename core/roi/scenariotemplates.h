#pragma once

#include "core/roi/scenario.h"

#include <string>
#include <vector>

namespace mf::roi {

/// A starting scenario from an industry case. Every catalogue input is set explicitly with a
/// `source` saying where it comes from ("assumption: ..."), the uncertain ones with a range and
/// a distribution, and `notes` describes the assumptions in words: nothing is hidden.
struct ScenarioTemplate
{
    std::string id; ///< "credit-risk", "medical-screening", "tutoring"
    Scenario scenario;
};

/// The templates in menu order.
std::vector<ScenarioTemplate> scenarioTemplates();

/// Finance: a lender's application scoring model valued by the loans it declines (benefit matrix
/// over good / bad loans: principal x LGD saved, margin lost).
Scenario creditRiskTemplate();
/// Healthcare: an image-reading model in a screening programme (a missed case costs a lot, a
/// false alarm costs a follow-up).
Scenario medicalScreeningTemplate();
/// Education: a tutoring app sold by subscription, adoption from the Bass model.
Scenario tutoringTemplate();

} // namespace mf::roi
