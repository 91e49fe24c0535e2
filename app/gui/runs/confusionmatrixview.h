#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

namespace mf {

/// A confusion matrix as a heatmap: rows are the true classes, columns the predicted ones,
/// each cell coloured by its share of its row (so rare classes read as well as common ones) and
/// labelled with its count where the count fits. Class names run along both axes; cells shrink
/// to fit the width down to a minimum (100 classes scroll in a QScrollArea), and the font
/// shrinks with them. Hovering a cell shows its count and share as a tooltip.
class ConfusionMatrixView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMinCellSize = 12;
    static constexpr int kMaxCellSize = 56;

    explicit ConfusionMatrixView(QWidget *parent = nullptr);
    ~ConfusionMatrixView() override;

    /// `counts[true][predicted]`; a matrix that is not square or does not match the names is
    /// cut to the largest square both cover.
    void setMatrix(const QStringList &classNames, const QVector<QVector<qint64>> &counts);
    int classCount() const { return m_names.size(); }
    qint64 count(int trueClass, int predictedClass) const;
    qint64 total() const;
    /// The cell's share of its row, 0 for an empty row.
    double rowShare(int trueClass, int predictedClass) const;

    /// The cell's rectangle in widget coordinates, for the current size.
    QRect cellRect(int trueClass, int predictedClass) const;
    int cellSize() const;
    /// The tooltip text of a cell.
    QString cellText(int trueClass, int predictedClass) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Geometry
    {
        int cell = 0;
        int labelFontPixels = 0;
        int rowLabelWidth = 0;     ///< width of the class names left of the rows
        int columnLabelHeight = 0; ///< height of the rotated names above the columns
        QPoint origin;             ///< top-left of the first cell
    };
    Geometry geometryForWidth(int width) const;
    Geometry geometry() const { return geometryForWidth(width()); }
    QFont labelFont(int pixels) const;
    int labelExtent(int pixels) const;

    QStringList m_names;
    QVector<QVector<qint64>> m_counts;
    QVector<qint64> m_rowTotals;
};

} // namespace mf
