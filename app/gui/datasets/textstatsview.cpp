#include "app/gui/datasets/textstatsview.h"

#include "app/gui/datasets/datasetanalysis.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLineSeries>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace mf {

namespace {

/// The smallest of 1, 2, 5, 10, 20, 50, ... that is at least `raw`.
std::int64_t niceWidth(std::int64_t raw)
{
    for (std::int64_t decade = 1;; decade *= 10)
        for (const std::int64_t step : {1, 2, 5})
            if (step * decade >= raw)
                return step * decade;
}

} // namespace

TextStatsView::TextStatsView(QWidget *parent)
    : QWidget(parent), m_histogram(new QChartView), m_topTokens(new QTableWidget(0, 2))
{
    setObjectName(QStringLiteral("textStatsView"));
    m_histogram->setObjectName(QStringLiteral("lengthHistogram"));
    m_histogram->setRenderHint(QPainter::Antialiasing);
    m_histogram->setMinimumHeight(220);
    m_histogram->chart()->setTitle(tr("Document length (tokens)"));
    m_histogram->chart()->legend()->hide();
    m_histogram->chart()->setMargins(QMargins(4, 4, 4, 4));
    m_topTokens->setObjectName(QStringLiteral("topTokens"));
    m_topTokens->setHorizontalHeaderLabels({tr("Token"), tr("Count")});
    m_topTokens->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_topTokens->verticalHeader()->hide();
    m_topTokens->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_topTokens->horizontalHeader()->setStretchLastSection(true);
    m_topTokens->setShowGrid(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_histogram, 3);
    layout->addWidget(m_topTokens, 2);
}

TextStatsView::~TextStatsView() = default;

void TextStatsView::setAnalysis(std::shared_ptr<const DatasetAnalysis> analysis)
{
    QChart *chart = m_histogram->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    m_topTokens->setRowCount(0);
    m_binCounts.clear();
    m_binEnds.clear();
    if (!analysis || !analysis->text || analysis->text->lengths.empty())
        return;
    const TextAnalysis &text = *analysis->text;
    const QLocale locale;

    // Bins of a round width up to the 99th percentile, so that a few very long documents do not
    // squeeze the rest into the first bar; the last bin takes the tail.
    std::vector<std::int64_t> sorted = text.lengths;
    std::sort(sorted.begin(), sorted.end());
    const std::int64_t top = std::max<std::int64_t>(sorted[sorted.size() * 99 / 100], 1);
    const std::int64_t width = niceWidth((top + kBins - 1) / kBins);
    const int bins = static_cast<int>(std::min<std::int64_t>(kBins, top / width + 1));
    std::vector<qint64> counts(static_cast<std::size_t>(bins), 0);
    for (const std::int64_t length : text.lengths)
        ++counts[static_cast<std::size_t>(std::min<std::int64_t>(length / width, bins - 1))];
    auto *set = new QBarSet(tr("Documents"));
    QStringList categories;
    for (int bin = 0; bin < bins; ++bin) {
        m_binCounts << counts[static_cast<std::size_t>(bin)];
        m_binEnds << (bin + 1) * width;
        *set << static_cast<qreal>(counts[static_cast<std::size_t>(bin)]);
        categories << QString::number(bin * width);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.95);
    chart->addSeries(series);
    // The bars sit on a hidden category axis; a value axis over the same width labels the token
    // counts, so that bar i spans [i, i + 1) x width.
    auto *binAxis = new QBarCategoryAxis;
    binAxis->append(categories);
    binAxis->setVisible(false);
    chart->addAxis(binAxis, Qt::AlignBottom);
    series->attachAxis(binAxis);
    auto *countAxis = new QValueAxis;
    countAxis->setRange(0, static_cast<qreal>(*std::max_element(counts.begin(), counts.end())));
    countAxis->applyNiceNumbers();
    countAxis->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(countAxis, Qt::AlignLeft);
    series->attachAxis(countAxis);
    auto *lengthAxis = new QValueAxis;
    lengthAxis->setRange(0, static_cast<qreal>(bins * width));
    lengthAxis->setTickType(QValueAxis::TicksDynamic);
    lengthAxis->setTickAnchor(0);
    lengthAxis->setTickInterval(static_cast<qreal>(niceWidth(bins * width / 5)));
    lengthAxis->setLabelFormat(QStringLiteral("%d"));
    lengthAxis->setTitleText(tr("tokens (the last bar holds all longer documents)"));
    chart->addAxis(lengthAxis, Qt::AlignBottom);
    auto *anchor = new QLineSeries;
    anchor->append(0, 0);
    anchor->append(static_cast<qreal>(bins * width), 0);
    anchor->setPen(Qt::NoPen);
    chart->addSeries(anchor);
    anchor->attachAxis(lengthAxis);
    anchor->attachAxis(countAxis);
    chart->legend()->hide();

    m_topTokens->setRowCount(static_cast<int>(text.topTokens.size()));
    for (int row = 0; row < m_topTokens->rowCount(); ++row) {
        const auto &[token, count] = text.topTokens[static_cast<std::size_t>(row)];
        m_topTokens->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(token)));
        auto *countItem = new QTableWidgetItem(locale.toString(static_cast<qint64>(count)));
        countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_topTokens->setItem(row, 1, countItem);
    }
}

} // namespace mf
