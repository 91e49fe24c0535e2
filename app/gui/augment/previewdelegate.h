#pragma once

#include <QStyledItemDelegate>

namespace mf {

/// Paints a preview tile: the image scaled to the tile size (whole multiples when enlarging, so
/// pixels stay sharp) and, when enabled, the parameters the tile drew in small type beneath it.
class PreviewDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit PreviewDelegate(QObject *parent = nullptr);
    ~PreviewDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Edge of the square the image is fitted into, in pixels.
    void setTileSize(int pixels);
    int tileSize() const { return m_tileSize; }
    void setShowDrawn(bool show);
    bool showsDrawn() const { return m_showDrawn; }
    /// Lines of text reserved under each tile while the drawn parameters are shown.
    void setTextLines(int lines);

    static constexpr int margin = 4;
    static constexpr int textWidth = 208;

private:
    QFont textFont(const QFont &base) const;

    int m_tileSize = 96;
    int m_textLines = 0;
    bool m_showDrawn = false;
};

} // namespace mf
