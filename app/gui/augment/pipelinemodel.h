#pragma once

#include "app/gui/augment/steplistmodel.h"

#include <QString>
#include <QVariant>

#include <memory>

namespace mf {

class AugmentPipeline;

/// The steps of an augmentation pipeline as an editable list: one row per operation, checkable
/// to enable it, movable (drag and drop or moveRows), removable. Every change rebuilds the
/// immutable core pipeline and emits pipelineChanged().
class PipelineModel : public StepListModel
{
    Q_OBJECT
public:
    enum Role
    {
        OperationRole = Qt::UserRole, ///< QString: the JSON name, "random_crop"
        SummaryRole,                  ///< QString: the parameters in short
        EnabledRole                   ///< bool
    };

    explicit PipelineModel(QObject *parent = nullptr);
    ~PipelineModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Appends operation `op` with its default parameters; its row, or -1 for an unknown name.
    int addOperation(const QString &op);
    /// Sets "probability" or a parameter of step `row`. Returns an empty string, or the reason
    /// the value was refused, in which case the step keeps its old value.
    QString setParameter(int row, const QString &key, const QVariant &value);
    /// The value of "probability" or a parameter: double, qlonglong, QString or QVariantList.
    QVariant parameter(int row, const QString &key) const;
    QString operation(int row) const;

    /// The pipeline the rows make; never null. Immutable, so it may be used on any thread.
    std::shared_ptr<const AugmentPipeline> pipeline() const;
    /// Replaces every row by the steps of `pipeline`.
    void setPipeline(const AugmentPipeline &pipeline);

Q_SIGNALS:
    /// Any change of the steps: added, removed, moved, enabled, disabled, edited, replaced.
    void pipelineChanged();

private:
    bool isStepEnabled(int row) const override;
    void setStepEnabled(int row, bool enabled) override;
    void moveSteps(int sourceRow, int count, int destinationChild) override;
    void eraseSteps(int row, int count) override;
    void stepsEdited() override;
    void rebuild();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mf
