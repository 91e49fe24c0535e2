#include "app/gui/roi/roipdfreport.h"

#include "app/gui/roi/roiformat.h"
#include "app/gui/roi/roikeyfigures.h"
#include "app/gui/roi/roireportcharts.h"
#include "app/gui/roi/roireportpainter.h"
#include "app/gui/roi/roireportrows.h"
#include "app/gui/roi/roitext.h"
#include "core/roi/inputcatalogue.h"
#include "core/util/error.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPdfWriter>
#include <QSaveFile>

#include <cmath>

namespace mf {

namespace {

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

QVector<QStringList> figureRows(const QVector<RoiReportRows::Row> &rows)
{
    QVector<QStringList> cells;
    for (const RoiReportRows::Row &row : rows)
        cells << QStringList{row.label, row.value, row.note};
    return cells;
}

bool filledFromRun(const roi::Input &input)
{
    return input.source.rfind("run ", 0) == 0;
}

} // namespace

RoiPdfReport::RoiPdfReport(roi::Scenario scenario, std::optional<roi::MonteCarloResult> monteCarlo)
    : m_scenario(std::move(scenario)), m_monteCarlo(std::move(monteCarlo))
{
}

bool RoiPdfReport::write(const roi::Scenario &scenario,
                         const std::optional<roi::MonteCarloResult> &monteCarlo,
                         const QString &path, QString *error)
{
    return RoiPdfReport(scenario, monteCarlo).write(path, error);
}

bool RoiPdfReport::write(const QString &path, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const std::vector<roi::InputProblem> problems = roi::validate(m_scenario);
    if (!problems.empty())
        return fail(tr("The scenario cannot be projected: %1: %2")
                        .arg(text(problems.front().key), text(problems.front().reason)));
    try {
        m_projection = roi::project(m_scenario);
        m_figures = roi::keyFigures(m_scenario, m_projection);
        m_tornado = roi::tornado(m_scenario);
    } catch (const Error &e) {
        return fail(QString::fromUtf8(e.what()));
    }

    // "Page n of m" needs m: the first pass only counts the pages.
    QByteArray bytes;
    int pages = 0;
    for (int pass = 0; pass < 2; ++pass) {
        bytes.clear();
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setTitle(tr("%1: return on investment").arg(text(m_scenario.name)));
        writer.setCreator(QStringLiteral("ModelForge"));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(), QPageLayout::Millimeter));
        pages = render(&writer, pages);
        if (pages == 0)
            return fail(tr("The PDF could not be drawn."));
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(tr("%1 could not be written: %2").arg(path, file.errorString()));
    return true;
}

int RoiPdfReport::render(QPagedPaintDevice *device, int totalPages) const
{
    RoiReportPainter out(
        device,
        tr("%1 — return on investment, %2")
            .arg(text(m_scenario.name), m_locale.toString(m_date, QLocale::ShortFormat)),
        totalPages);
    if (!out.isActive())
        return 0;
    titlePage(out);
    out.newPage();
    keyFigures(out);
    charts(out);
    inputs(out);
    predictionValue(out);
    assumptions(out);
    sources(out);
    return out.pageCount();
}

void RoiPdfReport::titlePage(RoiReportPainter &out) const
{
    QPainter &p = out.painter();
    const QRectF page = out.content();
    const qreal width = page.width();
    qreal y = page.top() + out.mm(30.0);
    const auto line = [&](const QString &value, const QFont &font, const QColor &color,
                          qreal after) {
        p.setPen(color);
        y += out.drawText(QRectF(page.left(), y, width, page.bottom() - y), value, font) + after;
    };
    const QColor ink(0x1f, 0x3a, 0x5f);
    const QColor muted(0x55, 0x55, 0x55);
    line(tr("Return on investment report"), RoiReportPainter::font(13.0), muted, out.mm(3.0));
    line(text(m_scenario.name), RoiReportPainter::font(26.0, true), ink, out.mm(4.0));
    p.setPen(QPen(ink, out.mm(0.8)));
    p.drawLine(QPointF(page.left(), y), QPointF(page.left() + out.mm(40.0), y));
    y += out.mm(8.0);
    const QFont body = RoiReportPainter::font(11.0);
    line(tr("Prepared on %1").arg(m_locale.toString(m_date, QLocale::LongFormat)), body, Qt::black,
         out.mm(1.5));
    line(tr("Currency: %1").arg(text(m_scenario.currency)), body, Qt::black, out.mm(1.5));
    line(tr("Horizon: %1 months; discount rate %2 a year")
             .arg(m_projection.months)
             .arg(RoiFormat::percent(m_scenario.value("general.discountRateAnnual"), m_locale)),
         body, Qt::black, out.mm(14.0));

    // The headline figures, two to a row.
    const QVector<RoiReportRows::Row> headline =
        RoiReportRows::headline(m_figures, text(m_scenario.currency), m_locale);
    const qreal cell = (width - out.mm(8.0)) / 2.0;
    const qreal cellHeight = out.mm(24.0);
    for (int i = 0; i < headline.size(); ++i) {
        const QRectF box(page.left() + (i % 2) * (cell + out.mm(8.0)),
                         y + (i / 2) * (cellHeight + out.mm(5.0)), cell, cellHeight);
        p.fillRect(box, QColor(0xf0, 0xf3, 0xf7));
        p.fillRect(QRectF(box.topLeft(), QSizeF(out.mm(1.2), box.height())), ink);
        const QRectF inner = box.adjusted(out.mm(5.0), out.mm(3.0), -out.mm(3.0), -out.mm(2.0));
        p.setPen(muted);
        const qreal labelHeight =
            out.drawText(inner, headline[i].label, RoiReportPainter::font(9.5));
        p.setPen(ink);
        out.drawText(inner.adjusted(0, labelHeight + out.mm(1.5), 0, 0), headline[i].value,
                     RoiReportPainter::font(16.0, true));
    }
    y += ((headline.size() + 1) / 2) * (cellHeight + out.mm(5.0)) + out.mm(8.0);

    QString runs;
    for (int run : m_scenario.sourceRuns)
        runs += (runs.isEmpty() ? QString() : QStringLiteral(", ")) + QString::number(run);
    line(runs.isEmpty() ? tr("No figure was measured from a run: every input is typed in or an "
                             "assumption of the template, with its source listed under Inputs.")
                        : tr("Figures measured from run(s) %1 on this machine; see \"Where the "
                             "figures come from\".")
                              .arg(runs),
         RoiReportPainter::font(10.0), muted, out.mm(2.0));
    line(tr("Money is in %1. Months are counted from 0, the first month of the horizon.")
             .arg(text(m_scenario.currency)),
         RoiReportPainter::font(10.0), muted, 0.0);
}

