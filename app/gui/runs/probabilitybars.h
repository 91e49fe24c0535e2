#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

namespace mf {

/// Class probabilities as horizontal bars, most probable first: each row the class name, a bar
/// as long as its probability and the percentage; the most probable class in the highlight
/// colour.
class ProbabilityBars : public QWidget
{
    Q_OBJECT
public:
    explicit ProbabilityBars(QWidget *parent = nullptr);
    ~ProbabilityBars() override;

    /// `probabilities` per class, in the order of `classNames`.
    void setProbabilities(const QStringList &classNames, const QVector<double> &probabilities);
    void clear();

    /// The classes as shown, most probable first, and their probabilities.
    QStringList shownClasses() const;
    QVector<double> shownProbabilities() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Row
    {
        QString name;
        double probability = 0.0;
    };

    int rowHeight() const;
    QString percentText(double probability) const;

    QVector<Row> m_rows;
};

} // namespace mf
