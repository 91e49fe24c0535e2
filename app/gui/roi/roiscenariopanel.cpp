#include "app/gui/roi/roiscenariopanel.h"

#include "app/gui/format/displayformat.h"
#include "core/roi/scenariotemplates.h"
#include "widgets/noticelabel.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace mf {

RoiScenarioPanel::RoiScenarioPanel(QWidget *parent)
    : QWidget(parent), m_autosave(new QTimer(this)), m_list(new QListWidget),
      m_new(new QToolButton), m_duplicate(new QPushButton(tr("Duplicate"))),
      m_rename(new QPushButton(tr("Rename…"))), m_delete(new QPushButton(tr("Delete…"))),
      m_save(new QPushButton(tr("Save"))), m_notice(new NoticeLabel)
{
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(kAutosaveDelayMs);
    connect(m_autosave, &QTimer::timeout, this, [this] {
        if (!isDraft())
            saveNow();
    });

    m_list->setObjectName(QStringLiteral("roiScenarioList"));
    m_list->setUniformItemSizes(true);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 5 + 10);
    m_new->setText(tr("New"));
    m_new->setToolTip(tr("A new scenario from one of the industry templates"));
    m_new->setPopupMode(QToolButton::InstantPopup);
    m_new->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_new->setObjectName(QStringLiteral("roiNewScenario"));
    auto *templates = new QMenu(m_new);
    for (const auto &[id, title] : templateTitles()) {
        QAction *action = templates->addAction(title);
        action->setObjectName(QStringLiteral("roiTemplate-") + id);
        action->setToolTip(templateDescription(id));
        connect(action, &QAction::triggered, this, [this, id = id] { createFromTemplate(id); });
    }
    templates->setToolTipsVisible(true);
    m_new->setMenu(templates);
    m_duplicate->setToolTip(tr("A copy of this scenario, to vary it"));
    m_rename->setToolTip(tr("Rename this scenario"));
    m_delete->setToolTip(tr("Remove this scenario from the workspace"));
    m_save->setToolTip(tr("Changes are saved automatically; a scenario that is not in the "
                          "workspace yet is kept once saved"));

    auto *title = new QLabel(tr("Scenarios"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    buttons->addWidget(m_new);
    buttons->addWidget(m_duplicate);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(title);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_notice);

    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (m_filling || !item)
            return;
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        if (id != 0 && id != m_currentId)
            open(id);
    });
    connect(m_duplicate, &QPushButton::clicked, this, [this] { duplicateCurrent(); });
    connect(m_rename, &QPushButton::clicked, this, &RoiScenarioPanel::askRename);
    connect(m_delete, &QPushButton::clicked, this, &RoiScenarioPanel::askDelete);
    connect(m_save, &QPushButton::clicked, this, &RoiScenarioPanel::saveNow);
    updateButtons();
}

RoiScenarioPanel::~RoiScenarioPanel()
{
    if (m_dirty && !isDraft())
        saveNow();
}

QList<QPair<QString, QString>> RoiScenarioPanel::templateTitles()
{
    QList<QPair<QString, QString>> titles;
    for (const roi::ScenarioTemplate &entry : roi::scenarioTemplates()) {
        const QString id = QString::fromStdString(entry.id);
        QString title = QString::fromStdString(entry.scenario.name);
        if (id == QLatin1String("credit-risk"))
            title = tr("Credit-risk scoring");
        else if (id == QLatin1String("medical-screening"))
            title = tr("Medical screening");
        else if (id == QLatin1String("tutoring"))
            title = tr("Tutoring app");
        titles.append({id, title});
    }
    return titles;
}

QString RoiScenarioPanel::templateDescription(const QString &templateId)
{
    if (templateId == QLatin1String("credit-risk"))
        return tr("Finance: a lender's application-scoring model, valued by the bad loans it "
                  "declines and the good ones it loses");
    if (templateId == QLatin1String("medical-screening"))
        return tr("Healthcare: an image-reading model in a screening programme, where a missed "
                  "case costs far more than a false alarm");
    if (templateId == QLatin1String("tutoring"))
        return tr("Education: a tutoring app sold by subscription, its adoption following the "
                  "Bass model");
    return QString();
}