void RoiPdfReport::keyFigures(RoiReportPainter &out) const
{
    out.heading(tr("Key figures"));
    out.table({tr("Figure"), tr("Value"), tr("Note")}, {2.8, 2.2, 5.0},
              figureRows(RoiReportRows::all(m_figures, text(m_scenario.currency), m_locale)), {1});

    out.subheading(tr("Worst, base and best case"), out.mm(40.0));
    out.paragraph(tr("Each uncertain input at the end of its range that lowers (worst) or raises "
                     "(best) the NPV."),
                  RoiReportPainter::font(9.0));
    QVector<QStringList> cases;
    try {
        const roi::ScenarioRange range = roi::worstBaseBest(m_scenario, m_tornado);
        const QStringList names{tr("Worst"), tr("Base"), tr("Best")};
        const roi::Scenario *scenarios[] = {&range.worst, &range.base, &range.best};
        for (int i = 0; i < 3; ++i) {
            const roi::Projection projection = roi::project(*scenarios[i]);
            const roi::KeyFigures figures = roi::keyFigures(*scenarios[i], projection);
            cases << QStringList{
                names[i], RoiFormat::money(figures.npv, text(m_scenario.currency), m_locale),
                RoiKeyFigures::irrText(figures, m_locale),
                figures.paybackMonths ? RoiFormat::months(*figures.paybackMonths, m_locale)
                                      : tr("not within the horizon")};
        }
    } catch (const Error &e) {
        out.paragraph(QString::fromUtf8(e.what()));
    }
    if (!cases.isEmpty())
        out.table({tr("Case"), tr("NPV"), tr("IRR"), tr("Payback")}, {2, 3, 3, 3}, cases,
                  {1, 2, 3});

    if (m_monteCarlo) {
        const QStringList header{tr("Figure"), tr("Value"), tr("Note")};
        const QVector<qreal> weights{2.8, 2.2, 5.0};
        const QVector<QStringList> rows = figureRows(
            RoiReportRows::monteCarlo(*m_monteCarlo, text(m_scenario.currency), m_locale));
        out.subheading(tr("Monte Carlo"), out.tableHeight(header, weights, rows));
        out.table(header, weights, rows, {1});
    } else {
        out.subheading(tr("Monte Carlo"));
        out.paragraph(tr("No Monte Carlo simulation was run for this report."));
    }
}

void RoiPdfReport::charts(RoiReportPainter &out) const
{
    out.heading(tr("Charts"));
    const qreal height = (out.content().height() - out.mm(30.0)) / 2.0;
    const QVector<RoiReportCharts::Chart> charts =
        RoiReportCharts::build(m_scenario, m_projection, m_figures, m_tornado, m_monteCarlo);
    for (int i = 0; i < charts.size(); ++i)
        out.chart(charts[i].chart, tr("Figure %1. %2").arg(i + 1).arg(charts[i].caption), height);
}

