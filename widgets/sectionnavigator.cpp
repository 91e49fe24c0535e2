#include "widgets/sectionnavigator.h"

#include <QScrollBar>

namespace mf {

SectionNavigator::SectionNavigator(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("sectionNavigator"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setIconSize(QSize(24, 24));
    setSpacing(2);
    setUniformItemSizes(true);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    connect(this, &QListWidget::currentRowChanged, this, &SectionNavigator::onCurrentRowChanged);
}

SectionNavigator::~SectionNavigator() = default;

int SectionNavigator::addSection(const QIcon &icon, const QString &title, const QString &toolTip,
                                 bool enabled)
{
    auto *entry = new QListWidgetItem(icon, title, this);
    entry->setToolTip(toolTip);
    entry->setSizeHint(QSize(0, iconSize().height() + 16));
    const int index = count() - 1;
    setSectionEnabled(index, enabled);
    updateGeometry();
    return index;
}

int SectionNavigator::sectionCount() const
{
    return count();
}

QString SectionNavigator::sectionTitle(int index) const
{
    const QListWidgetItem *entry = item(index);
    return entry ? entry->text() : QString();
}

QString SectionNavigator::sectionToolTip(int index) const
{
    const QListWidgetItem *entry = item(index);
    return entry ? entry->toolTip() : QString();
}

bool SectionNavigator::isSectionEnabled(int index) const
{
    const QListWidgetItem *entry = item(index);
    return entry && entry->flags().testFlag(Qt::ItemIsEnabled);
}

void SectionNavigator::setSectionEnabled(int index, bool enabled)
{
    QListWidgetItem *entry = item(index);
    if (!entry)
        return;
    entry->setFlags(enabled ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags);
    if (!enabled && currentRow() == index)
        setCurrentRow(-1);
}

int SectionNavigator::currentSection() const
{
    return isSectionEnabled(currentRow()) ? currentRow() : -1;
}

bool SectionNavigator::setCurrentSection(int index)
{
    if (!isSectionEnabled(index))
        return false;
    setCurrentRow(index);
    return true;
}

QSize SectionNavigator::sizeHint() const
{
    int textWidth = 0;
    for (int row = 0; row < count(); ++row)
        textWidth = qMax(textWidth, fontMetrics().horizontalAdvance(item(row)->text()));
    const int width = textWidth + iconSize().width() + 48 + 2 * frameWidth() +
                      verticalScrollBar()->sizeHint().width();
    return QSize(qMax(width, 140), QListWidget::sizeHint().height());
}

void SectionNavigator::onCurrentRowChanged(int row)
{
    if (isSectionEnabled(row))
        Q_EMIT sectionChosen(row);
}

} // namespace mf
