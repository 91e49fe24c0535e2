#include "app/gui/runs/confusionmatrixview.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace mf {

namespace {

constexpr int kMargin = 4;
constexpr int kLabelGap = 4;
constexpr int kMaxLabelWidth = 150;
constexpr int kMinFontPixels = 7;

QColor blend(const QColor &from, const QColor &to, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * t),
                            float(from.greenF() + (to.greenF() - from.greenF()) * t),
                            float(from.blueF() + (to.blueF() - from.blueF()) * t));
}

double relativeLuminance(const QColor &c)
{
    const auto linear = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

/// Black or white, whichever contrasts more with `fill` (WCAG's contrast ratio), so a count is
/// legible on every shade of the scale, in a light or a dark palette.
QColor labelColorOn(const QColor &fill)
{
    const double l = relativeLuminance(fill);
    const double onBlack = (l + 0.05) / 0.05;
    const double onWhite = 1.05 / (l + 0.05);
    return onBlack >= onWhite ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

ConfusionMatrixView::ConfusionMatrixView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("confusionMatrix"));
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setMouseTracking(true);
}

ConfusionMatrixView::~ConfusionMatrixView() = default;

void ConfusionMatrixView::setMatrix(const QStringList &classNames,
                                    const QVector<QVector<qint64>> &counts)
{
    qsizetype n = std::min(classNames.size(), counts.size());
    for (const QVector<qint64> &row : counts)
        n = std::min(n, row.size());
    m_names = classNames.mid(0, n);
    m_counts.clear();
    m_rowTotals.clear();
    for (qsizetype t = 0; t < n; ++t) {
        m_counts.append(counts[t].mid(0, n));
        qint64 sum = 0;
        for (qint64 c : m_counts.last())
            sum += c;
        m_rowTotals.append(sum);
    }
    updateGeometry();
    update();
}

qint64 ConfusionMatrixView::count(int trueClass, int predictedClass) const
{
    if (trueClass < 0 || trueClass >= m_counts.size() || predictedClass < 0 ||
        predictedClass >= m_counts.size())
        return 0;
    return m_counts[trueClass][predictedClass];
}

qint64 ConfusionMatrixView::total() const
{
    qint64 sum = 0;
    for (qint64 rowTotal : m_rowTotals)
        sum += rowTotal;
    return sum;
}

double ConfusionMatrixView::rowShare(int trueClass, int predictedClass) const
{
    if (trueClass < 0 || trueClass >= m_rowTotals.size() || m_rowTotals[trueClass] == 0)
        return 0.0;
    return double(count(trueClass, predictedClass)) / double(m_rowTotals[trueClass]);
}

QFont ConfusionMatrixView::labelFont(int pixels) const
{
    QFont f = font();
    f.setPixelSize(pixels);
    return f;
}

int ConfusionMatrixView::labelExtent(int pixels) const
{
    const QFontMetrics metrics(labelFont(pixels));
    int widest = 0;
    for (const QString &name : m_names)
        widest = std::max(widest, metrics.horizontalAdvance(name));
    return std::min(widest, kMaxLabelWidth) + kLabelGap;
}

ConfusionMatrixView::Geometry ConfusionMatrixView::geometryForWidth(int width) const
{
    Geometry g;
    const int n = std::max<int>(1, int(m_names.size()));
    const QFontMetrics metrics(font());
    const int titleHeight = metrics.height() + kLabelGap;
    const int normalPixels = std::max(kMinFontPixels, metrics.ascent() + metrics.descent());
    // Two passes: the cell size depends on the room the labels take, which depends on the font
    // the cell size allows.
    int pixels = normalPixels;
    for (int pass = 0; pass < 2; ++pass) {
        const int labels = labelExtent(pixels);
        const int available = width - 2 * kMargin - titleHeight - labels;
        g.cell = std::clamp(available / n, kMinCellSize, kMaxCellSize);
        pixels = std::clamp(int(g.cell * 0.7), kMinFontPixels, normalPixels);
    }
    g.labelFontPixels = pixels;
    g.rowLabelWidth = labelExtent(pixels);
    g.columnLabelHeight = g.rowLabelWidth;
    g.origin = QPoint(kMargin + titleHeight + g.rowLabelWidth,
                      kMargin + titleHeight + g.columnLabelHeight);
    return g;
}

int ConfusionMatrixView::cellSize() const
{
    return geometry().cell;
}

QRect ConfusionMatrixView::cellRect(int trueClass, int predictedClass) const
{
    const Geometry g = geometry();
    return QRect(g.origin.x() + predictedClass * g.cell, g.origin.y() + trueClass * g.cell, g.cell,
                 g.cell);
}

QString ConfusionMatrixView::cellText(int trueClass, int predictedClass) const
{
    if (trueClass < 0 || trueClass >= m_names.size() || predictedClass < 0 ||
        predictedClass >= m_names.size())
        return QString();
    const QLocale locale;
    return tr("True: %1\nPredicted: %2\n%3 samples, %4 of the true class")
        .arg(m_names[trueClass], m_names[predictedClass],
             locale.toString(count(trueClass, predictedClass)),
             locale.toString(rowShare(trueClass, predictedClass) * 100.0, 'f', 1) +
                 QLatin1Char('%'));
}