void RoiScenarioPanel::setDatabasePath(const QString &path)
{
    if (m_dirty && !isDraft())
        saveNow();
    m_autosave->stop();
    m_library.setDatabasePath(path);
    m_hasScenario = false;
    m_currentId = 0;
    m_dirty = false;
    m_saveError.clear();
    m_notice->clearNotice();
    reload();
    if (!m_summaries.empty() && open(m_summaries.front().id))
        return;
    fillList();
    updateButtons();
    Q_EMIT scenarioClosed();
}

void RoiScenarioPanel::reload()
{
    QString error;
    m_summaries = m_library.list(&error);
    if (!error.isEmpty())
        fail(tr("Cannot list the saved scenarios"), error);
    fillList();
    updateButtons();
}

bool RoiScenarioPanel::open(qint64 id)
{
    if (m_dirty && !isDraft())
        saveNow();
    QString error;
    const std::optional<roi::Scenario> scenario = m_library.load(id, &error);
    if (!scenario) {
        fail(tr("Cannot open the scenario"), error);
        fillList();
        return false;
    }
    openCurrent(*scenario, id);
    return true;
}

void RoiScenarioPanel::openCurrent(const roi::Scenario &scenario, qint64 id)
{
    m_autosave->stop();
    m_current = scenario;
    m_currentId = id;
    m_hasScenario = true;
    m_dirty = id == 0;
    m_saveError.clear();
    fillList();
    updateButtons();
    showSaveState();
    Q_EMIT scenarioOpened(m_current);
}

qint64 RoiScenarioPanel::createFromTemplate(const QString &templateId)
{
    for (const roi::ScenarioTemplate &entry : roi::scenarioTemplates())
        if (QString::fromStdString(entry.id) == templateId)
            return createScenario(entry.scenario);
    return 0;
}

qint64 RoiScenarioPanel::createScenario(const roi::Scenario &scenario)
{
    if (m_dirty && !isDraft())
        saveNow();
    QString error;
    const qint64 id = m_library.create(scenario, &error);
    if (id == 0) {
        openDraft(scenario);
        fail(tr("Cannot add the scenario to the workspace"), error);
        return 0;
    }
    reload();
    openCurrent(scenario, id);
    Q_EMIT listChanged();
    return id;
}

void RoiScenarioPanel::openDraft(const roi::Scenario &scenario)
{
    if (m_dirty && !isDraft())
        saveNow();
    openCurrent(scenario, 0);
}

qint64 RoiScenarioPanel::duplicateCurrent(const QString &name)
{
    if (!m_hasScenario)
        return 0;
    const QString copyName = name.trimmed().isEmpty()
                                 ? tr("%1 (copy)").arg(QString::fromStdString(m_current.name))
                                 : name.trimmed();
    if (isDraft()) {
        roi::Scenario copy = m_current;
        copy.name = copyName.toStdString();
        return createScenario(copy);
    }
    if (m_dirty && !saveNow())
        return 0;
    QString error;
    const qint64 id = m_library.duplicate(m_currentId, copyName, &error);
    if (id == 0) {
        fail(tr("Cannot duplicate the scenario"), error);
        return 0;
    }
    reload();
    Q_EMIT listChanged();
    return open(id) ? id : 0;
}

bool RoiScenarioPanel::renameCurrent(const QString &name)
{
    if (!m_hasScenario)
        return false;
    if (name.trimmed().isEmpty()) {
        fail(tr("Cannot rename the scenario"), tr("A scenario needs a name."));
        return false;
    }
    if (!isDraft()) {
        if (m_dirty && !saveNow())
            return false;
        QString error;
        if (!m_library.rename(m_currentId, name, &error)) {
            fail(tr("Cannot rename the scenario"), error);
            return false;
        }
    }
    m_current.name = name.trimmed().toStdString();
    reload();
    Q_EMIT scenarioRenamed(QString::fromStdString(m_current.name));
    Q_EMIT listChanged();
    return true;
}

