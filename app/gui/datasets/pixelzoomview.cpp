#include "app/gui/datasets/pixelzoomview.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace mf {

namespace {

constexpr int kGridFromFactor = 12;

} // namespace

PixelZoomView::PixelZoomView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("pixelZoomView"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

PixelZoomView::~PixelZoomView() = default;

void PixelZoomView::setImage(const QImage &image)
{
    m_image = image;
    m_hovered = QPoint(-1, -1);
    update();
}

QRect PixelZoomView::imageRect() const
{
    if (m_image.isNull())
        return {};
    const QRect area = rect().adjusted(4, 4, -4, -4);
    double factor =
        std::min(double(area.width()) / m_image.width(), double(area.height()) / m_image.height());
    if (factor >= 1.0)
        factor = std::floor(factor);
    const QSize size(std::max(1, int(m_image.width() * factor)),
                     std::max(1, int(m_image.height() * factor)));
    QRect target(QPoint(), size);
    target.moveCenter(area.center());
    return target;
}

QPoint PixelZoomView::pixelAt(const QPoint &position) const
{
    const QRect target = imageRect();
    if (!target.contains(position))
        return {-1, -1};
    const int x = (position.x() - target.left()) * m_image.width() / target.width();
    const int y = (position.y() - target.top()) * m_image.height() / target.height();
    return {std::clamp(x, 0, m_image.width() - 1), std::clamp(y, 0, m_image.height() - 1)};
}

QSize PixelZoomView::sizeHint() const
{
    return QSize(280, 280);
}

QSize PixelZoomView::minimumSizeHint() const
{
    return QSize(120, 120);
}

void PixelZoomView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window().color().darker(108));
    const QRect target = imageRect();
    if (target.isEmpty())
        return;
    // No smooth transform: every image pixel stays a sharp square.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(target, m_image);
    const double factor = double(target.width()) / m_image.width();
    if (factor >= kGridFromFactor) {
        painter.setPen(QColor(128, 128, 128, 60));
        for (int x = 1; x < m_image.width(); ++x) {
            const int px = target.left() + int(std::lround(x * factor));
            painter.drawLine(px, target.top(), px, target.bottom());
        }
        for (int y = 1; y < m_image.height(); ++y) {
            const int py = target.top() + int(std::lround(y * factor));
            painter.drawLine(target.left(), py, target.right(), py);
        }
    }
    if (m_hovered.x() >= 0) {
        const QRectF cell(target.left() + m_hovered.x() * factor,
                          target.top() + m_hovered.y() * factor, factor, factor);
        painter.setPen(QPen(palette().highlight().color(), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cell);
    }
}

void PixelZoomView::mouseMoveEvent(QMouseEvent *event)
{
    setHovered(pixelAt(event->position().toPoint()));
    QWidget::mouseMoveEvent(event);
}

void PixelZoomView::leaveEvent(QEvent *event)
{
    setHovered(QPoint(-1, -1));
    QWidget::leaveEvent(event);
}

void PixelZoomView::setHovered(const QPoint &pixel)
{
    if (pixel == m_hovered)
        return;
    m_hovered = pixel;
    update();
    Q_EMIT pixelHovered(pixel);
}

} // namespace mf
