#include "app/gui/datasets/datasetstatspanel.h"

#include "app/gui/datasets/datasetanalysis.h"
#include "app/gui/datasets/loadeddataset.h"
#include "widgets/keyvaluetable.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace mf {

namespace {

QString channelValues(const std::vector<double> &values, int channels)
{
    const QLocale locale;
    if (channels == 3 && values.size() == 3)
        return QCoreApplication::translate("mf::DatasetStatsPanel", "R %1  G %2  B %3")
            .arg(locale.toString(values[0], 'f', 4), locale.toString(values[1], 'f', 4),
                 locale.toString(values[2], 'f', 4));
    QStringList parts;
    for (const double value : values)
        parts << locale.toString(value, 'f', 4);
    return parts.join(QStringLiteral("  "));
}

} // namespace

DatasetStatsPanel::DatasetStatsPanel(QWidget *parent)
    : QWidget(parent), m_overview(new KeyValueTable), m_problemsTitle(new QLabel),
      m_problems(new QTableWidget(0, 2))
{
    setObjectName(QStringLiteral("datasetStatsPanel"));
    m_overview->setObjectName(QStringLiteral("datasetOverview"));
    m_overview->setEmptyText(tr("No dataset is open."));
    m_overview->setHeaderLabels(tr("Property"), tr("Value"));
    m_overview->horizontalHeader()->hide();
    m_problems->setObjectName(QStringLiteral("datasetProblems"));
    m_problems->setHorizontalHeaderLabels({tr("File or sample"), tr("Problem")});
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problems->setWordWrap(true);
    m_problems->setTextElideMode(Qt::ElideMiddle);
    m_problems->verticalHeader()->hide();
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QFont bold = m_problemsTitle->font();
    bold.setBold(true);
    m_problemsTitle->setFont(bold);
    m_problemsTitle->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_overview);
    layout->addWidget(m_problemsTitle);
    layout->addWidget(m_problems, 1);
    // Takes the room the problem list leaves when there is none.
    layout->addStretch(0);
    refresh();
}

DatasetStatsPanel::~DatasetStatsPanel() = default;

void DatasetStatsPanel::setDataset(std::shared_ptr<const LoadedDataset> dataset)
{
    m_dataset = std::move(dataset);
    m_analysis.reset();
    refresh();
}

void DatasetStatsPanel::setAnalysis(std::shared_ptr<const DatasetAnalysis> analysis)
{
    m_analysis = std::move(analysis);
    refresh();
}

QList<QPair<QString, QString>> DatasetStatsPanel::problems() const
{
    QList<QPair<QString, QString>> rows;
    for (int row = 0; row < m_problems->rowCount(); ++row)
        rows.append({m_problems->item(row, 0)->text(), m_problems->item(row, 1)->text()});
    return rows;
}

