#include "app/gui/runs/probabilitybars.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace mf {

namespace {

constexpr int kMargin = 4;
constexpr int kGap = 8;

} // namespace

ProbabilityBars::ProbabilityBars(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("probabilityBars"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

ProbabilityBars::~ProbabilityBars() = default;

void ProbabilityBars::setProbabilities(const QStringList &classNames,
                                       const QVector<double> &probabilities)
{
    m_rows.clear();
    for (qsizetype c = 0; c < probabilities.size(); ++c)
        m_rows.append(
            {c < classNames.size() ? classNames[c] : QString::number(c), probabilities[c]});
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &a, const Row &b) { return a.probability > b.probability; });
    updateGeometry();
    update();
}

void ProbabilityBars::clear()
{
    m_rows.clear();
    updateGeometry();
    update();
}

QStringList ProbabilityBars::shownClasses() const
{
    QStringList names;
    for (const Row &row : m_rows)
        names.append(row.name);
    return names;
}

QVector<double> ProbabilityBars::shownProbabilities() const
{
    QVector<double> values;
    for (const Row &row : m_rows)
        values.append(row.probability);
    return values;
}

int ProbabilityBars::rowHeight() const
{
    return fontMetrics().height() + 10;
}

QString ProbabilityBars::percentText(double probability) const
{
    return locale().toString(probability * 100.0, 'f', 1) + locale().percent();
}

QSize ProbabilityBars::sizeHint() const
{
    return {320, 2 * kMargin + rowHeight() * int(m_rows.size())};
}

QSize ProbabilityBars::minimumSizeHint() const
{
    return {160, sizeHint().height()};
}

void ProbabilityBars::paintEvent(QPaintEvent *)
{
    if (m_rows.isEmpty())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    int nameWidth = 0;
    for (const Row &row : m_rows)
        nameWidth = std::max(nameWidth, metrics.horizontalAdvance(row.name));
    nameWidth = std::min(nameWidth, width() * 2 / 5);
    const int percentWidth = metrics.horizontalAdvance(percentText(1.0));
    const int barLeft = kMargin + nameWidth + kGap;
    const int barWidth = std::max(1, width() - barLeft - kGap - percentWidth - kMargin);
    const int height = rowHeight();
    const QColor track = palette().color(QPalette::Midlight);
    const QColor top = palette().color(QPalette::Highlight);
    QColor other = top;
    other.setAlphaF(0.45);

    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows[i];
        const int y = kMargin + int(i) * height;
        const QRect nameRect(kMargin, y, nameWidth, height);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(row.name, Qt::ElideRight, nameWidth));

        const QRectF barRect(barLeft, y + 3, barWidth, height - 6);
        painter.setPen(Qt::NoPen);
        painter.setBrush(track);
        painter.drawRoundedRect(barRect, 3, 3);
        const double filled = std::clamp(row.probability, 0.0, 1.0) * barWidth;
        if (filled >= 1.0) {
            painter.setBrush(i == 0 ? top : other);
            painter.drawRoundedRect(QRectF(barRect.left(), barRect.top(), filled, barRect.height()),
                                    3, 3);
        }

        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(barLeft + barWidth + kGap, y, percentWidth, height),
                         Qt::AlignRight | Qt::AlignVCenter, percentText(row.probability));
    }
}

} // namespace mf
