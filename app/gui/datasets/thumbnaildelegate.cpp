#include "app/gui/datasets/thumbnaildelegate.h"

#include <QApplication>
#include <QPainter>

namespace mf {

namespace {

constexpr int kPadding = 4;

} // namespace

ThumbnailDelegate::ThumbnailDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

ThumbnailDelegate::~ThumbnailDelegate() = default;

void ThumbnailDelegate::setThumbnailSide(int side)
{
    m_side = side;
}

QSize ThumbnailDelegate::cellSize(const QFontMetrics &metrics) const
{
    return QSize(m_side + 2 * kPadding, m_side + 2 * kPadding + metrics.height() + 2);
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return cellSize(option.fontMetrics);
}

void ThumbnailDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    painter->save();
    const QPalette &palette = option.palette;
    const QRect cell = option.rect;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    if (selected)
        painter->fillRect(cell.adjusted(1, 1, -1, -1), palette.highlight());
    else if (option.state.testFlag(QStyle::State_MouseOver))
        painter->fillRect(cell.adjusted(1, 1, -1, -1), palette.midlight());

    const QRect square(cell.left() + kPadding, cell.top() + kPadding, m_side, m_side);
    const QVariant decoration = index.data(Qt::DecorationRole);
    if (decoration.canConvert<QImage>() && !decoration.value<QImage>().isNull()) {
        const QImage image = decoration.value<QImage>();
        QRect target(QPoint(), image.size().scaled(square.size(), Qt::KeepAspectRatio));
        if (image.width() <= m_side && image.height() <= m_side)
            target.setSize(image.size());
        target.moveCenter(square.center());
        painter->drawImage(target, image);
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.mid().color().lighter(125));
        painter->drawRoundedRect(square.adjusted(4, 4, -4, -4), 3, 3);
    }

    const QRect textRect(cell.left() + 2, square.bottom() + 2, cell.width() - 4,
                         cell.bottom() - square.bottom() - 2);
    const QString text = option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(),
                                                       Qt::ElideRight, textRect.width());
    painter->setPen(selected ? palette.highlightedText().color() : palette.text().color());
    painter->setFont(option.font);
    painter->drawText(textRect, Qt::AlignHCenter | Qt::AlignTop, text);
    if (option.state.testFlag(QStyle::State_HasFocus) && selected) {
        painter->setPen(palette.highlight().color().darker(130));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(cell.adjusted(1, 1, -2, -2));
    }
    painter->restore();
}

} // namespace mf
