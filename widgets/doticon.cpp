#include "widgets/doticon.h"

#include <QPainter>
#include <QPixmap>

namespace mf {

namespace {

QPixmap dotPixmap(const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(130), size / 16.0));
    painter.setBrush(color);
    const qreal margin = size * 0.25;
    painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
    return pixmap;
}

} // namespace

QIcon dotIcon(const QColor &color)
{
    QIcon icon;
    icon.addPixmap(dotPixmap(color, 16));
    icon.addPixmap(dotPixmap(color, 32));
    return icon;
}

} // namespace mf
