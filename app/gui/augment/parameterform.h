#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSlider;

namespace mf {

class PipelineModel;
struct OperationParameter;

/// The parameters of one step of a PipelineModel as a form generated from OperationCatalog:
/// the probability as a slider and spin box, then each parameter with its range. Every edit is
/// written to the model at once; a value the operation refuses is reported under the form and
/// the step keeps its previous value.
class ParameterForm : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterForm(PipelineModel *model, QWidget *parent = nullptr);
    ~ParameterForm() override;

    /// Shows step `row`; -1 shows a hint.
    void setRow(int row);
    int row() const { return m_row; }
    /// The refusal of the last edit; empty when it was accepted.
    QString errorText() const;

private:
    void rebuild();
    void addParameter(const OperationParameter &parameter);
    void edit(const QString &key, const QVariant &value);

    PipelineModel *m_model;
    int m_row = -1;
    QWidget *m_fields = nullptr;
    QFormLayout *m_layout = nullptr;
    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_error;
};

} // namespace mf
