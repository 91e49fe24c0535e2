#pragma once

#include <QImage>
#include <QPoint>
#include <QWidget>

namespace mf {

/// An image magnified with square, nearest-neighbour pixels (by a whole factor once it fits at
/// least once), reporting the image pixel under the mouse.
class PixelZoomView : public QWidget
{
    Q_OBJECT
public:
    explicit PixelZoomView(QWidget *parent = nullptr);
    ~PixelZoomView() override;

    void setImage(const QImage &image);
    QImage image() const { return m_image; }

    /// Where the image is drawn, in widget coordinates; empty without an image.
    QRect imageRect() const;
    /// The image pixel under `position` (widget coordinates), or (-1, -1).
    QPoint pixelAt(const QPoint &position) const;
    QPoint hoveredPixel() const { return m_hovered; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The pixel under the mouse changed; (-1, -1) once it left the image.
    void pixelHovered(const QPoint &pixel);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void setHovered(const QPoint &pixel);

    QImage m_image;
    QPoint m_hovered{-1, -1};
};

} // namespace mf
