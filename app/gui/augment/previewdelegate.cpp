#include "app/gui/augment/previewdelegate.h"

#include "app/gui/augment/previewmodel.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>

namespace mf {

PreviewDelegate::PreviewDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

PreviewDelegate::~PreviewDelegate() = default;

void PreviewDelegate::setTileSize(int pixels)
{
    m_tileSize = std::max(16, pixels);
}

void PreviewDelegate::setShowDrawn(bool show)
{
    m_showDrawn = show;
}

void PreviewDelegate::setTextLines(int lines)
{
    m_textLines = std::max(0, lines);
}

QFont PreviewDelegate::textFont(const QFont &base) const
{
    QFont font = base;
    font.setPointSizeF(std::max(6.0, base.pointSizeF() * 0.85));
    return font;
}

QSize PreviewDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    int width = m_tileSize + 2 * margin;
    int height = m_tileSize + 2 * margin;
    if (m_showDrawn && m_textLines > 0) {
        width = std::max(width, textWidth);
        height += QFontMetrics(textFont(option.font)).lineSpacing() * m_textLines + margin;
    }
    return {width, height};
}

void PreviewDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    const QRect cell = option.rect.adjusted(margin, margin, -margin, -margin);
    const QImage image = index.data(PreviewModel::ImageRole).value<QImage>();
    const QRect tileRect(cell.left() + (cell.width() - m_tileSize) / 2, cell.top(), m_tileSize,
                         m_tileSize);
    painter->save();
    if (image.isNull()) {
        painter->setPen(QPen(option.palette.color(QPalette::Mid), 1, Qt::DashLine));
        painter->drawRect(tileRect.adjusted(0, 0, -1, -1));
    } else {
        const int longest = std::max(image.width(), image.height());
        const int scale = m_tileSize / longest;
        const QSize size = scale >= 1 ? image.size() * scale
                                      : image.size().scaled(tileRect.size(), Qt::KeepAspectRatio);
        const QRect target(tileRect.left() + (tileRect.width() - size.width()) / 2,
                           tileRect.top() + (tileRect.height() - size.height()) / 2, size.width(),
                           size.height());
        painter->setRenderHint(QPainter::SmoothPixmapTransform, scale < 1);
        painter->drawImage(target, image);
    }
    if (m_showDrawn) {
        const QStringList lines = index.data(PreviewModel::DrawnRole).toStringList();
        const QFont font = textFont(option.font);
        const QFontMetrics metrics(font);
        painter->setFont(font);
        painter->setPen(option.palette.color(
            (option.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
        int y = tileRect.bottom() + margin + metrics.ascent();
        for (int i = 0; i < lines.size() && i < m_textLines; ++i) {
            painter->drawText(cell.left(), y,
                              metrics.elidedText(lines[i], Qt::ElideRight, cell.width()));
            y += metrics.lineSpacing();
        }
    }
    painter->restore();
}

} // namespace mf
