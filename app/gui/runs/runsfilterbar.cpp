#include "app/gui/runs/runsfilterbar.h"

#include "app/gui/format/displayformat.h"
#include "app/gui/runs/runsproxymodel.h"
#include "app/gui/runs/runstablemodel.h"
#include "widgets/doticon.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>

#include <map>
#include <set>

namespace mf {

namespace {

constexpr RunStatus kStatuses[] = {RunStatus::Running, RunStatus::Finished, RunStatus::Stopped,
                                   RunStatus::Failed, RunStatus::Interrupted};

QComboBox *makeBox(const QString &objectName, const QString &allText, const QString &toolTip)
{
    auto *box = new QComboBox;
    box->setObjectName(objectName);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(9);
    box->setToolTip(toolTip);
    box->addItem(allText);
    return box;
}

} // namespace

RunsFilterBar::RunsFilterBar(RunsProxyModel *proxy, QWidget *parent)
    : QWidget(parent), m_proxy(proxy), m_text(new QLineEdit),
      m_status(makeBox(QStringLiteral("runsStatusFilter"), tr("All statuses"),
                       tr("Show the runs with this status"))),
      m_dataset(makeBox(QStringLiteral("runsDatasetFilter"), tr("All datasets"),
                        tr("Show the runs of this dataset"))),
      m_model(makeBox(QStringLiteral("runsModelFilter"), tr("All models"),
                      tr("Show the runs of this model type")))
{
    m_text->setObjectName(QStringLiteral("runsFilter"));
    m_text->setPlaceholderText(tr("Filter by name, status, dataset, model or tag"));
    m_text->setClearButtonEnabled(true);
    connect(m_text, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_status, &QComboBox::currentIndexChanged, this, &RunsFilterBar::applyStatus);
    connect(m_dataset, &QComboBox::currentIndexChanged, this, &RunsFilterBar::applyDataset);
    connect(m_model, &QComboBox::currentIndexChanged, this, &RunsFilterBar::applyModel);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_text, 2);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_dataset, 1);
    layout->addWidget(m_model, 1);
}

RunsFilterBar::~RunsFilterBar() = default;

void RunsFilterBar::updateChoices(const QAbstractItemModel &runs)
{
    std::set<int> statuses;
    std::map<QString, QString> datasets; // stored value -> shown name
    std::set<QString> models;
    for (int row = 0; row < runs.rowCount(); ++row) {
        const QModelIndex index = runs.index(row, 0);
        statuses.insert(index.data(RunsTableModel::StatusRole).toInt());
        const QString dataset = index.data(RunsTableModel::DatasetRole).toString();
        if (!dataset.isEmpty())
            datasets.emplace(dataset, RunsTableModel::datasetDisplayName(dataset));
        const QString model = index.data(RunsTableModel::ModelRole).toString();
        if (!model.isEmpty())
            models.insert(model);
    }

    const QVariant chosenStatus = m_status->currentData();
    if (chosenStatus.isValid())
        statuses.insert(chosenStatus.toInt());
    {
        const QSignalBlocker blocker(m_status);
        while (m_status->count() > 1)
            m_status->removeItem(1);
        for (RunStatus status : kStatuses)
            if (statuses.count(int(status)))
                m_status->addItem(dotIcon(DisplayFormat::statusColor(status)),
                                  DisplayFormat::statusText(status), int(status));
        m_status->setCurrentIndex(
            chosenStatus.isValid() ? std::max(0, m_status->findData(chosenStatus)) : 0);
    }

    const QVariant chosenDataset = m_dataset->currentData();
    if (chosenDataset.isValid())
        datasets.emplace(chosenDataset.toString(),
                         RunsTableModel::datasetDisplayName(chosenDataset.toString()));
    {
        const QSignalBlocker blocker(m_dataset);
        while (m_dataset->count() > 1)
            m_dataset->removeItem(1);
        for (const auto &[stored, shown] : datasets) {
            m_dataset->addItem(shown, stored);
            m_dataset->setItemData(m_dataset->count() - 1, stored, Qt::ToolTipRole);
        }
        m_dataset->setCurrentIndex(
            chosenDataset.isValid() ? std::max(0, m_dataset->findData(chosenDataset)) : 0);
    }

    const QVariant chosenModel = m_model->currentData();
    if (chosenModel.isValid())
        models.insert(chosenModel.toString());
    {
        const QSignalBlocker blocker(m_model);
        while (m_model->count() > 1)
            m_model->removeItem(1);
        for (const QString &model : models)
            m_model->addItem(model, model);
        m_model->setCurrentIndex(chosenModel.isValid() ? std::max(0, m_model->findData(chosenModel))
                                                       : 0);
    }
}

void RunsFilterBar::clear()
{
    m_text->clear();
    m_status->setCurrentIndex(0);
    m_dataset->setCurrentIndex(0);
    m_model->setCurrentIndex(0);
}

void RunsFilterBar::applyStatus()
{
    const QVariant data = m_status->currentData();
    m_proxy->setStatusFilter(data.isValid() ? std::optional<RunStatus>(RunStatus(data.toInt()))
                                            : std::nullopt);
}

void RunsFilterBar::applyDataset()
{
    const QVariant data = m_dataset->currentData();
    m_proxy->setDatasetFilter(data.isValid() ? data.toString() : QString());
}

void RunsFilterBar::applyModel()
{
    const QVariant data = m_model->currentData();
    m_proxy->setModelFilter(data.isValid() ? data.toString() : QString());
}

} // namespace mf
