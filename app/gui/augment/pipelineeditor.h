#pragma once

#include <QWidget>

class QListView;
class QMenu;
class QToolButton;

namespace mf {

class ParameterForm;
class PipelineModel;

/// Edits a PipelineModel: the list of steps (checkbox to enable, drag to reorder), buttons to
/// add any operation, remove the selected step or move it up and down, and the ParameterForm of
/// the selected step.
class PipelineEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PipelineEditor(PipelineModel *model, QWidget *parent = nullptr);
    ~PipelineEditor() override;

    /// Appends operation `op` and selects it.
    void addOperation(const QString &op);
    void removeSelected();
    /// Moves the selected step by `offset` rows (-1 up, +1 down).
    void moveSelected(int offset);
    /// The selected row, -1 for none.
    int selectedRow() const;
    void selectRow(int row);

    QListView *list() const { return m_list; }
    ParameterForm *form() const { return m_form; }

private:
    void updateButtons();

    PipelineModel *m_model;
    QListView *m_list;
    ParameterForm *m_form;
    QToolButton *m_addButton;
    QToolButton *m_removeButton;
    QToolButton *m_upButton;
    QToolButton *m_downButton;
    QMenu *m_addMenu;
};

} // namespace mf