bool RoiScenarioPanel::deleteScenario(qint64 id)
{
    const bool current = id == m_currentId && !isDraft();
    if (current) {
        m_autosave->stop();
        m_dirty = false;
    }
    QString error;
    if (!m_library.remove(id, &error)) {
        fail(tr("Cannot delete the scenario"), error);
        return false;
    }
    if (current) {
        m_hasScenario = false;
        m_currentId = 0;
    }
    reload();
    Q_EMIT listChanged();
    if (!current)
        return true;
    m_notice->clearNotice();
    if (!m_summaries.empty() && open(m_summaries.front().id))
        return true;
    fillList();
    updateButtons();
    Q_EMIT scenarioClosed();
    return true;
}

bool RoiScenarioPanel::saveNow()
{
    if (!m_hasScenario)
        return false;
    m_autosave->stop();
    QString error;
    if (isDraft()) {
        const qint64 id = m_library.create(m_current, &error);
        if (id == 0) {
            m_saveError = error;
            showSaveState();
            return false;
        }
        m_currentId = id;
        m_dirty = false;
        m_saveError.clear();
        reload();
        showSaveState();
        Q_EMIT listChanged();
        return true;
    }
    if (m_dirty && !m_library.save(m_currentId, m_current, &error)) {
        m_saveError = error;
        showSaveState();
        updateButtons();
        return false;
    }
    m_dirty = false;
    m_saveError.clear();
    showSaveState();
    updateButtons();
    return true;
}

void RoiScenarioPanel::noteEdited(const roi::Scenario &scenario)
{
    m_current = scenario;
    m_dirty = true;
    if (!isDraft())
        m_autosave->start();
    showSaveState();
    updateButtons();
}

void RoiScenarioPanel::fillList()
{
    m_filling = true;
    m_list->clear();
    const QLocale locale;
    if (isDraft()) {
        auto *item = new QListWidgetItem(
            tr("%1 (not saved)").arg(QString::fromStdString(m_current.name)), m_list);
        item->setData(Qt::UserRole, qint64(0));
        QFont italic = item->font();
        italic.setItalic(true);
        item->setFont(italic);
        m_list->setCurrentItem(item);
    }
    for (const ScenarioSummary &summary : m_summaries) {
        auto *item = new QListWidgetItem(QString::fromStdString(summary.name), m_list);
        item->setData(Qt::UserRole, qint64(summary.id));
        item->setToolTip(
            tr("Changed %1").arg(DisplayFormat::dateTimeText(summary.updatedAtMs, locale)));
        if (m_hasScenario && summary.id == m_currentId)
            m_list->setCurrentItem(item);
    }
    m_filling = false;
}

void RoiScenarioPanel::updateButtons()
{
    m_duplicate->setEnabled(m_hasScenario);
    m_rename->setEnabled(m_hasScenario);
    m_delete->setEnabled(m_hasScenario && !isDraft());
    m_save->setEnabled(m_hasScenario && (m_dirty || isDraft()));
}

void RoiScenarioPanel::showSaveState()
{
    if (!m_hasScenario)
        m_notice->clearNotice();
    else if (!m_saveError.isEmpty())
        m_notice->showNotice(tr("Not saved: %1").arg(m_saveError), true);
    else if (isDraft())
        m_notice->showNotice(tr("Not in the workspace yet: Save keeps this scenario."), false);
    else if (m_dirty)
        m_notice->showNotice(tr("Saving changes…"), false);
    else
        m_notice->showNotice(tr("All changes saved."), false);
}

void RoiScenarioPanel::fail(const QString &what, const QString &error)
{
    m_notice->showNotice(error.isEmpty() ? what : tr("%1: %2").arg(what, error), true);
}

void RoiScenarioPanel::askRename()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename Scenario"), tr("Name:"), QLineEdit::Normal,
                              QString::fromStdString(m_current.name), &ok);
    if (ok)
        renameCurrent(name);
}

void RoiScenarioPanel::askDelete()
{
    if (!m_hasScenario || isDraft())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete Scenario"),
        tr("Delete the scenario “%1” from the workspace? This cannot be undone.")
            .arg(QString::fromStdString(m_current.name)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        deleteScenario(m_currentId);
}

} // namespace mf
