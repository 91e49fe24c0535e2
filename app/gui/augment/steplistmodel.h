#pragma once

#include <QAbstractListModel>

#include <algorithm>

namespace mf {

/// The editing both Augment step lists share (image and text pipelines): each row is a step,
/// checkable to enable it, draggable to reorder, removable. Subclasses keep the steps; every edit
/// made here ends in stepsEdited().
class StepListModel : public QAbstractListModel
{
public:
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;

protected:
    /// `enabledRole` is the subclass's bool role for a step's enabled state, set like the check
    /// box.
    StepListModel(int enabledRole, QObject *parent);

    virtual bool isStepEnabled(int row) const = 0;
    virtual void setStepEnabled(int row, bool enabled) = 0;
    /// Moves `count` steps from `sourceRow` to before `destinationChild` (a valid move).
    virtual void moveSteps(int sourceRow, int count, int destinationChild) = 0;
    virtual void eraseSteps(int row, int count) = 0;
    virtual void stepsEdited() = 0;

    /// moveSteps() for a random-access container of steps.
    template <typename Steps>
    static void rotateSteps(Steps &steps, int sourceRow, int count, int destinationChild)
    {
        const auto first = steps.begin() + sourceRow;
        const auto last = first + count;
        if (destinationChild < sourceRow)
            std::rotate(steps.begin() + destinationChild, first, last);
        else
            std::rotate(first, last, steps.begin() + destinationChild);
    }

private:
    int m_enabledRole;
};

} // namespace mf
