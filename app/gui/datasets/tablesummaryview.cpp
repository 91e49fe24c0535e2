#include "app/gui/datasets/tablesummaryview.h"

#include "core/data/tablesummary.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLocale>

namespace mf {

namespace {

QString typeTitle(ColumnSummary::Type type)
{
    switch (type) {
    case ColumnSummary::Type::Integer:
        return QCoreApplication::translate("mf::TableSummaryView", "integer");
    case ColumnSummary::Type::Real:
        return QCoreApplication::translate("mf::TableSummaryView", "real");
    case ColumnSummary::Type::Text:
        return QCoreApplication::translate("mf::TableSummaryView", "text");
    case ColumnSummary::Type::Empty:
        break;
    }
    return QCoreApplication::translate("mf::TableSummaryView", "empty");
}

QTableWidgetItem *numberItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

TableSummaryView::TableSummaryView(QWidget *parent) : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("tableSummaryView"));
    setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("Missing"), tr("Min"), tr("Max"),
                               tr("Mean"), tr("Distinct")});
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setStretchLastSection(true);
}

TableSummaryView::~TableSummaryView() = default;

void TableSummaryView::setSummary(const TableSummary *summary)
{
    setRowCount(0);
    if (!summary)
        return;
    const QLocale locale;
    setRowCount(static_cast<int>(summary->columns.size()));
    for (int row = 0; row < rowCount(); ++row) {
        const ColumnSummary &column = summary->columns[static_cast<std::size_t>(row)];
        QString name = QString::fromStdString(column.name);
        if (row == summary->labelColumn)
            name = tr("%1 (label)").arg(name);
        auto *nameItem = new QTableWidgetItem(name);
        if (row == summary->labelColumn) {
            QFont bold = font();
            bold.setBold(true);
            nameItem->setFont(bold);
        }
        setItem(row, NameColumn, nameItem);
        setItem(row, TypeColumn, new QTableWidgetItem(typeTitle(column.type)));
        auto *missing = numberItem(locale.toString(column.missing));
        if (column.missing > 0)
            missing->setForeground(QColor(200, 60, 40));
        setItem(row, MissingColumn, missing);
        const bool numeric =
            column.type == ColumnSummary::Type::Integer || column.type == ColumnSummary::Type::Real;
        setItem(row, MinColumn,
                numberItem(numeric ? locale.toString(column.min, 'g', 6) : QString()));
        setItem(row, MaxColumn,
                numberItem(numeric ? locale.toString(column.max, 'g', 6) : QString()));
        setItem(row, MeanColumn,
                numberItem(numeric ? locale.toString(column.mean, 'g', 6) : QString()));
        setItem(row, DistinctColumn,
                numberItem(column.distinctCapped
                               ? tr("over %1").arg(locale.toString(column.distinct))
                               : locale.toString(column.distinct)));
    }
    resizeColumnsToContents();
}

} // namespace mf
