#include "app/gui/roi/runpickerdialog.h"

#include "app/gui/format/displayformat.h"
#include "core/store/runstore.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace mf {

namespace {

enum Column
{
    IdColumn,
    NameColumn,
    DetailColumn,
    AccuracyColumn,
    DurationColumn
};

QTreeWidget *runTree(const QString &name, const QString &detailTitle)
{
    auto *tree = new QTreeWidget;
    tree->setObjectName(name);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setHeaderLabels({RunPickerDialog::tr("Run"), RunPickerDialog::tr("Name"), detailTitle,
                           RunPickerDialog::tr("Best val. accuracy"),
                           RunPickerDialog::tr("Trained for")});
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column : {IdColumn, DetailColumn, AccuracyColumn, DurationColumn})
        tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    return tree;
}

void addRun(QTreeWidget *tree, const RunRecord &run, const QString &detail)
{
    const QLocale locale;
    auto *item = new QTreeWidgetItem(tree);
    item->setData(IdColumn, Qt::UserRole, qint64(run.id));
    item->setText(IdColumn, QStringLiteral("#%1").arg(run.id));
    item->setText(NameColumn, QString::fromStdString(run.name));
    item->setText(DetailColumn, detail);
    item->setText(AccuracyColumn, run.bestValAccuracy
                                      ? DisplayFormat::percentText(*run.bestValAccuracy, locale)
                                      : RunPickerDialog::tr("n/a"));
    item->setText(DurationColumn, DisplayFormat::durationText(
                                      DisplayFormat::durationMs(run, RunStore::nowMs()), locale));
    item->setTextAlignment(AccuracyColumn, Qt::AlignRight | Qt::AlignVCenter);
}

std::unique_ptr<RunStore> openStore(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path))
        return nullptr;
    try {
        return std::make_unique<RunStore>(QFile::encodeName(path).toStdString(),
                                          StoreAccess::ReadOnly);
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
    }
    return nullptr;
}

qint64 selectedId(const QTreeWidget *tree)
{
    const QList<QTreeWidgetItem *> items = tree->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(IdColumn, Qt::UserRole).toLongLong();
}

bool selectId(QTreeWidget *tree, qint64 runId)
{
    for (int row = 0; row < tree->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = tree->topLevelItem(row);
        if (item->data(IdColumn, Qt::UserRole).toLongLong() == runId) {
            tree->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

} // namespace

RunPickerDialog::RunPickerDialog(const QString &databasePath, Mode mode, QWidget *parent)
    : QDialog(parent), m_databasePath(databasePath), m_mode(mode),
      m_runs(runTree(QStringLiteral("roiPickRun"), tr("Model"))),
      m_variants(runTree(QStringLiteral("roiPickVariant"), tr("Technique"))),
      m_variantNote(new QLabel), m_message(new QLabel),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(mode == Mode::Run ? tr("Fill from Run") : tr("Fill from Compressed Variant"));
    auto *intro = new QLabel(
        mode == Mode::Run
            ? tr("The run is measured on this machine: its training time, its latency and "
                 "throughput, and its confusion matrix on the test set fill the scenario.")
            : tr("Training figures come from the run, serving figures and the confusion matrix "
                 "from the variant that will be deployed. Both are measured on this machine."));
    intro->setWordWrap(true);
    m_message->setWordWrap(true);
    m_variantNote->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Measure and Fill"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(new QLabel(tr("Trained run")));
    layout->addWidget(m_runs, 1);
    layout->addWidget(m_message);
    if (mode == Mode::Variant) {
        layout->addWidget(new QLabel(tr("Compressed variant")));
        layout->addWidget(m_variants, 1);
        layout->addWidget(m_variantNote);
    } else {
        m_variants->hide();
        m_variantNote->hide();
    }
    layout->addWidget(m_buttons);
    resize(720, mode == Mode::Variant ? 560 : 400);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_runs, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (m_mode == Mode::Variant)
            loadVariants();
        updateOk();
    });
    connect(m_variants, &QTreeWidget::itemSelectionChanged, this, &RunPickerDialog::updateOk);
    connect(m_runs, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (m_mode == Mode::Run && selectedRun() > 0)
            accept();
    });
    connect(m_variants, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (selectedVariant() > 0)
            accept();
    });
    loadRuns();
}

RunPickerDialog::~RunPickerDialog() = default;

void RunPickerDialog::loadRuns()
{
    m_runs->clear();
    QString error;
    const std::unique_ptr<RunStore> store = openStore(m_databasePath, &error);
    try {
        if (store)
            for (const RunRecord &run : store->listRuns()) {
                if (run.status != RunStatus::Finished ||
                    store->params(run.id).count(kParentRunParam) > 0)
                    continue;
                addRun(m_runs, run, QString::fromStdString(run.model));
            }
    } catch (const std::exception &e) {
        error = QString::fromUtf8(e.what());
    }
    if (!error.isEmpty())
        m_message->setText(tr("The run store cannot be read: %1").arg(error));
    else if (m_runs->topLevelItemCount() == 0)
        m_message->setText(tr("No finished run in this workspace: train one in the Train "
                              "section first."));
    m_message->setVisible(!m_message->text().isEmpty());
    if (m_runs->topLevelItemCount() > 0)
        m_runs->setCurrentItem(m_runs->topLevelItem(0));
    updateOk();
}

void RunPickerDialog::loadVariants()
{
    m_variants->clear();
    const qint64 runId = selectedRun();
    QString error;
    const std::unique_ptr<RunStore> store = runId > 0 ? openStore(m_databasePath, &error) : nullptr;
    try {
        if (store)
            for (std::int64_t id : store->runsWithParam(kParentRunParam, std::to_string(runId))) {
                const std::optional<RunRecord> run = store->run(id);
                if (!run || run->status != RunStatus::Finished)
                    continue;
                const auto params = store->params(id);
                // Runs fine-tuned from this one are children too, but no variants of it.
                const auto technique = params.find(kCompressionParam);
                if (technique == params.end())
                    continue;
                addRun(m_variants, *run, QString::fromStdString(technique->second));
            }
    } catch (const std::exception &e) {
        error = QString::fromUtf8(e.what());
    }
    if (!error.isEmpty())
        m_variantNote->setText(tr("The run store cannot be read: %1").arg(error));
    else if (runId > 0 && m_variants->topLevelItemCount() == 0)
        m_variantNote->setText(tr("Run #%1 has no compressed variant: make one in the Compress "
                                  "section, or fill from the run itself.")
                                   .arg(runId));
    else
        m_variantNote->clear();
    m_variantNote->setVisible(m_mode == Mode::Variant && !m_variantNote->text().isEmpty());
    if (m_variants->topLevelItemCount() > 0)
        m_variants->setCurrentItem(m_variants->topLevelItem(0));
}

void RunPickerDialog::updateOk()
{
    const bool ok = selectedRun() > 0 && (m_mode == Mode::Run || selectedVariant() > 0);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

qint64 RunPickerDialog::selectedRun() const
{
    return selectedId(m_runs);
}

qint64 RunPickerDialog::selectedVariant() const
{
    return m_mode == Mode::Variant ? selectedId(m_variants) : 0;
}

bool RunPickerDialog::selectRun(qint64 runId)
{
    return selectId(m_runs, runId);
}

bool RunPickerDialog::selectVariant(qint64 runId)
{
    return selectId(m_variants, runId);
}

} // namespace mf