void DatasetStatsPanel::refresh()
{
    m_problems->setRowCount(0);
    if (!m_dataset) {
        m_overview->setEntries({});
        m_problemsTitle->setText(tr("Problems"));
        return;
    }
    const LoadedDataset &dataset = *m_dataset;
    const QLocale locale;
    const QString computing = tr("computing…");
    QList<KeyValueTable::Entry> entries;
    entries.append({tr("Format"), formatTitle(dataset.format)});
    entries.append({tr("Source"), dataset.path});
    if (dataset.bundle || dataset.text) {
        entries.append({tr("Samples"), dataset.testCount() > 0
                                           ? tr("%1 (train %2, test %3)")
                                                 .arg(locale.toString(dataset.sampleCount()),
                                                      locale.toString(dataset.trainCount()),
                                                      locale.toString(dataset.testCount()))
                                           : locale.toString(dataset.sampleCount())});
        entries.append({tr("Classes"), locale.toString(qint64(dataset.classNames().size()))});
    }
    if (dataset.hasImages()) {
        entries.append({tr("Image size"), dataset.sizeText()});
        if (!m_analysis) {
            entries.append({tr("Mean (train)"), computing});
            entries.append({tr("Std (train)"), computing});
        } else if (m_analysis->trainStats) {
            entries.append({tr("Mean (train)"),
                            channelValues(m_analysis->trainStats->mean, dataset.channels())});
            entries.append({tr("Std (train)"),
                            channelValues(m_analysis->trainStats->std, dataset.channels())});
            if (m_analysis->testStats) {
                entries.append({tr("Mean (test)"),
                                channelValues(m_analysis->testStats->mean, dataset.channels())});
                entries.append({tr("Std (test)"),
                                channelValues(m_analysis->testStats->std, dataset.channels())});
            }
        }
    } else if (dataset.kind == LoadedDataset::Kind::Table && dataset.table) {
        entries.append({tr("Columns"), locale.toString(qint64(dataset.table->columns.size()))});
        entries.append({tr("Rows"), locale.toString(dataset.table->rows)});
    } else if (dataset.text) {
        const auto replaced = dataset.text->train.replacedInvalidUtf8 +
                              (dataset.text->test ? dataset.text->test->replacedInvalidUtf8 : 0);
        if (!m_analysis) {
            entries.append({tr("Tokens"), computing});
        } else if (m_analysis->text) {
            const TextAnalysis &text = *m_analysis->text;
            entries.append({tr("Tokens"), locale.toString(text.totalTokens)});
            entries.append({tr("Distinct tokens"), locale.toString(text.distinctTokens)});
            entries.append(
                {tr("Vocabulary (seen twice or more)"), locale.toString(text.vocabularySize)});
            if (!text.lengths.empty()) {
                std::vector<std::int64_t> sorted = text.lengths;
                std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
                const double mean = std::accumulate(text.lengths.begin(), text.lengths.end(), 0.0) /
                                    static_cast<double>(text.lengths.size());
                entries.append({tr("Tokens per document"),
                                tr("mean %1, median %2")
                                    .arg(locale.toString(mean, 'f', 1),
                                         locale.toString(sorted[sorted.size() / 2]))});
            }
        }
        if (replaced > 0)
            entries.append({tr("Invalid UTF-8 replaced"), locale.toString(qint64(replaced))});
    }
    if (dataset.bundle || dataset.text) {
        if (!m_analysis)
            entries.append({tr("Duplicates"), computing});
        else if (m_analysis->duplicates.empty())
            entries.append({tr("Duplicates"), tr("none")});
        else
            entries.append(
                {tr("Duplicates"),
                 tr("%1 samples repeat an earlier one (%2 groups, %3 across train and test)")
                     .arg(locale.toString(m_analysis->duplicateSamples()),
                          locale.toString(qint64(m_analysis->duplicates.size())),
                          locale.toString(m_analysis->crossSplitDuplicates))});
    }
    if (!dataset.problems.empty())
        entries.append({tr("Files left out"), locale.toString(qint64(dataset.problems.size()))});
    entries.append({tr("Loaded in"), tr("%1 s").arg(locale.toString(dataset.loadSeconds, 'f', 2))});
    if (m_analysis)
        entries.append(
            {tr("Analysed in"), tr("%1 s").arg(locale.toString(m_analysis->seconds, 'f', 2))});
    m_overview->setEntries(entries);

    QList<QPair<QString, QString>> rows;
    if (!dataset.refusal.empty())
        rows.append(
            {dataset.path,
             tr("cannot be used for training: %1").arg(QString::fromStdString(dataset.refusal))});
    if (dataset.table)
        for (const std::string &row : dataset.table->malformedSample)
            rows.append({dataset.path, QString::fromStdString(row)});
    for (const DataProblem &problem : dataset.problems)
        rows.append({QString::fromStdString(problem.file), QString::fromStdString(problem.reason)});
    if (dataset.text) {
        for (const TextDataset *part :
             {&dataset.text->train, dataset.text->test ? &*dataset.text->test : nullptr})
            if (part)
                for (const std::string &skipped : part->skipped)
                    rows.append({QString::fromStdString(part->source),
                                 tr("skipped: %1").arg(QString::fromStdString(skipped))});
    }
    int duplicateRows = 0;
    qint64 duplicatesLeft = 0;
    if (m_analysis) {
        for (const DuplicateGroup &group : m_analysis->duplicates) {
            const qint64 first = group.samples.front();
            for (std::size_t i = 1; i < group.samples.size(); ++i) {
                if (duplicateRows >= kDuplicateRowsShown) {
                    ++duplicatesLeft;
                    continue;
                }
                const qint64 sample = group.samples[i];
                const QString labels =
                    dataset.labelOf(sample) == dataset.labelOf(first)
                        ? tr("same label %1").arg(dataset.className(dataset.labelOf(sample)))
                        : tr("labels differ: %1 here, %2 there")
                              .arg(dataset.className(dataset.labelOf(sample)),
                                   dataset.className(dataset.labelOf(first)));
                rows.append({tr("sample %1 (%2)").arg(sample).arg(dataset.originText(sample)),
                             tr("duplicate of sample %1 (%2); %3")
                                 .arg(first)
                                 .arg(dataset.originText(first), labels)});
                ++duplicateRows;
            }
        }
    }
    if (duplicatesLeft > 0)
        rows.append(
            {QString(), tr("… and %1 more duplicates").arg(locale.toString(duplicatesLeft))});

    m_problems->setRowCount(static_cast<int>(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        auto *file = new QTableWidgetItem(rows[row].first);
        file->setToolTip(rows[row].first);
        auto *reason = new QTableWidgetItem(rows[row].second);
        reason->setToolTip(rows[row].second);
        m_problems->setItem(row, 0, file);
        m_problems->setItem(row, 1, reason);
    }
    if (!rows.isEmpty()) {
        m_problems->resizeColumnToContents(0);
        m_problems->setColumnWidth(0, std::min(280, m_problems->columnWidth(0) + 12));
        m_problems->resizeRowsToContents();
    }
    const bool pending = !m_analysis && (dataset.bundle || dataset.text);
    m_problemsTitle->setText(
        rows.isEmpty()
            ? (pending ? tr("Problems: checking for duplicates…") : tr("Problems: none found"))
            : tr("Problems (%1)").arg(locale.toString(qint64(rows.size()))));
    m_problems->setVisible(!rows.isEmpty());
}

} // namespace mf
