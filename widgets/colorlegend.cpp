#include "widgets/colorlegend.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>

namespace mf {

namespace {

constexpr int kColumns = 4;
constexpr int kSwatchWidth = 28;

QPixmap lineSample(const QColor &color, Qt::PenStyle style, qreal width, bool marker, qreal dpr)
{
    const int height = 12;
    QPixmap pixmap(QSize(kSwatchWidth, height) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(color, width);
    pen.setStyle(style);
    painter.setPen(pen);
    painter.drawLine(QPointF(1, height / 2.0), QPointF(kSwatchWidth - 1, height / 2.0));
    if (marker) {
        painter.setPen(QPen(color.darker(130), 1.0));
        painter.setBrush(color);
        painter.drawEllipse(QPointF(kSwatchWidth / 2.0, height / 2.0), 3.5, 3.5);
    }
    return pixmap;
}

} // namespace

ColorLegend::ColorLegend(QWidget *parent) : QWidget(parent), m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(6);
    m_grid->setVerticalSpacing(2);
}

ColorLegend::~ColorLegend() = default;

void ColorLegend::setEntries(const QVector<Entry> &entries, const QVector<StyleKey> &styles)
{
    m_entries = entries;
    m_styles = styles;
    rebuild();
}

void ColorLegend::setMaximumTextWidth(int pixels)
{
    if (pixels == m_maxTextWidth)
        return;
    m_maxTextWidth = pixels;
    rebuild();
}

void ColorLegend::rebuild()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_textLabels.clear();
    const qreal dpr = devicePixelRatioF();
    const auto add = [&](int index, const QPixmap &swatch, const QString &text) {
        auto *sample = new QLabel;
        sample->setPixmap(swatch);
        auto *label = new QLabel;
        label->setTextFormat(Qt::PlainText);
        label->setText(fontMetrics().elidedText(text, Qt::ElideMiddle, m_maxTextWidth));
        label->setToolTip(text);
        const int row = index / kColumns;
        const int column = (index % kColumns) * 2;
        m_grid->addWidget(sample, row, column);
        m_grid->addWidget(label, row, column + 1);
        m_textLabels.append(label);
    };
    int index = 0;
    for (const Entry &entry : m_entries)
        add(index++, lineSample(entry.color, Qt::SolidLine, 3.0, false, dpr), entry.text);
    // The style key starts a row of its own, in a colour that belongs to no entry.
    if (!m_styles.isEmpty())
        index = (index + kColumns - 1) / kColumns * kColumns;
    const QColor neutral = palette().color(QPalette::WindowText);
    for (const StyleKey &style : m_styles) {
        QColor color = neutral;
        color.setAlphaF(style.alpha);
        add(index++, lineSample(color, style.pen, style.width, style.marker, dpr), style.text);
    }
    m_grid->setColumnStretch(kColumns * 2, 1);
}

} // namespace mf
