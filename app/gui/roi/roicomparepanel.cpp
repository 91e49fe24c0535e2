#include "app/gui/roi/roicomparepanel.h"

#include "app/gui/roi/roikeyfigures.h"
#include "app/gui/roi/roitext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mf {

namespace {

QTableWidget *figureTable(const QString &name)
{
    auto *table = new QTableWidget;
    table->setObjectName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(false);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

} // namespace

RoiComparePanel::RoiComparePanel(QWidget *parent)
    : QWidget(parent), m_mode(new QComboBox), m_stack(new QStackedWidget),
      m_rangeTable(figureTable(QStringLiteral("roiRangeTable"))), m_savedList(new QListWidget),
      m_savedTable(figureTable(QStringLiteral("roiSavedTable")))
{
    m_mode->setObjectName(QStringLiteral("roiCompareMode"));
    m_mode->addItem(tr("Worst, base and best case of this scenario"));
    m_mode->addItem(tr("Saved scenarios side by side"));
    m_savedList->setObjectName(QStringLiteral("roiCompareList"));
    m_savedList->setToolTip(tr("Check the scenarios to compare"));
    m_savedList->setMaximumWidth(170);

    auto *rangePage = new QWidget;
    auto *rangeLayout = new QVBoxLayout(rangePage);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    auto *rangeNote = new QLabel(tr("Every input with a range moved to the end that lowers the "
                                    "NPV (worst) or raises it (best), one input at a time as in "
                                    "the tornado."));
    rangeNote->setWordWrap(true);
    rangeLayout->addWidget(rangeNote);
    rangeLayout->addWidget(m_rangeTable, 1);
    auto *savedPage = new QWidget;
    auto *savedLayout = new QHBoxLayout(savedPage);
    savedLayout->setContentsMargins(0, 0, 0, 0);
    savedLayout->addWidget(m_savedList);
    savedLayout->addWidget(m_savedTable, 1);
    m_stack->addWidget(rangePage);
    m_stack->addWidget(savedPage);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Compare")));
    top->addWidget(m_mode);
    top->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);

    connect(m_mode, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        m_stack->setCurrentIndex(index);
        if (index == SavedMode)
            refreshSaved();
        else
            refreshRange();
    });
    connect(m_savedList, &QListWidget::itemChanged, this, [this] {
        if (!m_filling)
            refreshSaved();
    });
}

RoiComparePanel::~RoiComparePanel() = default;

void RoiComparePanel::setCurrent(const roi::Scenario &scenario, qint64 id,
                                 const std::optional<roi::Tornado> &tornado)
{
    m_current = scenario;
    m_currentId = id;
    m_tornado = tornado;
    if (mode() == RangeMode)
        refreshRange();
    else
        refreshSaved();
}

void RoiComparePanel::setSaved(const std::vector<ScenarioSummary> &saved)
{
    QList<qint64> checked;
    bool first = m_savedList->count() == 0;
    for (int row = 0; row < m_savedList->count(); ++row)
        if (m_savedList->item(row)->checkState() == Qt::Checked)
            checked.append(m_savedList->item(row)->data(Qt::UserRole).toLongLong());
    m_filling = true;
    m_savedList->clear();
    for (const ScenarioSummary &summary : saved) {
        auto *item = new QListWidgetItem(QString::fromStdString(summary.name), m_savedList);
        item->setData(Qt::UserRole, qint64(summary.id));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        // At first the three most recent are compared.
        const bool on = first ? m_savedList->count() <= 3 : checked.contains(summary.id);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    m_filling = false;
    if (mode() == SavedMode)
        refreshSaved();
}

void RoiComparePanel::checkSaved(const QList<qint64> &ids)
{
    m_filling = true;
    for (int row = 0; row < m_savedList->count(); ++row) {
        QListWidgetItem *item = m_savedList->item(row);
        item->setCheckState(ids.contains(item->data(Qt::UserRole).toLongLong()) ? Qt::Checked
                                                                                : Qt::Unchecked);
    }
    m_filling = false;
    refreshSaved();
}

void RoiComparePanel::setMode(Mode mode)
{
    m_mode->setCurrentIndex(int(mode));
}

RoiComparePanel::Mode RoiComparePanel::mode() const
{
    return Mode(m_mode->currentIndex());
}

void RoiComparePanel::refreshRange()
{
    if (!m_tornado) {
        fillTable(m_rangeTable, {tr("Base case")}, {m_current});
        return;
    }
    const roi::ScenarioRange range = roi::worstBaseBest(m_current, *m_tornado);
    fillTable(m_rangeTable, {tr("Worst case"), tr("Base case"), tr("Best case")},
              {range.worst, range.base, range.best});
}

void RoiComparePanel::refreshSaved()
{
    QStringList names;
    std::vector<roi::Scenario> scenarios;
    for (int row = 0; row < m_savedList->count(); ++row) {
        QListWidgetItem *item = m_savedList->item(row);
        if (item->checkState() != Qt::Checked)
            continue;
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        // The scenario being edited as it is now, the others as saved.
        std::optional<roi::Scenario> scenario = id == m_currentId
                                                    ? std::optional<roi::Scenario>(m_current)
                                                    : (m_loader ? m_loader(id) : std::nullopt);
        if (!scenario)
            continue;
        names.append(item->text());
        scenarios.push_back(*scenario);
    }
    fillTable(m_savedTable, names, scenarios);
}

void RoiComparePanel::fillTable(QTableWidget *table, const QStringList &names,
                                const std::vector<roi::Scenario> &scenarios)
{
    const QLocale locale;
    table->clear();
    table->setColumnCount(int(scenarios.size()));
    table->setRowCount(RoiKeyFigures::FigureCount + 1);
    table->setHorizontalHeaderLabels(names);
    QStringList rows;
    for (int figure = 0; figure < RoiKeyFigures::FigureCount; ++figure)
        rows.append(RoiKeyFigures::caption(RoiKeyFigures::Figure(figure)));
    rows.append(tr("Problems"));
    table->setVerticalHeaderLabels(rows);
    for (std::size_t column = 0; column < scenarios.size(); ++column) {
        const roi::Scenario &scenario = scenarios[column];
        const QString currency = QString::fromStdString(scenario.currency);
        const std::vector<roi::InputProblem> problems = roi::validate(scenario);
        std::optional<roi::KeyFigures> figures;
        if (problems.empty())
            figures = roi::keyFigures(scenario, roi::project(scenario));
        for (int figure = 0; figure < RoiKeyFigures::FigureCount; ++figure) {
            const QString text = figures ? RoiKeyFigures::valueText(RoiKeyFigures::Figure(figure),
                                                                    *figures, currency, locale)
                                         : RoiKeyFigures::missingText();
            auto *item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(figure, int(column), item);
        }
        QString problemText = tr("none");
        if (!problems.empty())
            problemText = tr("%1: %2").arg(RoiText::keyLabel(problems.front().key),
                                           QString::fromStdString(problems.front().reason));
        auto *item = new QTableWidgetItem(problemText);
        item->setToolTip(problemText);
        table->setItem(RoiKeyFigures::FigureCount, int(column), item);
    }
}

} // namespace mf
