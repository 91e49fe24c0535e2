#include "app/gui/augment/steplistmodel.h"

namespace mf {

StepListModel::StepListModel(int enabledRole, QObject *parent)
    : QAbstractListModel(parent), m_enabledRole(enabledRole)
{
}

bool StepListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        (role != Qt::CheckStateRole && role != m_enabledRole))
        return false;
    const bool enabled = role == m_enabledRole ? value.toBool()
                                               : value.value<Qt::CheckState>() == Qt::Checked ||
                                                     value.toInt() == Qt::Checked;
    if (isStepEnabled(index.row()) == enabled)
        return true;
    setStepEnabled(index.row(), enabled);
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole, m_enabledRole});
    stepsEdited();
    return true;
}

Qt::ItemFlags StepListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
           Qt::ItemIsDragEnabled;
}

Qt::DropActions StepListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

bool StepListModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                             const QModelIndex &destinationParent, int destinationChild)
{
    const int rows = rowCount();
    if (sourceParent.isValid() || destinationParent.isValid() || count < 1 || sourceRow < 0 ||
        sourceRow + count > rows || destinationChild < 0 || destinationChild > rows ||
        (destinationChild >= sourceRow && destinationChild <= sourceRow + count))
        return false;
    beginMoveRows(QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(), destinationChild);
    moveSteps(sourceRow, count, destinationChild);
    endMoveRows();
    stepsEdited();
    return true;
}

bool StepListModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || count < 1 || row < 0 || row + count > rowCount())
        return false;
    beginRemoveRows(QModelIndex(), row, row + count - 1);
    eraseSteps(row, count);
    endRemoveRows();
    stepsEdited();
    return true;
}

} // namespace mf
