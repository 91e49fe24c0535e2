#pragma once

#include <QStyledItemDelegate>

namespace mf {

/// Draws a grid cell of the thumbnail view: the thumbnail centred in a square (a placeholder
/// while it is being drawn) and the class name below it. Every cell has the same size, so the
/// view lays out 70,000 of them without asking the model.
class ThumbnailDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ThumbnailDelegate(QObject *parent = nullptr);
    ~ThumbnailDelegate() override;

    void setThumbnailSide(int side);
    int thumbnailSide() const { return m_side; }
    QSize cellSize(const QFontMetrics &metrics) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_side = 64;
};

} // namespace mf