int ConfusionMatrixView::heightForWidth(int width) const
{
    const Geometry g = geometryForWidth(width);
    return g.origin.y() + int(m_names.size()) * g.cell + kMargin;
}

QSize ConfusionMatrixView::sizeHint() const
{
    const Geometry g = geometryForWidth(0);
    const int n = int(m_names.size());
    const int side = std::clamp(32 * n, 160, 1200);
    const int width = g.origin.x() + side + kMargin;
    return QSize(width, heightForWidth(width));
}

QSize ConfusionMatrixView::minimumSizeHint() const
{
    const Geometry g = geometryForWidth(0);
    const int n = int(m_names.size());
    return QSize(g.origin.x() + n * kMinCellSize + kMargin,
                 g.origin.y() + n * kMinCellSize + kMargin);
}

bool ConfusionMatrixView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const Geometry g = geometry();
        const QPoint p = help->pos() - g.origin;
        const int column = p.x() >= 0 ? p.x() / std::max(1, g.cell) : -1;
        const int row = p.y() >= 0 ? p.y() / std::max(1, g.cell) : -1;
        const QString text = cellText(row, column);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this, cellRect(row, column));
        return true;
    }
    return QWidget::event(event);
}

void ConfusionMatrixView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const int n = int(m_names.size());
    if (n == 0)
        return;
    const Geometry g = geometry();
    const QFontMetrics titleMetrics(font());
    const int titleHeight = titleMetrics.height();
    const QColor text = palette().color(QPalette::Text);
    const QColor empty = palette().color(QPalette::Base);
    const QColor full(31, 95, 191);

    // Axis titles: "Predicted" across the top, "True" up the left side.
    QFont titleFont = font();
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.setPen(text);
    const int matrixSide = n * g.cell;
    painter.drawText(QRect(g.origin.x(), kMargin, std::max(matrixSide, 1), titleHeight),
                     Qt::AlignLeft | Qt::AlignVCenter, tr("Predicted class"));
    painter.save();
    painter.translate(kMargin, g.origin.y() + matrixSide);
    painter.rotate(-90);
    // Right-aligned in the rotated frame: the title starts at the top, next to the first rows.
    painter.drawText(QRect(0, 0, std::max(matrixSide, 1), titleHeight),
                     Qt::AlignRight | Qt::AlignVCenter, tr("True class"));
    painter.restore();

    // Class names beside the rows and, rotated, above the columns.
    const QFont small = labelFont(g.labelFontPixels);
    const QFontMetrics smallMetrics(small);
    painter.setFont(small);
    const int labelWidth = g.rowLabelWidth - kLabelGap;
    for (int k = 0; k < n; ++k) {
        const QString name = smallMetrics.elidedText(m_names[k], Qt::ElideRight, labelWidth);
        painter.drawText(
            QRect(g.origin.x() - g.rowLabelWidth, g.origin.y() + k * g.cell, labelWidth, g.cell),
            Qt::AlignRight | Qt::AlignVCenter, name);
        painter.save();
        painter.translate(g.origin.x() + k * g.cell, g.origin.y() - kLabelGap);
        painter.rotate(-90);
        painter.drawText(QRect(0, 0, labelWidth, g.cell), Qt::AlignLeft | Qt::AlignVCenter, name);
        painter.restore();
    }

    // The cells, with their counts where they fit.
    const QLocale locale;
    for (int t = 0; t < n; ++t) {
        for (int p = 0; p < n; ++p) {
            const QRect cell = cellRect(t, p);
            const double share = rowShare(t, p);
            // A square root lifts the small off-diagonal shares out of the background.
            const QColor fill = blend(empty, full, std::sqrt(share));
            painter.fillRect(cell, fill);
            const qint64 value = m_counts[t][p];
            if (value == 0)
                continue;
            const QString label = locale.toString(value);
            if (smallMetrics.horizontalAdvance(label) + 2 <= g.cell) {
                painter.setPen(labelColorOn(fill));
                painter.drawText(cell, Qt::AlignCenter, label);
            }
        }
    }
    // Faint grid lines help follow a row or column across empty cells.
    if (g.cell >= 10) {
        painter.setPen(palette().color(QPalette::Midlight));
        for (int k = 1; k < n; ++k) {
            const int at = k * g.cell;
            painter.drawLine(g.origin.x() + at, g.origin.y(), g.origin.x() + at,
                             g.origin.y() + matrixSide - 1);
            painter.drawLine(g.origin.x(), g.origin.y() + at, g.origin.x() + matrixSide - 1,
                             g.origin.y() + at);
        }
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(QRect(g.origin, QSize(matrixSide, matrixSide)).adjusted(0, 0, -1, -1));
    // The diagonal holds the correct predictions: outline it.
    painter.setPen(QPen(palette().color(QPalette::Dark), 1));
    for (int k = 0; k < n; ++k)
        painter.drawRect(cellRect(k, k).adjusted(0, 0, -1, -1));
}

} // namespace mf
