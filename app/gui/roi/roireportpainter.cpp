#include "app/gui/roi/roireportpainter.h"

#include <QChart>
#include <QGraphicsScene>
#include <QPagedPaintDevice>
#include <QTextLayout>

#include <algorithm>

namespace mf {

namespace {

// A4 is 210 mm wide: 20 mm margins leave lines of about 90 characters at 10 pt.
constexpr qreal kMarginMm = 20.0;
constexpr qreal kTopMm = 18.0;
constexpr qreal kBottomMm = 22.0;
constexpr qreal kCellPaddingMm = 1.2;
const QColor kRule(0xb0, 0xb0, 0xb0);
const QColor kHeaderShade(0xe4, 0xe9, 0xf0);
const QColor kRowShade(0xf5, 0xf6, 0xf8);
const QColor kMuted(0x60, 0x60, 0x60);

QString withLineBreaks(QString text)
{
    return text.replace(QLatin1Char('\n'), QChar::LineSeparator);
}

/// Lays `layout` out in lines of `width`; returns the height.
qreal layOut(QTextLayout &layout, qreal width, Qt::Alignment alignment)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setAlignment(alignment);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal y = 0.0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0.0, y));
        y += line.height();
    }
    layout.endLayout();
    return y;
}

} // namespace

RoiReportPainter::RoiReportPainter(QPagedPaintDevice *device, QString footer, int totalPages)
    : m_device(device), m_footer(std::move(footer)), m_totalPages(totalPages)
{
    if (!m_painter.begin(device))
        return;
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_content = QRectF(mm(kMarginMm), mm(kTopMm), device->width() - 2.0 * mm(kMarginMm),
                       device->height() - mm(kTopMm) - mm(kBottomMm));
    startPage();
}

RoiReportPainter::~RoiReportPainter()
{
    if (m_painter.isActive()) {
        drawFooter();
        m_painter.end();
    }
}

qreal RoiReportPainter::mm(qreal millimetres) const
{
    return millimetres * m_device->logicalDpiY() / 25.4;
}

