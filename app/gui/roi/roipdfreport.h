#pragma once

#include "core/roi/montecarlo.h"
#include "core/roi/projection.h"
#include "core/roi/scenario.h"
#include "core/roi/sensitivity.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QString>

#include <optional>

class QPagedPaintDevice;

namespace mf {

class RoiReportPainter;

/// The ROI report as a multi-page A4 PDF drawn with Qt's own PDF writer: a title page, the key
/// figures (with worst / base / best and the Monte Carlo when given), every chart, the inputs with
/// their sources and as-of dates, the value-of-predictions matrices, the assumptions (the
/// scenario's notes) and the runs the figures came from. Text stays text, so the PDF can be
/// searched and read back (pdftotext).
///
/// Threading: GUI thread (Qt Charts lay out in a QGraphicsScene). Takes well under a second.
class RoiPdfReport
{
    Q_DECLARE_TR_FUNCTIONS(mf::RoiPdfReport)
public:
    explicit RoiPdfReport(roi::Scenario scenario,
                          std::optional<roi::MonteCarloResult> monteCarlo = std::nullopt);

    void setLocale(const QLocale &locale) { m_locale = locale; }
    /// The date on the title page (default: today).
    void setDate(const QDate &date) { m_date = date; }

    /// Writes the report to `path` (replaced only once complete). False with a readable
    /// `error` when the scenario cannot be projected or the file cannot be written.
    bool write(const QString &path, QString *error);

    /// RoiPdfReport(scenario, monteCarlo).write(path, error).
    static bool write(const roi::Scenario &scenario,
                      const std::optional<roi::MonteCarloResult> &monteCarlo, const QString &path,
                      QString *error);

private:
    /// Draws the report; the page count when done (0 when the device cannot be painted on).
    int render(QPagedPaintDevice *device, int totalPages) const;
    void titlePage(RoiReportPainter &out) const;
    void keyFigures(RoiReportPainter &out) const;
    void charts(RoiReportPainter &out) const;
    void inputs(RoiReportPainter &out) const;
    void predictionValue(RoiReportPainter &out) const;
    void assumptions(RoiReportPainter &out) const;
    void sources(RoiReportPainter &out) const;

    roi::Scenario m_scenario;
    roi::Projection m_projection;
    roi::KeyFigures m_figures;
    roi::Tornado m_tornado;
    std::optional<roi::MonteCarloResult> m_monteCarlo;
    QLocale m_locale;
    QDate m_date = QDate::currentDate();
};

} // namespace mf
