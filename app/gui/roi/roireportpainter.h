#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QPainter>
#include <QString>
#include <QStringList>
#include <QVector>

class QChart;
class QPagedPaintDevice;

namespace mf {

/// Lays out a report on the pages of a paged device (a QPdfWriter): a cursor moves down the
/// content area of the page; a block that does not fit starts a new page; paragraphs and tables
/// flow over pages (a table repeats its header); every page gets a footer with a caption and
/// "Page n of m" (m when the caller knows it from a first pass, see RoiPdfReport).
class RoiReportPainter
{
    Q_DECLARE_TR_FUNCTIONS(mf::RoiReportPainter)
public:
    /// Paints on `device`, which must stay alive while this object lives.
    RoiReportPainter(QPagedPaintDevice *device, QString footer, int totalPages);
    ~RoiReportPainter();
    RoiReportPainter(const RoiReportPainter &) = delete;
    RoiReportPainter &operator=(const RoiReportPainter &) = delete;

    bool isActive() const { return m_painter.isActive(); }
    QPainter &painter() { return m_painter; }
    int pageCount() const { return m_page; }
    /// Device units per millimetre.
    qreal mm(qreal millimetres) const;
    /// The area between the margins and above the footer.
    QRectF content() const { return m_content; }
    qreal cursor() const { return m_y; }
    qreal remaining() const { return m_content.bottom() - m_y; }

    void newPage();
    /// A page break when fewer than `height` device units are left.
    void ensureSpace(qreal height);
    void skip(qreal height);
    /// The rectangle of the next `height` units at full width (on a new page when needed);
    /// the cursor moves below it.
    QRectF take(qreal height);

    void heading(const QString &text);
    /// A subheading kept on one page with the next `keepWithNext` units (default: a few lines).
    void subheading(const QString &text, qreal keepWithNext = 0.0);
    /// Wrapped text in `font`; a blank line between paragraphs ("\n\n"), lines flow over pages.
    void paragraph(const QString &text, const QFont &font);
    void paragraph(const QString &text) { paragraph(text, bodyFont()); }
    /// Columns take `weights` shares of the width; cells wrap; a row never splits.
    void table(const QStringList &header, const QVector<qreal> &weights,
               const QVector<QStringList> &rows, const QVector<int> &rightAligned = {});
    /// The height table() takes, when it fits on one page.
    qreal tableHeight(const QStringList &header, const QVector<qreal> &weights,
                      const QVector<QStringList> &rows) const;
    /// `chart` (deleted here) drawn as vectors into the next `height` units, with a caption.
    void chart(QChart *chart, const QString &caption, qreal height);

    static QFont bodyFont();
    static QFont font(qreal pointSize, bool bold = false);

    /// Height of `text` wrapped to `width` in `font`.
    qreal textHeight(const QString &text, const QFont &font, qreal width) const;
    /// Draws `text` wrapped into `rect`; returns the height used.
    qreal drawText(const QRectF &rect, const QString &text, const QFont &font,
                   Qt::Alignment alignment = Qt::AlignLeft);

private:
    void startPage();
    void drawFooter();
    qreal drawRow(const QStringList &cells, const QVector<qreal> &widths, const QFont &font,
                  const QVector<int> &rightAligned, bool header, bool shaded);
    qreal rowHeight(const QStringList &cells, const QVector<qreal> &widths,
                    const QFont &font) const;
    QVector<qreal> columnWidths(const QVector<qreal> &weights) const;

    QPagedPaintDevice *m_device;
    QPainter m_painter;
    QString m_footer;
    int m_totalPages = 0;
    int m_page = 0;
    QRectF m_content;
    qreal m_y = 0.0;
};

} // namespace mf
