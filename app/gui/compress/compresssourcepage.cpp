#include "app/gui/compress/compresssourcepage.h"

#include "app/gui/format/displayformat.h"
#include "core/store/runstore.h"
#include "widgets/messagepanel.h"

#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace mf {

namespace {

enum Column
{
    IdColumn,
    NameColumn,
    ModelColumn,
    DatasetColumn,
    AccuracyColumn,
    ColumnCount
};

} // namespace

CompressSourcePage::CompressSourcePage(QWidget *parent)
    : QWizardPage(parent), m_stack(new QStackedWidget), m_list(new QTreeWidget),
      m_empty(new MessagePanel)
{
    setTitle(tr("Source run"));
    setSubTitle(tr("Choose the trained run to compress. Each compressed variant becomes a run of "
                   "its own, under this one."));
    m_list->setObjectName(QStringLiteral("compressSourceList"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels(
        {tr("Run"), tr("Name"), tr("Model"), tr("Dataset"), tr("Best val. accuracy")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(DatasetColumn, QHeaderView::Stretch);
    for (int column : {IdColumn, ModelColumn, AccuracyColumn})
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &QWizardPage::completeChanged);
    m_empty->setMessage(MessagePanel::Kind::Information, tr("No finished run"),
                        tr("Train a run first: the Train section makes one in a few minutes. "
                           "Compression starts from a run that finished training."));
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

CompressSourcePage::~CompressSourcePage() = default;

void CompressSourcePage::setDatabasePath(const QString &path)
{
    m_databasePath = path;
    reload();
}

void CompressSourcePage::reload()
{
    const qint64 previous = selectedRun();
    m_list->clear();
    std::vector<RunRecord> runs;
    QString error;
    if (QFileInfo::exists(m_databasePath)) {
        try {
            const RunStore store(QFile::encodeName(m_databasePath).toStdString(),
                                 StoreAccess::ReadOnly);
            // Compression starts from a trained model: a finished run with a checkpoint (an
            // int8 variant has none to fine-tune from).
            for (const RunRecord &run : store.listRuns()) {
                if (run.status != RunStatus::Finished)
                    continue;
                const std::vector<Artifact> artifacts = store.artifacts(run.id);
                if (std::any_of(artifacts.begin(), artifacts.end(),
                                [](const Artifact &a) { return a.kind == "checkpoint"; }))
                    runs.push_back(run);
            }
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
    }
    const QLocale locale;
    for (const RunRecord &run : runs) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(IdColumn, Qt::UserRole, qint64(run.id));
        item->setText(IdColumn, QStringLiteral("#%1").arg(run.id));
        item->setText(NameColumn, QString::fromStdString(run.name));
        item->setText(ModelColumn, QString::fromStdString(run.model));
        const QString dataset = QString::fromStdString(run.dataset);
        item->setText(DatasetColumn, QFileInfo(dataset).fileName());
        item->setToolTip(DatasetColumn, dataset);
        item->setText(AccuracyColumn, run.bestValAccuracy
                                          ? DisplayFormat::percentText(*run.bestValAccuracy, locale)
                                          : tr("n/a"));
        item->setTextAlignment(AccuracyColumn, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (!error.isEmpty())
        m_empty->setMessage(MessagePanel::Kind::Error, tr("Run store unavailable"), error);
    else
        m_empty->setMessage(MessagePanel::Kind::Information, tr("No finished run"),
                            tr("Train a run first: the Train section makes one in a few minutes. "
                               "Compression starts from a run that finished training."));
    m_stack->setCurrentWidget(m_list->topLevelItemCount() > 0 ? static_cast<QWidget *>(m_list)
                                                              : m_empty);
    if (!selectRun(previous) && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    Q_EMIT completeChanged();
}

qint64 CompressSourcePage::selectedRun() const
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(IdColumn, Qt::UserRole).toLongLong();
}

bool CompressSourcePage::selectRun(qint64 runId)
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->data(IdColumn, Qt::UserRole).toLongLong() == runId) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void CompressSourcePage::initializePage()
{
    reload();
}

bool CompressSourcePage::isComplete() const
{
    return selectedRun() > 0;
}

} // namespace mf
