#include "core/roi/scenariotemplates.h"

#include "core/roi/inputcatalogue.h"

namespace mf::roi {

namespace {

const char *const kNotUsed = "not part of this case";
const char *const kCloudPower = "assumption: 0, the cloud price includes power";

/// Starts from every catalogue input at its default, marked as not part of the case, so that a
/// template lists every number it uses.
class TemplateBuilder
{
public:
    TemplateBuilder(std::string name, std::string currency)
    {
        m_scenario.name = std::move(name);
        m_scenario.currency = std::move(currency);
        for (const InputSpec &spec : inputCatalogue())
            m_scenario.inputs[spec.key] = certainInput(spec.defaultValue, kNotUsed);
    }

    TemplateBuilder &set(const char *key, double value, const char *source)
    {
        m_scenario.inputs.at(key) = certainInput(value, source);
        return *this;
    }

    TemplateBuilder &range(const char *key, double low, double value, double high,
                           Distribution distribution, const char *source)
    {
        Input input = certainInput(value, source);
        input.low = low;
        input.high = high;
        input.distribution = distribution;
        m_scenario.inputs.at(key) = input;
        return *this;
    }

    Scenario &scenario() { return m_scenario; }

private:
    Scenario m_scenario;
};

void creditRiskCosts(TemplateBuilder &b)
{
    b.set("general.horizonMonths", 60, "assumption: a five-year business case")
        .range("general.launchMonth", 6, 9, 14, Distribution::Triangular,
               "assumption: 9 months to build, validate and approve the model")
        .set("general.discountRateAnnual", 0.10,
             "assumption: 10 % a year, a typical hurdle rate for a bank's internal projects")
        .set("general.financeRateAnnual", 0.05, "assumption: the bank's funding cost, 5 % a year")
        .set("general.reinvestRateAnnual", 0.10, "assumption: reinvested at the hurdle rate")
        .set("training.deviceHoursPerRun", 0.5,
             "assumption: half an hour on one GPU for a tabular model; fill from a run")
        .set("training.devices", 1, "assumption: one GPU")
        .set("training.runsPerYear", 12, "assumption: monthly retraining to follow drift")
        .set("training.initialRuns", 50, "assumption: 50 runs of hyper-parameter search")
        .range("training.pricePerDeviceHour", 1.0, 1.5, 3.0, Distribution::Triangular,
               "assumption: on-demand price of one cloud GPU; replace with your provider's")
        .set("training.deviceKw", 0, kCloudPower)
        .set("energy.pue", 1.2, "assumption: 1.2, a modern data centre")
        .set("energy.pricePerKwh", 0.15, "assumption: 0.15 per kWh (no power is billed here)")
        .range("serving.requestsPerDay", 1500, 2000, 3000, Distribution::Pert,
               "assumption: 100 applications and 1,900 re-scored accounts a day")
        .set("serving.peakFactor", 5, "assumption: office hours and month-end batches")
        .set("serving.throughputPerInstance", 200,
             "assumption: 200 requests/s on one CPU instance; fill from the run's measurement")
        .set("serving.latencyMs", 5, "assumption: 5 ms per request; fill from the run")
        .set("serving.targetUtilisation", 0.6, "assumption: 60 % at peak, 40 % headroom")
        .set("serving.redundancy", 1, "assumption: N+1 for availability")
        .set("serving.pricePerInstanceHour", 0.10,
             "assumption: a small cloud CPU instance; replace with your provider's price")
        .set("serving.instanceKw", 0, kCloudPower)
        .set("storage.gigabytes", 200, "assumption: application history and model versions")
        .set("storage.pricePerGbMonth", 0.023, "assumption: cloud object storage, 0.023 per GB")
        .set("staff.people", 3, "assumption: two data scientists and one engineer")
        .set("staff.months", 12, "assumption: the team stays 3 months after the launch")
        .range("staff.loadedCostPerMonth", 10000, 12000, 15000, Distribution::Triangular,
               "assumption: salary plus 30 % overheads")
        .range("operations.perMonth", 3000, 4000, 6000, Distribution::Pert,
               "assumption: monitoring and the yearly independent validation (model risk)")
        .set("marketing.perMonth", 0, "assumption: an internal tool, nothing to market");
}

void creditRiskBenefits(TemplateBuilder &b)
{
    b.range("predictions.perMonth", 700, 1000, 1300, Distribution::Pert,
            "assumption: 1,000 loan applications decided a month")
        .set("adoption.marketSize", 40, "assumption: 40 branches take the model up")
        .set("adoption.innovation", 0.15, "assumption: a rollout the bank drives itself")
        .set("adoption.imitation", 0.3, "assumption: branches follow the others quickly")
        .set("adoption.initialShare", 0.25, "assumption: a pilot on a quarter of applications");
    PredictionValue &p = b.scenario().predictionValue;
    p.classes = {"good loan", "bad loan"};
    // Rows: the true class; columns: predicted good (approve), predicted bad (reject).
    p.benefit = {{0.0, -800.0}, {0.0, 4500.0}};
    p.benefitSource =
        "Compared with approving every application. Rejecting a bad loan saves what approving "
        "it would lose: principal x LGD = 10,000 x 45 % = 4,500 (assumption: 10,000 average "
        "principal; LGD 45 %, the Basel II foundation IRB value for senior unsecured claims). "
        "Rejecting a good loan loses its margin: 10,000 x 4 % a year x 2 years = 800 "
        "(assumption: 4 % net interest margin, 2-year average life). Approvals change nothing.";
    p.confusion = {{874.0, 46.0}, {28.0, 52.0}};
    p.confusionSource = "assumption: 1,000 illustrative test applications with 8 % defaults; "
                        "fill from a run's confusion matrix";
}

void medicalCosts(TemplateBuilder &b)
{
    b.set("general.horizonMonths", 60, "assumption: a five-year programme")
        .range("general.launchMonth", 12, 18, 30, Distribution::Pert,
               "assumption: 18 months including the medical-device certification")
        .set("general.discountRateAnnual", 0.035,
             "assumption: 3.5 % a year, the rate NICE uses in health technology appraisal")
        .set("general.financeRateAnnual", 0.035, "assumption: as the discount rate")
        .set("general.reinvestRateAnnual", 0.035, "assumption: as the discount rate")
        .set("training.deviceHoursPerRun", 6, "assumption: 6 hours per run; fill from a run")
        .set("training.devices", 1, "assumption: one GPU")
        .set("training.runsPerYear", 2, "assumption: a locked model, retrained twice a year")
        .set("training.initialRuns", 100, "assumption: 100 development runs")
        .range("training.pricePerDeviceHour", 2.0, 2.5, 4.0, Distribution::Triangular,
               "assumption: on-demand price of one cloud GPU; replace with your provider's")
        .set("training.deviceKw", 0, kCloudPower)
        .set("energy.pue", 1.5, "assumption: 1.5, a hospital server room")
        .set("energy.pricePerKwh", 0.20, "assumption: 0.20 per kWh")
        .set("serving.requestsPerDay", 131.5, "assumption: 4,000 screens a month, one image each")
        .set("serving.peakFactor", 4, "assumption: screening happens in clinic hours")
        .set("serving.throughputPerInstance", 8,
             "assumption: 8 images/s on one GPU; fill from the run's measurement")
        .set("serving.latencyMs", 120, "assumption: 120 ms per image; fill from the run")
        .set("serving.targetUtilisation", 0.5, "assumption: 50 % at peak")
        .set("serving.redundancy", 1, "assumption: N+1, screening must not stop")
        .range("serving.pricePerInstanceHour", 0.9, 1.2, 1.8, Distribution::Triangular,
               "assumption: a GPU server in the hospital, billed internally per hour")
        .set("serving.instanceKw", 0.5, "assumption: 0.5 kW per GPU server, billed separately")
        .set("storage.gigabytes", 2000, "assumption: images kept for audit")
        .set("storage.pricePerGbMonth", 0.023, "assumption: 0.023 per GB-month")
        .set("staff.people", 4, "assumption: ML, clinical and regulatory staff")
        .set("staff.months", 24, "assumption: the team stays 6 months after the launch")
        .set("staff.loadedCostPerMonth", 14000, "assumption: salary plus overheads")
        .range("operations.perMonth", 8000, 12000, 18000, Distribution::Pert,
               "assumption: clinical QA, post-market surveillance, PACS support")
        .set("marketing.perMonth", 0, "assumption: run by the programme itself")
        .set("capital.hardware", 25000, "assumption: integration hardware at the clinics")
        .set("capital.lifeMonths", 48, "assumption: 4-year useful life")
        .set("capital.salvage", 2000, "assumption: resale value after 4 years");
}

void medicalBenefits(TemplateBuilder &b)
{
    b.range("predictions.perMonth", 3000, 4000, 5000, Distribution::Pert,
            "assumption: a regional programme screening 48,000 people a year")
        .set("adoption.marketSize", 12, "assumption: 12 clinics join")
        .set("adoption.innovation", 0.05, "assumption: clinics join at their own pace")
        .set("adoption.imitation", 0.25, "assumption: clinics follow those that joined")
        .set("adoption.initialShare", 0.1, "assumption: one pilot clinic of 12");
    PredictionValue &p = b.scenario().predictionValue;
    p.classes = {"healthy", "disease"};
    // Rows: the true class; columns: predicted healthy (cleared), predicted disease (flagged).
    p.benefit = {{-40.0, -340.0}, {-5040.0, 19660.0}};
    p.benefitSource =
        "Compared with not screening, per person screened; every cell includes the imaging, 40 "
        "(assumption). A false alarm costs a follow-up examination, 300 (assumption). A case "
        "found early saves 20,000 of late-stage treatment (assumption, illustrative) less the "
        "follow-up. A missed case costs 5,000 more than no screening, as false reassurance "
        "delays the diagnosis (assumption, illustrative). Replace with your health system's "
        "tariffs.";
    p.confusion = {{9452.0, 498.0}, {7.0, 43.0}};
    p.confusionSource = "assumption: 10,000 illustrative screens, 0.5 % prevalence, 86 % "
                        "sensitivity, 95 % specificity; fill from a run's confusion matrix";
}

void tutoringCosts(TemplateBuilder &b)
{
    b.set("general.horizonMonths", 60, "assumption: a five-year plan")
        .range("general.launchMonth", 4, 6, 10, Distribution::Triangular,
               "assumption: 6 months to a first release")
        .range("general.discountRateAnnual", 0.10, 0.15, 0.25, Distribution::Triangular,
               "assumption: 15 % a year, a young company's cost of capital")
        .set("general.financeRateAnnual", 0.10, "assumption: 10 % a year borrowing")
        .set("general.reinvestRateAnnual", 0.15, "assumption: reinvested at the discount rate")
        .set("training.deviceHoursPerRun", 0,
             "assumption: 0, estimated from the FLOPs below (6 x parameters x tokens)")
        .set("training.devices", 8, "assumption: 8 GPUs per run")
        .set("training.runsPerYear", 4, "assumption: a fine-tune each quarter")
        .set("training.initialRuns", 3, "assumption: 3 fine-tunes before launch")
        .range("training.pricePerDeviceHour", 1.5, 2.0, 4.0, Distribution::Triangular,
               "assumption: on-demand price of one cloud GPU; replace with your provider's")
        .set("training.deviceKw", 0, kCloudPower)
        .set("training.parameters", 1e9, "assumption: a 1-billion-parameter language model")
        .set("training.tokens", 2e9, "assumption: 2 billion tokens of tutoring dialogues")
        .set("training.peakFlopsPerSecond", 3.12e14,
             "assumption: 312 TFLOP/s, an A100's dense BF16 peak (NVIDIA data sheet)")
        .range("training.utilisation", 0.3, 0.4, 0.5, Distribution::Triangular,
               "assumption: 40 % of peak, typical for transformer training")
        .set("energy.pue", 1.2, "assumption: 1.2, a modern data centre")
        .set("energy.pricePerKwh", 0.15, "assumption: 0.15 per kWh (no power is billed here)")
        .set("serving.requestsPerDay", 600000,
             "assumption: 30,000 students asking 20 questions a day at full adoption")
        .set("serving.peakFactor", 4, "assumption: homework evenings")
        .range("serving.throughputPerInstance", 15, 25, 40, Distribution::Pert,
               "assumption: 25 answers/s per GPU with batching; fill from the run's measurement")
        .set("serving.latencyMs", 400, "assumption: 400 ms per answer; fill from the run")
        .set("serving.targetUtilisation", 0.6, "assumption: 60 % at peak")
        .set("serving.redundancy", 1, "assumption: N+1")
        .range("serving.pricePerInstanceHour", 1.2, 1.8, 2.5, Distribution::Triangular,
               "assumption: one cloud GPU instance; replace with your provider's price")
        .set("serving.instanceKw", 0, kCloudPower)
        .set("storage.gigabytes", 500, "assumption: dialogues and model versions")
        .set("storage.pricePerGbMonth", 0.023, "assumption: cloud object storage")
        .set("staff.people", 5, "assumption: ML, app and content staff")
        .set("staff.months", 12, "assumption: one year to launch and grow")
        .set("staff.loadedCostPerMonth", 11000, "assumption: salary plus overheads")
        .set("operations.perMonth", 3000, "assumption: support and content upkeep")
        .range("marketing.perMonth", 10000, 15000, 25000, Distribution::Pert,
               "assumption: a steady marketing budget");
}

void tutoringRevenue(TemplateBuilder &b)
{
    b.range("subscriptions.pricePerMonth", 12, 15, 20, Distribution::Triangular,
            "assumption: 15 a month, in line with consumer tutoring apps")
        .range("subscriptions.churn", 0.04, 0.06, 0.10, Distribution::Pert,
               "assumption: 6 % a month, typical of consumer education apps")
        .set("subscriptions.expansion", 0.005, "assumption: upgrades to family plans")
        .set("subscriptions.grossMargin", 0.85, "assumption: 85 % after serving and payment fees")
        .range("subscriptions.cacPerCustomer", 25, 40, 70, Distribution::Pert,
               "assumption: 40 of paid acquisition per subscriber")
        .set("subscriptions.marketingShare", 0.5,
             "assumption: half the marketing budget wins subscribers")
        .range("adoption.marketSize", 20000, 30000, 50000, Distribution::Pert,
               "assumption: 30,000 students in the reachable market")
        .range("adoption.innovation", 0.005, 0.01, 0.02, Distribution::Triangular,
               "assumption: Bass p of 0.01 a month")
        .range("adoption.imitation", 0.04, 0.08, 0.12, Distribution::Triangular,
               "assumption: Bass q of 0.08 a month, word of mouth among students")
        .set("adoption.initialShare", 0, "assumption: a new product, no users at launch");
}

} // namespace

Scenario creditRiskTemplate()
{
    TemplateBuilder b("Credit-risk scoring", "EUR");
    creditRiskCosts(b);
    creditRiskBenefits(b);
    b.scenario().notes =
        "A lender scores loan applications with a model and declines those it predicts to "
        "default. The model's value is counted against approving every application: each bad "
        "loan it declines saves the principal times the loss given default (10,000 x 45 % = "
        "4,500), each good loan it declines loses the margin (800). The confusion matrix is an "
        "illustrative one with 8 % defaults until a run fills it. 1,000 applications a month "
        "are decided once every branch uses the model; it goes live after about 9 months of "
        "building and validation, with a pilot covering a quarter of applications from then. "
        "Three people work on it for a year; monitoring and the yearly model-risk validation "
        "cost about 4,000 a month. Training and serving run in the "
        "cloud, monthly retraining, N+1 CPU instances. Nothing is sold: there is no revenue "
        "besides the value of the decisions.";
    return b.scenario();
}

Scenario medicalScreeningTemplate()
{
    TemplateBuilder b("Medical screening", "EUR");
    medicalCosts(b);
    medicalBenefits(b);
    b.scenario().notes =
        "A screening programme reads images with a model that flags suspected disease for a "
        "follow-up. Counted against not screening, per person: the imaging costs 40, a false "
        "alarm adds a 300 follow-up, a case found early saves 20,000 of late-stage treatment, "
        "and a missed case costs 5,000 more than no screening because false reassurance delays "
        "the diagnosis. The confusion matrix is illustrative (0.5 % prevalence, 86 % "
        "sensitivity, 95 % specificity) until a run fills it. The model goes live after about 18 "
        "months including certification; four people work on it for two years. 4,000 people "
        "a month are screened once 12 clinics have joined; clinical QA and surveillance cost "
        "about 12,000 a month. Costs are discounted at 3.5 % a year as in "
        "NICE appraisals. Every money figure is illustrative: replace it with your tariffs.";
    return b.scenario();
}

Scenario tutoringTemplate()
{
    TemplateBuilder b("Tutoring app", "USD");
    tutoringCosts(b);
    tutoringRevenue(b);
    b.scenario().notes =
        "Students subscribe to an AI tutor for 15 a month. Adoption follows the Bass model over "
        "a market of 30,000 students (p = 0.01, q = 0.08 a month); 6 % of subscribers leave each "
        "month and the rest grow their spend 0.5 % a month. Each new subscriber costs 40 of paid "
        "acquisition, and half of the 15,000 monthly marketing budget counts towards acquisition "
        "too. A 1-billion-parameter model is fine-tuned on 2 billion tokens each quarter, "
        "estimated as 6 x parameters x tokens FLOPs at 40 % of an A100's peak. At full adoption "
        "students ask 600,000 questions a day, served by cloud GPUs at 60 % utilisation with one "
        "spare. Five people build the product in its first year; it launches after about 6 "
        "months.";
    return b.scenario();
}

std::vector<ScenarioTemplate> scenarioTemplates()
{
    return {{"credit-risk", creditRiskTemplate()},
            {"medical-screening", medicalScreeningTemplate()},
            {"tutoring", tutoringTemplate()}};
}

} // namespace mf::roi
