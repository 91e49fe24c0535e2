#include "core/roi/bass.h"

#include "core/util/error.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace mf::roi {

namespace {

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof(text), "%.6g", value);
    return text;
}

void checkModel(const BassModel &model)
{
    const auto require = [](bool ok, const char *what, double value) {
        if (!ok)
            throw ConfigError(std::string("The Bass diffusion model needs ") + what + "; " +
                              number(value) + " was given.");
    };
    require(std::isfinite(model.marketSize) && model.marketSize >= 0.0,
            "a finite market size of 0 or more", model.marketSize);
    require(std::isfinite(model.innovation) && model.innovation > 0.0,
            "a finite innovation coefficient p above 0", model.innovation);
    require(std::isfinite(model.imitation) && model.imitation >= 0.0,
            "a finite imitation coefficient q of 0 or more", model.imitation);
}

void checkTime(double months)
{
    if (std::isnan(months) || months < 0.0)
        throw ConfigError("The Bass diffusion model starts at month 0; month " + number(months) +
                          " was asked for.");
}

void checkMonths(int months)
{
    if (months < 0)
        throw ConfigError("The Bass diffusion model needs 0 or more months; " +
                          std::to_string(months) + " were asked for.");
}

} // namespace

// Written as m p (1 - E) / (p + q E), E = e^{-(p+q)t}: no q/p that overflows for a tiny p, and
// expm1 keeps 1 - E exact for small t.
double bassCumulative(const BassModel &model, double months)
{
    checkModel(model);
    checkTime(months);
    const double p = model.innovation;
    const double q = model.imitation;
    const double decay = std::exp(-(p + q) * months);
    return model.marketSize * p * -std::expm1(-(p + q) * months) / (p + q * decay);
}

double bassAdoptionRate(const BassModel &model, double months)
{
    checkModel(model);
    checkTime(months);
    const double p = model.innovation;
    const double q = model.imitation;
    const double decay = std::exp(-(p + q) * months);
    const double denominator = p + q * decay;
    return model.marketSize * p * (p + q) * (p + q) * decay / (denominator * denominator);
}

std::vector<double> bassCumulativeByMonth(const BassModel &model, int months)
{
    checkMonths(months);
    std::vector<double> cumulative(static_cast<std::size_t>(months));
    for (int i = 0; i < months; ++i)
        cumulative[static_cast<std::size_t>(i)] = bassCumulative(model, i + 1.0);
    return cumulative;
}

// F(b) - F(a) = m p (p+q) (E_a - E_b) / ((p + q E_a)(p + q E_b)), with E_a - E_b computed as
// -E_a expm1(-(p+q)(b-a)): positive and accurate where a subtraction of two F values close to
// m would lose every digit.
std::vector<double> bassNewAdoptersByMonth(const BassModel &model, int months)
{
    checkModel(model);
    checkMonths(months);
    const double p = model.innovation;
    const double q = model.imitation;
    const double oneMonthDecay = -std::expm1(-(p + q)); // 1 - e^{-(p+q)}
    std::vector<double> added(static_cast<std::size_t>(months));
    for (int i = 0; i < months; ++i) {
        const double decayStart = std::exp(-(p + q) * i);
        const double decayEnd = std::exp(-(p + q) * (i + 1.0));
        added[static_cast<std::size_t>(i)] = model.marketSize * p * (p + q) * decayStart *
                                             oneMonthDecay /
                                             ((p + q * decayStart) * (p + q * decayEnd));
    }
    return added;
}

double bassPeakMonth(const BassModel &model)
{
    checkModel(model);
    if (model.imitation <= model.innovation)
        return 0.0;
    return std::log(model.imitation / model.innovation) / (model.innovation + model.imitation);
}

} // namespace mf::roi
