#pragma once

#include <QColor>
#include <QString>
#include <QVector>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace mf {

/// One legend for several charts: each entry a colour swatch and a name (elided in the middle,
/// in full as its tooltip), then a key of line styles ("smoothed", "raw", "validation") drawn in
/// a neutral colour. Charts that share it draw no legend of their own, so none of them shows
/// unnamed markers when names are long or entries many.
class ColorLegend : public QWidget
{
    Q_OBJECT
public:
    struct Entry
    {
        QColor color;
        QString text;
    };
    struct StyleKey
    {
        Qt::PenStyle pen = Qt::SolidLine;
        qreal width = 2.0;
        qreal alpha = 1.0;
        bool marker = false;
        QString text;
    };

    explicit ColorLegend(QWidget *parent = nullptr);
    ~ColorLegend() override;

    void setEntries(const QVector<Entry> &entries, const QVector<StyleKey> &styles = {});
    /// The widest an entry's text is shown before it is elided.
    void setMaximumTextWidth(int pixels);

    int entryCount() const { return m_entries.size(); }
    /// The labels as shown (elided) and in full, in order: entries, then the style key.
    QList<QLabel *> textLabels() const { return m_textLabels; }
    QColor entryColor(int index) const { return m_entries.at(index).color; }

private:
    void rebuild();

    QVector<Entry> m_entries;
    QVector<StyleKey> m_styles;
    QList<QLabel *> m_textLabels;
    QGridLayout *m_grid;
    int m_maxTextWidth = 220;
};

} // namespace mf