void RoiPdfReport::inputs(RoiReportPainter &out) const
{
    out.heading(tr("Inputs"));
    out.paragraph(tr("Every input of the model with its value, the range used for the worst and "
                     "best case, the tornado and the Monte Carlo, where it comes from and as of "
                     "when."),
                  RoiReportPainter::font(9.0));
    const QString currency = text(m_scenario.currency);
    std::string group;
    QVector<QStringList> rows;
    const auto flush = [&] {
        if (rows.isEmpty())
            return;
        out.subheading(RoiText::group(group));
        out.table({tr("Input"), tr("Value"), tr("Range"), tr("Source"), tr("As of")},
                  {3.0, 2.5, 2.4, 4.4, 1.7}, rows, {1});
        rows.clear();
    };
    for (const roi::InputSpec &spec : roi::inputCatalogue()) {
        if (spec.group != group) {
            flush();
            group = spec.group;
        }
        const roi::Input input = m_scenario.input(spec.key);
        const double factor = RoiFormat::displayFactor(spec.unit);
        const QString unit = RoiFormat::unitText(spec.unit, currency);
        const auto shown = [&](double value) {
            // FLOP counts and rates in exponent form: 1e+14, not 18 digits that wrap.
            const QString number = std::abs(value * factor) >= 1e12
                                       ? m_locale.toString(value * factor, 'g', 4)
                                       : RoiFormat::fieldText(value * factor, m_locale);
            if (unit.isEmpty())
                return number;
            return unit == m_locale.percent() ? number + unit : number + QLatin1Char(' ') + unit;
        };
        QString range = tr("certain");
        if (input.low < input.high) {
            range = tr("%1 to %2").arg(shown(input.low), shown(input.high));
            if (input.distribution == roi::Distribution::Triangular)
                range += tr(", triangular");
            else if (input.distribution == roi::Distribution::Pert)
                range += tr(", PERT");
        }
        const bool own = m_scenario.inputs.count(spec.key) > 0;
        rows << QStringList{RoiText::label(spec), shown(input.value), range,
                            input.source.empty() ? (own ? tr("not stated") : tr("model default"))
                                                 : text(input.source),
                            input.asOf.empty() ? QStringLiteral("—") : text(input.asOf)};
    }
    flush();
}

void RoiPdfReport::predictionValue(RoiReportPainter &out) const
{
    const roi::PredictionValue &value = m_scenario.predictionValue;
    if (value.classes.empty())
        return;
    out.heading(tr("Value of predictions"));
    out.paragraph(tr("What each outcome is worth (true class in the rows, predicted class in the "
                     "columns, in %1 per prediction) and how often it happened in the measured "
                     "confusion matrix.")
                      .arg(text(m_scenario.currency)),
                  RoiReportPainter::font(9.0));
    const auto matrix = [&](const QString &title, const std::vector<std::vector<double>> &cells,
                            const std::string &source, int decimals) {
        out.subheading(title);
        QStringList header{tr("True \\ predicted")};
        QVector<qreal> weights{2.4};
        QVector<int> right;
        for (std::size_t j = 0; j < value.classes.size(); ++j) {
            header << text(value.classes[j]);
            weights << 1.6;
            right << int(j) + 1;
        }
        QVector<QStringList> rows;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            QStringList row{i < value.classes.size() ? text(value.classes[i]) : QString()};
            for (double cell : cells[i])
                row << m_locale.toString(cell, 'f', decimals);
            rows << row;
        }
        out.table(header, weights, rows, right);
        if (!source.empty())
            out.paragraph(tr("Source: %1").arg(text(source)), RoiReportPainter::font(9.0));
    };
    matrix(tr("Benefit matrix (%1)").arg(text(m_scenario.currency)), value.benefit,
           value.benefitSource, 2);
    if (!value.confusion.empty())
        matrix(tr("Confusion matrix (counts)"), value.confusion, value.confusionSource, 0);
}

void RoiPdfReport::assumptions(RoiReportPainter &out) const
{
    out.heading(tr("Assumptions"));
    out.paragraph(m_scenario.notes.empty() ? tr("The scenario has no notes.")
                                           : text(m_scenario.notes));
}

void RoiPdfReport::sources(RoiReportPainter &out) const
{
    out.heading(tr("Where the figures come from"));
    QVector<QStringList> rows;
    for (const roi::InputSpec &spec : roi::inputCatalogue()) {
        const roi::Input input = m_scenario.input(spec.key);
        if (filledFromRun(input))
            rows << QStringList{RoiText::label(spec), text(input.source), text(input.asOf)};
    }
    const roi::PredictionValue &value = m_scenario.predictionValue;
    if (value.confusionSource.rfind("run ", 0) == 0)
        rows << QStringList{tr("Confusion matrix"), text(value.confusionSource), QString()};
    if (m_scenario.sourceRuns.empty() && rows.isEmpty()) {
        out.paragraph(tr("No figure was measured from a run. The inputs are typed in or "
                         "assumptions of the template; their sources are listed under Inputs."));
        return;
    }
    QStringList runs;
    for (int run : m_scenario.sourceRuns)
        runs << tr("run %1").arg(run);
    if (!runs.isEmpty())
        out.paragraph(tr("Measured on this machine from %1 of the workspace's run store. Each "
                         "filled input names the run, the figure measured, the machine and the "
                         "date.")
                          .arg(m_locale.createSeparatedList(runs)));
    if (!rows.isEmpty())
        out.table({tr("Input"), tr("Measured from"), tr("As of")}, {3.0, 7.0, 1.7}, rows);
}

} // namespace mf
