#pragma once

#include "core/roi/inputcatalogue.h"

#include <QCoreApplication>
#include <QString>

#include <string>

namespace mf {

/// The translated words of the ROI engine: the catalogue's groups, labels and tooltips, and the
/// projection's cost categories and revenue streams. The engine speaks English; the texts are
/// listed here for lupdate, so a text the catalogue changes falls back to English until the
/// table follows (tst_roipage checks that it does).
class RoiText
{
    Q_DECLARE_TR_FUNCTIONS(mf::RoiText)
public:
    static QString label(const roi::InputSpec &spec);
    static QString toolTip(const roi::InputSpec &spec);
    static QString group(const std::string &group);
    /// A cost category or revenue stream of a Projection ("R&D staff", "API usage").
    static QString category(const std::string &name);
    /// The label of an input key, or the key itself when it is none ("predictionValue.benefit").
    static QString keyLabel(const std::string &key);
    /// Whether `text` is in the table that lupdate reads.
    static bool isListed(const std::string &text);
};

} // namespace mf
