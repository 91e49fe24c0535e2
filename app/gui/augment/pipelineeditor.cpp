#include "app/gui/augment/pipelineeditor.h"

#include "app/gui/augment/operationcatalog.h"
#include "app/gui/augment/parameterform.h"
#include "app/gui/augment/pipelinemodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace mf {

PipelineEditor::PipelineEditor(PipelineModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_list(new QListView), m_form(new ParameterForm(model)),
      m_addButton(new QToolButton), m_removeButton(new QToolButton), m_upButton(new QToolButton),
      m_downButton(new QToolButton), m_addMenu(new QMenu(this))
{
    m_list->setObjectName(QStringLiteral("pipelineList"));
    m_list->setModel(model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setDragEnabled(true);
    m_list->setAcceptDrops(true);
    m_list->setDropIndicatorShown(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setToolTip(tr("Steps run from top to bottom; drag a step to move it"));

    for (const QString &op : OperationCatalog::names()) {
        QAction *action = m_addMenu->addAction(OperationCatalog::title(op));
        action->setToolTip(OperationCatalog::description(op));
        action->setData(op);
        connect(action, &QAction::triggered, this, [this, op] { addOperation(op); });
    }
    m_addMenu->setToolTipsVisible(true);
    m_addButton->setObjectName(QStringLiteral("addStepButton"));
    m_addButton->setText(tr("Add"));
    m_addButton->setToolTip(tr("Add an operation at the end"));
    m_addButton->setMenu(m_addMenu);
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_removeButton->setObjectName(QStringLiteral("removeStepButton"));
    m_removeButton->setText(tr("Remove"));
    m_removeButton->setToolTip(tr("Remove the selected step"));
    m_upButton->setObjectName(QStringLiteral("moveUpButton"));
    m_upButton->setArrowType(Qt::UpArrow);
    m_upButton->setToolTip(tr("Move the selected step up"));
    m_downButton->setObjectName(QStringLiteral("moveDownButton"));
    m_downButton->setArrowType(Qt::DownArrow);
    m_downButton->setToolTip(tr("Move the selected step down"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_upButton);
    buttons->addWidget(m_downButton);

    auto *formArea = new QScrollArea;
    formArea->setWidget(m_form);
    formArea->setWidgetResizable(true);
    formArea->setFrameShape(QFrame::NoFrame);

    auto *title = new QLabel(tr("Pipeline"));
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_list, 2);
    layout->addLayout(buttons);
    layout->addWidget(formArea, 3);

    connect(m_removeButton, &QToolButton::clicked, this, &PipelineEditor::removeSelected);
    connect(m_upButton, &QToolButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_downButton, &QToolButton::clicked, this, [this] { moveSelected(1); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_form->setRow(current.isValid() ? current.row() : -1);
                updateButtons();
            });
    // A move keeps the selection on the moved step; its number in the form follows it.
    connect(model, &QAbstractItemModel::rowsMoved, this, [this] {
        m_form->setRow(selectedRow());
        updateButtons();
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &PipelineEditor::updateButtons);
    connect(model, &QAbstractItemModel::rowsInserted, this, &PipelineEditor::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        selectRow(m_model->rowCount() > 0 ? 0 : -1);
        updateButtons();
    });
    updateButtons();
}

PipelineEditor::~PipelineEditor() = default;

int PipelineEditor::selectedRow() const
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    return current.isValid() && m_list->selectionModel()->isSelected(current) ? current.row() : -1;
}

void PipelineEditor::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_list->selectionModel()->clear();
        m_form->setRow(-1);
        return;
    }
    m_list->selectionModel()->setCurrentIndex(m_model->index(row),
                                              QItemSelectionModel::ClearAndSelect);
    m_form->setRow(row);
}

void PipelineEditor::addOperation(const QString &op)
{
    const int row = m_model->addOperation(op);
    if (row >= 0)
        selectRow(row);
}

void PipelineEditor::removeSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    m_model->removeRows(row, 1);
    selectRow(std::min(row, m_model->rowCount() - 1));
}

void PipelineEditor::moveSelected(int offset)
{
    const int row = selectedRow();
    const int target = row + offset;
    if (row < 0 || target < 0 || target >= m_model->rowCount())
        return;
    // moveRows' destination is the row the step goes in front of, counted before the move.
    m_model->moveRows(QModelIndex(), row, 1, QModelIndex(), offset > 0 ? target + 1 : target);
    selectRow(target);
}

void PipelineEditor::updateButtons()
{
    const int row = selectedRow();
    m_removeButton->setEnabled(row >= 0);
    m_upButton->setEnabled(row > 0);
    m_downButton->setEnabled(row >= 0 && row + 1 < m_model->rowCount());
}

} // namespace mf
