#pragma once

#include <QChartView>
#include <QList>
#include <QStringList>

class QBarSet;

namespace mf {

/// Samples per class as horizontal bars, one bar set per split (train, and test when there is
/// one), the first class at the top. Its height grows with the number of classes, so that 100
/// class names stay readable inside a scroll area.
class ClassBalanceChart : public QChartView
{
    Q_OBJECT
public:
    explicit ClassBalanceChart(QWidget *parent = nullptr);
    ~ClassBalanceChart() override;

    /// `test` empty: a dataset without a test part.
    void setCounts(const QStringList &classNames, const QList<qint64> &train,
                   const QList<qint64> &test);
    void clear();

    QStringList classNames() const { return m_classNames; }
    /// Counts as shown, in class order (index 0 = class 0); empty when the split is absent.
    QList<qint64> trainCounts() const { return m_train; }
    QList<qint64> testCounts() const { return m_test; }
    QBarSet *trainSet() const { return m_trainSet; }
    QBarSet *testSet() const { return m_testSet; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    QStringList m_classNames;
    QList<qint64> m_train, m_test;
    QBarSet *m_trainSet = nullptr;
    QBarSet *m_testSet = nullptr;
};

} // namespace mf
