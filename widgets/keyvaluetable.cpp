#include "widgets/keyvaluetable.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPainter>

#include <algorithm>

namespace mf {

KeyValueTable::KeyValueTable(QWidget *parent) : QTableWidget(0, 2, parent)
{
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setCornerButtonEnabled(false);
    setSizeAdjustPolicy(QAbstractScrollArea::AdjustIgnored);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setHighlightSections(false);
}

KeyValueTable::~KeyValueTable() = default;

void KeyValueTable::setEntries(const QList<Entry> &entries)
{
    clearContents();
    setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        auto *key = new QTableWidgetItem(entries[row].first);
        auto *value = new QTableWidgetItem(entries[row].second);
        key->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        value->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        key->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
        value->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
        value->setToolTip(entries[row].second);
        setItem(row, 0, key);
        setItem(row, 1, value);
    }
    resizeRowsToContents();
    updateGeometry();
    viewport()->update();
}

QList<KeyValueTable::Entry> KeyValueTable::entries() const
{
    QList<Entry> result;
    result.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row)
        result.append({item(row, 0)->text(), item(row, 1)->text()});
    return result;
}

QString KeyValueTable::value(const QString &key) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (item(row, 0)->text() == key)
            return item(row, 1)->text();
    }
    return QString();
}

void KeyValueTable::setHeaderLabels(const QString &keyLabel, const QString &valueLabel)
{
    setHorizontalHeaderLabels({keyLabel, valueLabel});
}

void KeyValueTable::setEmptyText(const QString &text)
{
    m_emptyText = text;
    updateGeometry();
    viewport()->update();
}

QString KeyValueTable::selectedText() const
{
    QList<int> rows;
    const QModelIndexList selected = selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    if (rows.isEmpty()) {
        for (int row = 0; row < rowCount(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (int row : rows)
        lines.append(item(row, 0)->text() + QLatin1Char('\t') + item(row, 1)->text());
    return lines.join(QLatin1Char('\n'));
}

int KeyValueTable::contentHeight() const
{
    int height = 2 * frameWidth();
    if (!horizontalHeader()->isHidden())
        height += horizontalHeader()->sizeHint().height();
    if (rowCount() == 0)
        return height + fontMetrics().lineSpacing() * 2;
    for (int row = 0; row < rowCount(); ++row)
        height += rowHeight(row);
    return height;
}

QSize KeyValueTable::sizeHint() const
{
    return QSize(QTableWidget::sizeHint().width(), contentHeight());
}

QSize KeyValueTable::minimumSizeHint() const
{
    return QSize(QTableWidget::minimumSizeHint().width(), contentHeight());
}

void KeyValueTable::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        QApplication::clipboard()->setText(selectedText());
        event->accept();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

void KeyValueTable::paintEvent(QPaintEvent *event)
{
    QTableWidget::paintEvent(event);
    if (rowCount() > 0 || m_emptyText.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
    painter.drawText(viewport()->rect().adjusted(6, 0, -6, 0),
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, m_emptyText);
}

void KeyValueTable::resizeEvent(QResizeEvent *event)
{
    QTableWidget::resizeEvent(event);
    // Wrapped values change height with the width of the value column.
    resizeRowsToContents();
    updateGeometry();
}

} // namespace mf
