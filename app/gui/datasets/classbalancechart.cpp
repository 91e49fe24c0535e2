#include "app/gui/datasets/classbalancechart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace mf {

namespace {

constexpr int kRowHeight = 18;
constexpr int kLabelledClassesLimit = 20;

} // namespace

ClassBalanceChart::ClassBalanceChart(QWidget *parent) : QChartView(parent)
{
    setObjectName(QStringLiteral("classBalanceChart"));
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->setBackgroundRoundness(0);
    clear();
}

ClassBalanceChart::~ClassBalanceChart() = default;

void ClassBalanceChart::clear()
{
    setCounts({}, {}, {});
}

void ClassBalanceChart::setCounts(const QStringList &classNames, const QList<qint64> &train,
                                  const QList<qint64> &test)
{
    m_classNames = classNames;
    m_train = train;
    m_test = test;
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);
    m_trainSet = m_testSet = nullptr;
    if (classNames.isEmpty()) {
        updateGeometry();
        return;
    }

    // Qt draws the first category at the bottom; reversed, class 0 reads first.
    QStringList categories;
    auto *series = new QHorizontalBarSeries;
    const bool labelled = classNames.size() <= kLabelledClassesLimit;
    auto addSet = [&](const QString &name, const QList<qint64> &counts) {
        auto *set = new QBarSet(name);
        for (qsizetype i = counts.size() - 1; i >= 0; --i)
            *set << static_cast<qreal>(counts[i]);
        series->append(set);
        return set;
    };
    for (qsizetype i = classNames.size() - 1; i >= 0; --i)
        categories << classNames[i];
    m_trainSet = addSet(tr("Train"), train);
    if (!test.isEmpty())
        m_testSet = addSet(tr("Test"), test);
    series->setBarWidth(0.8);
    c->addSeries(series);
    // Value labels once the series is in the chart, which gives them the theme's colours.
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(12);
    series->setLabelsVisible(labelled);
    for (QBarSet *set : series->barSets())
        set->setLabelColor(palette().color(QPalette::WindowText));

    auto *classAxis = new QBarCategoryAxis;
    classAxis->append(categories);
    c->addAxis(classAxis, Qt::AlignLeft);
    series->attachAxis(classAxis);
    auto *countAxis = new QValueAxis;
    qint64 largest = 1;
    for (const QList<qint64> *counts : {&train, &test})
        for (const qint64 count : *counts)
            largest = std::max(largest, count);
    // Room for the value labels beside the longest bar.
    countAxis->setRange(0, labelled ? largest * 1.18 : largest * 1.02);
    countAxis->setTickCount(5);
    countAxis->applyNiceNumbers();
    countAxis->setLabelFormat(QStringLiteral("%d"));
    c->addAxis(countAxis, Qt::AlignBottom);
    series->attachAxis(countAxis);
    c->legend()->setVisible(!test.isEmpty());
    updateGeometry();
}

QSize ClassBalanceChart::sizeHint() const
{
    const int rows = std::max<int>(static_cast<int>(m_classNames.size()), 4);
    return QSize(320, 90 + rows * (m_test.isEmpty() ? kRowHeight : kRowHeight * 3 / 2));
}

QSize ClassBalanceChart::minimumSizeHint() const
{
    const int rows = std::max<int>(static_cast<int>(m_classNames.size()), 4);
    return QSize(200, 80 + rows * kRowHeight);
}

} // namespace mf
