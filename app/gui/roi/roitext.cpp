#include "app/gui/roi/roitext.h"

#include "core/roi/projection.h"

#include <cstring>

namespace mf {

namespace {

// Generated from inputCatalogue(): every group, label and tooltip, for lupdate.
const char *const kCatalogueTexts[] = {
    QT_TRANSLATE_NOOP("mf::RoiText", "General"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Training"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Energy"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Serving"),
    QT_TRANSLATE_NOOP("mf::RoiText", "People and running costs"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Capital"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Revenue"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Subscriptions"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Adoption"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Horizon"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Length of the projection in months (1 to 600)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Launch month"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Month the model goes live (0 = the first month): volumes, serving, revenue "
                      "and adoption start then; R&D and development runs start in month 0."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Discount rate"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Annual rate future cash flows are discounted at (% per "
                                     "year); the monthly rate is (1 + annual)^(1/12) - 1."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Finance rate"),
    QT_TRANSLATE_NOOP(
        "mf::RoiText",
        "Annual cost of financing the negative cash flows, for the MIRR (% per year)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Reinvestment rate"),
    QT_TRANSLATE_NOOP(
        "mf::RoiText",
        "Annual rate the positive cash flows are reinvested at, for the MIRR (% per year)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Hours per run (each device)"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Wall-clock hours one training run keeps each device busy (hours), e.g. a "
                      "run's measured wall time. 0 estimates it from the FLOPs below."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Devices per run"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Devices (GPUs or CPU sockets) one run uses in parallel "
                                     "(count); device-hours per run = hours per run x devices."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Retraining runs per year"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Training runs per year to keep the model current (runs per "
                                     "year); spread evenly over the months."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Development runs"),
    QT_TRANSLATE_NOOP(
        "mf::RoiText",
        "Extra runs in the first month for development and hyper-parameter search (runs)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Price per device-hour"),
    QT_TRANSLATE_NOOP("mf::RoiText", "What one device-hour costs (currency per device-hour), e.g. "
                                     "a cloud GPU's on-demand price."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Power per device"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Power one device draws under load (kW); 0 when the device-hour price "
                      "already includes power, as cloud prices do."),
    QT_TRANSLATE_NOOP("mf::RoiText", "FLOPs per run (estimate)"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Floating-point operations of one run (FLOPs), used when "
                                     "hours per run is 0. 0 takes 6 x parameters x tokens."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Parameters (estimate)"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Trainable parameters of a transformer-style model (count), "
                                     "for FLOPs = 6 x parameters x tokens."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Training tokens (estimate)"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Tokens seen in one run (count), for FLOPs = 6 x parameters x tokens."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Peak FLOP/s per device"),
    QT_TRANSLATE_NOOP("mf::RoiText", "The device's peak floating-point operations per second "
                                     "(FLOP/s) at the precision trained in, for the estimate."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Utilisation (estimate)"),
    QT_TRANSLATE_NOOP(
        "mf::RoiText",
        "Share of the peak FLOP/s a run achieves (%, 1 to 100 %, typically 30-50 %), for the "
        "estimate: device-hours = FLOPs / (peak FLOP/s x utilisation) / 3600."),
    QT_TRANSLATE_NOOP("mf::RoiText", "PUE"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Power usage effectiveness of the data centre (ratio, 1 or "
                                     "more): facility power per unit of IT power."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Electricity price"),
    QT_TRANSLATE_NOOP("mf::RoiText", "What one kilowatt-hour costs (currency per kWh)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Requests per day"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Prediction requests per day at full adoption (requests per "
                                     "day); the adoption curve ramps up to it."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Peak factor"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Busiest second's rate over the day's average rate (ratio, 1 or more)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Throughput per instance"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Requests per second one instance sustains (requests/s), as "
                                     "measured. 0 takes 1000 / latency (one request at a time)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Latency"),
    QT_TRANSLATE_NOOP(
        "mf::RoiText",
        "Time to answer one request (ms), as measured; used for the throughput when that is 0."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Target utilisation"),
    QT_TRANSLATE_NOOP(
        "mf::RoiText",
        "Share of an instance's throughput planned for at peak (%, 1 to 100 %), leaving headroom."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Spare instances"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Instances kept on top of those the peak needs (count): 1 for N+1."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Price per instance-hour"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "What one serving instance costs per hour (currency per instance-hour)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Power per instance"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Power one serving instance draws (kW); 0 when the instance "
                                     "price already includes power, as cloud prices do."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Storage"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Data, checkpoints and logs kept (GB)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Storage price"),
    QT_TRANSLATE_NOOP("mf::RoiText", "What one gigabyte costs per month (currency per GB-month)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "R&D staff"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "People building the model and product (full-time equivalents, count)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "R&D months"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Months the R&D staff work on it, from the first month (months)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Loaded cost per person"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Salary plus overheads of one person per month (currency per month)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Operations"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Monitoring, support and upkeep per month (currency per month)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Marketing and sales"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Marketing and sales spend per month (currency per month)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Hardware"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Capital bought up front, paid in the first month (currency)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Useful life"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Months the hardware is depreciated over, straight line (months)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Salvage value"),
    QT_TRANSLATE_NOOP(
        "mf::RoiText",
        "What the hardware is worth at the end of its life (currency); at most its price."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Licences sold per month"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Licences sold per month at full adoption (units per month)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Licence price"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Price of one licence (currency)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "API price"),
    QT_TRANSLATE_NOOP(
        "mf::RoiText",
        "Price per 1,000 API calls (currency per 1,000 calls); every served request is a call."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Service fees"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Fees for integration, training and support per month at full "
                                     "adoption (currency per month)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Platform volume (GMV)"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Gross merchandise value through the platform per month at "
                                     "full adoption (currency per month)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Take rate"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Share of the platform volume kept as fees (%)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Partner revenue"),
    QT_TRANSLATE_NOOP(
        "mf::RoiText",
        "Partners' revenue from the model per month at full adoption (currency per month)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Our share of partner revenue"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Share of the partners' revenue paid to us (%)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Predictions per month"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Predictions the model makes per month at full adoption (count per month), "
                      "each worth the value per prediction of the benefit and confusion matrices."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Subscription price"),
    QT_TRANSLATE_NOOP(
        "mf::RoiText",
        "Price per subscriber per month (currency per month); every adopter subscribes."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Churn"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Share of subscribers who leave each month (% per month, below 100 %)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Expansion"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Growth of the remaining subscribers' revenue each month from "
                                     "upgrades (% of recurring revenue per month)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Gross margin"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Share of subscription revenue left after the cost of serving "
                                     "it (%), for the lifetime value."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Acquisition cost per customer"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Sales and advertising spent per new subscriber (currency per "
                                     "customer), on top of the monthly marketing."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Marketing share for acquisition"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Share of the monthly marketing and sales spend that wins "
                                     "subscribers (%), counted in the acquisition cost (CAC)."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Market size (m)"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Everyone who will adopt in the end (customers or users, count). Volumes at "
                      "full adoption are reached when all of them have."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Innovation (p)"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Bass innovation coefficient (per month, above 0): adoption "
                                     "on one's own. Typical: 0.001 to 0.03 per month."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Imitation (q)"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Bass imitation coefficient (per month): adoption because "
                                     "others adopted. Typical: 0.02 to 0.1 per month."),
    QT_TRANSLATE_NOOP("mf::RoiText", "Adopted at launch"),
    QT_TRANSLATE_NOOP("mf::RoiText",
                      "Share of the market reached in the launch month on top of the Bass curve "
                      "(%), e.g. a pilot; they count as new subscribers then. 100 % runs every "
                      "volume at full adoption from launch."),
    // The projection's cost categories and revenue streams.
    QT_TRANSLATE_NOOP("mf::RoiText", "Training"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Energy"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Serving"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Storage"),
    QT_TRANSLATE_NOOP("mf::RoiText", "R&D staff"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Operations"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Marketing and sales"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Capital"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Licences"),
    QT_TRANSLATE_NOOP("mf::RoiText", "API usage"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Subscriptions"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Service fees"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Platform fees"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Partner share"),
    QT_TRANSLATE_NOOP("mf::RoiText", "Value of predictions"),
};

QString translated(const std::string &text)
{
    return QCoreApplication::translate("mf::RoiText", text.c_str());
}

} // namespace

QString RoiText::label(const roi::InputSpec &spec)
{
    return translated(spec.label);
}

QString RoiText::toolTip(const roi::InputSpec &spec)
{
    return translated(spec.tooltip);
}

QString RoiText::group(const std::string &group)
{
    return translated(group);
}

QString RoiText::category(const std::string &name)
{
    return translated(name);
}

QString RoiText::keyLabel(const std::string &key)
{
    if (const roi::InputSpec *spec = roi::findInput(key))
        return label(*spec);
    if (key == "predictionValue.classes")
        return tr("Classes");
    if (key == "predictionValue.benefit")
        return tr("Benefit matrix");
    if (key == "predictionValue.confusion")
        return tr("Confusion matrix");
    if (key == "currency")
        return tr("Currency");
    return QString::fromStdString(key);
}

bool RoiText::isListed(const std::string &text)
{
    for (const char *listed : kCatalogueTexts)
        if (text == listed)
            return true;
    return false;
}

} // namespace mf
