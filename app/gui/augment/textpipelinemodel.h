#pragma once

#include "app/gui/augment/steplistmodel.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace mf {

class TextAugmentPipeline;

/// The steps of a text augmentation pipeline (core/text/textaugmentpipeline.h) as an editable
/// list: checkable, movable, removable, with the probability and EDA strength (alpha) of each
/// step and the pipeline's text level. Every change emits pipelineChanged().
class TextPipelineModel : public StepListModel
{
    Q_OBJECT
public:
    enum Role
    {
        OperationRole = Qt::UserRole, ///< QString: "random_swap"
        ProbabilityRole,              ///< double
        AlphaRole,                    ///< double; invalid for operations without alpha
        EnabledRole                   ///< bool
    };

    explicit TextPipelineModel(QObject *parent = nullptr);
    ~TextPipelineModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Every text operation name, in the editor's order.
    static QStringList operationNames();
    static QString title(const QString &op);
    static QString description(const QString &op);

    /// Appends `op` with its defaults; its row, or -1 for an unknown name.
    int addOperation(const QString &op);
    /// Sets "probability" or "alpha" of step `row`; the refusal, or an empty string.
    QString setParameter(int row, const QString &key, double value);
    /// "auto", "word" or "char".
    QString level() const;
    void setLevel(const QString &level);

    std::shared_ptr<const TextAugmentPipeline> pipeline() const;
    void setPipeline(const TextAugmentPipeline &pipeline);

Q_SIGNALS:
    void pipelineChanged();

private:
    bool isStepEnabled(int row) const override;
    void setStepEnabled(int row, bool enabled) override;
    void moveSteps(int sourceRow, int count, int destinationChild) override;
    void eraseSteps(int row, int count) override;
    void stepsEdited() override;
    void changed();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mf