QFont RoiReportPainter::font(qreal pointSize, bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    // No "fi" ligatures: text read back from the PDF (search, copy, pdftotext) keeps its letters.
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

QFont RoiReportPainter::bodyFont()
{
    return font(10.0);
}

void RoiReportPainter::startPage()
{
    ++m_page;
    m_y = m_content.top();
}

void RoiReportPainter::newPage()
{
    drawFooter();
    m_device->newPage();
    startPage();
}

void RoiReportPainter::ensureSpace(qreal height)
{
    if (height > remaining() && m_y > m_content.top())
        newPage();
}

void RoiReportPainter::skip(qreal height)
{
    m_y = std::min(m_y + height, m_content.bottom());
}

QRectF RoiReportPainter::take(qreal height)
{
    ensureSpace(height);
    const QRectF rect(m_content.left(), m_y, m_content.width(), height);
    m_y += height;
    return rect;
}

void RoiReportPainter::drawFooter()
{
    const qreal y = m_content.bottom() + mm(6.0);
    m_painter.save();
    m_painter.setPen(QPen(kRule, mm(0.2)));
    m_painter.drawLine(QPointF(m_content.left(), y), QPointF(m_content.right(), y));
    m_painter.setPen(kMuted);
    m_painter.setFont(font(8.0));
    const QRectF line(m_content.left(), y + mm(1.5), m_content.width(), mm(6.0));
    const QString page = m_totalPages > 0 ? tr("Page %1 of %2").arg(m_page).arg(m_totalPages)
                                          : tr("Page %1").arg(m_page);
    m_painter.drawText(line, Qt::AlignRight | Qt::AlignTop, page);
    const QFontMetricsF metrics(m_painter.font(), m_device);
    const QString caption = metrics.elidedText(
        m_footer, Qt::ElideRight, line.width() - metrics.horizontalAdvance(page) - mm(5.0));
    m_painter.drawText(line, Qt::AlignLeft | Qt::AlignTop, caption);
    m_painter.restore();
}

qreal RoiReportPainter::textHeight(const QString &text, const QFont &font, qreal width) const
{
    QTextLayout layout(withLineBreaks(text), font, m_device);
    return layOut(layout, width, Qt::AlignLeft);
}

qreal RoiReportPainter::drawText(const QRectF &rect, const QString &text, const QFont &font,
                                 Qt::Alignment alignment)
{
    QTextLayout layout(withLineBreaks(text), font, m_device);
    const qreal height = layOut(layout, rect.width(), alignment);
    layout.draw(&m_painter, rect.topLeft());
    return height;
}

void RoiReportPainter::heading(const QString &text)
{
    const QFont bold = font(15.0, true);
    const qreal height = textHeight(text, bold, m_content.width());
    // Keep a heading with at least a few lines of what follows it.
    ensureSpace(height + mm(25.0));
    if (m_y > m_content.top())
        skip(mm(4.0));
    m_painter.setPen(QColor(0x1f, 0x3a, 0x5f));
    m_y += drawText(QRectF(m_content.left(), m_y, m_content.width(), height), text, bold);
    m_painter.setPen(QPen(QColor(0x1f, 0x3a, 0x5f), mm(0.4)));
    m_y += mm(1.2);
    m_painter.drawLine(QPointF(m_content.left(), m_y), QPointF(m_content.right(), m_y));
    m_y += mm(3.0);
    m_painter.setPen(Qt::black);
}

void RoiReportPainter::subheading(const QString &text, qreal keepWithNext)
{
    const QFont bold = font(11.5, true);
    const qreal height = textHeight(text, bold, m_content.width());
    ensureSpace(height + mm(4.0) + std::max(keepWithNext, mm(15.0)));
    skip(mm(2.5));
    m_painter.setPen(Qt::black);
    m_y += drawText(QRectF(m_content.left(), m_y, m_content.width(), height), text, bold);
    m_y += mm(1.5);
}

void RoiReportPainter::paragraph(const QString &text, const QFont &font)
{
    m_painter.setPen(Qt::black);
    const QStringList paragraphs = text.split(QStringLiteral("\n\n"));
    for (const QString &part : paragraphs) {
        QTextLayout layout(withLineBreaks(part.trimmed()), font, m_device);
        layOut(layout, m_content.width(), Qt::AlignLeft);
        for (int i = 0; i < layout.lineCount(); ++i) {
            const QTextLine line = layout.lineAt(i);
            ensureSpace(line.height());
            line.draw(&m_painter, QPointF(m_content.left(), m_y - line.y()));
            m_y += line.height();
        }
        m_y += mm(2.0);
    }
}

qreal RoiReportPainter::rowHeight(const QStringList &cells, const QVector<qreal> &widths,
                                  const QFont &font) const
{
    const qreal padding = mm(kCellPaddingMm);
    qreal height = 0.0;
    for (int c = 0; c < widths.size(); ++c)
        height = std::max(height, textHeight(cells.value(c), font, widths[c] - 2.0 * padding));
    return height + 2.0 * padding;
}

qreal RoiReportPainter::drawRow(const QStringList &cells, const QVector<qreal> &widths,
                                const QFont &font, const QVector<int> &rightAligned, bool header,
                                bool shaded)
{
    const qreal padding = mm(kCellPaddingMm);
    const qreal height = rowHeight(cells, widths, font);
    const QRectF row(m_content.left(), m_y, m_content.width(), height);
    if (header || shaded)
        m_painter.fillRect(row, header ? kHeaderShade : kRowShade);
    m_painter.setPen(Qt::black);
    qreal x = m_content.left();
    for (int c = 0; c < widths.size(); ++c) {
        const Qt::Alignment alignment = rightAligned.contains(c) ? Qt::AlignRight : Qt::AlignLeft;
        drawText(QRectF(x + padding, m_y + padding, widths[c] - 2.0 * padding, height),
                 cells.value(c), font, alignment);
        x += widths[c];
    }
    m_painter.setPen(QPen(kRule, mm(0.15)));
    m_painter.drawLine(row.bottomLeft(), row.bottomRight());
    m_y += height;
    return height;
}

QVector<qreal> RoiReportPainter::columnWidths(const QVector<qreal> &weights) const
{
    qreal total = 0.0;
    for (qreal weight : weights)
        total += weight;
    QVector<qreal> widths;
    for (qreal weight : weights)
        widths << m_content.width() * weight / total;
    return widths;
}

qreal RoiReportPainter::tableHeight(const QStringList &header, const QVector<qreal> &weights,
                                    const QVector<QStringList> &rows) const
{
    const QVector<qreal> widths = columnWidths(weights);
    qreal height = rowHeight(header, widths, font(8.5, true));
    for (const QStringList &row : rows)
        height += rowHeight(row, widths, font(8.5));
    return height;
}

void RoiReportPainter::table(const QStringList &header, const QVector<qreal> &weights,
                             const QVector<QStringList> &rows, const QVector<int> &rightAligned)
{
    const QVector<qreal> widths = columnWidths(weights);
    const QFont cellFont = font(8.5);
    const QFont headerFont = font(8.5, true);
    const qreal headerHeight = rowHeight(header, widths, headerFont);
    ensureSpace(headerHeight + (rows.isEmpty() ? 0.0 : rowHeight(rows.first(), widths, cellFont)));
    drawRow(header, widths, headerFont, rightAligned, true, false);
    for (int r = 0; r < rows.size(); ++r) {
        if (rowHeight(rows[r], widths, cellFont) > remaining()) {
            newPage();
            drawRow(header, widths, headerFont, rightAligned, true, false);
        }
        drawRow(rows[r], widths, cellFont, rightAligned, false, r % 2 == 1);
    }
    m_y += mm(3.0);
}

void RoiReportPainter::chart(QChart *chart, const QString &caption, qreal height)
{
    const QFont bold = font(10.5, true);
    const qreal captionHeight = textHeight(caption, bold, m_content.width());
    const QRectF area = take(captionHeight + mm(1.5) + height);
    m_painter.setPen(Qt::black);
    drawText(area, caption, bold);
    const QRectF target(area.left(), area.top() + captionHeight + mm(1.5), area.width(), height);

    // The chart is laid out at screen size, then scaled onto the page as vectors.
    const QSizeF logical(680.0, 680.0 * target.height() / target.width());
    QGraphicsScene scene;
    chart->setAnimationOptions(QChart::NoAnimation);
    scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), logical));
    scene.setSceneRect(QRectF(QPointF(0, 0), logical));
    scene.render(&m_painter, target, scene.sceneRect());
}

} // namespace mf
