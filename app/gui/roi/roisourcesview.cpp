#include "app/gui/roi/roisourcesview.h"

#include "app/gui/roi/roiformat.h"
#include "app/gui/roi/roitext.h"
#include "core/roi/inputcatalogue.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mf {

RoiSourcesView::RoiSourcesView(QWidget *parent)
    : QWidget(parent), m_runs(new QLabel), m_filled(new QTreeWidget), m_notes(new QLabel)
{
    m_runs->setWordWrap(true);
    m_runs->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filled->setObjectName(QStringLiteral("roiFilledList"));
    m_filled->setRootIsDecorated(false);
    m_filled->setAlternatingRowColors(true);
    m_filled->setHeaderLabels({tr("Input"), tr("Value"), tr("Source")});
    m_filled->header()->setStretchLastSection(true);
    m_filled->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_filled->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_runs);
    layout->addWidget(m_filled, 1);
    layout->addWidget(m_notes);
    showReport();
}

RoiSourcesView::~RoiSourcesView() = default;

void RoiSourcesView::setScenario(const roi::Scenario &scenario)
{
    m_currency = QString::fromStdString(scenario.currency);
    QStringList runs;
    for (int id : scenario.sourceRuns)
        runs.append(QStringLiteral("#%1").arg(id));
    m_runs->setText(
        runs.isEmpty() ? tr("No figure of this scenario was measured: use Fill from run or Fill "
                            "from compressed variant to take them from a trained model.")
        : runs.size() == 1
            ? tr("Figures measured from run %1.").arg(runs.first())
            : tr("Figures measured from runs %1.").arg(runs.join(QStringLiteral(", "))));
}

void RoiSourcesView::setReport(const roi::FillReport &report)
{
    m_report = report;
    showReport();
}

void RoiSourcesView::clearReport()
{
    m_report = roi::FillReport();
    showReport();
}

void RoiSourcesView::showReport()
{
    m_filled->clear();
    const QLocale locale;
    for (const roi::FilledFigure &figure : m_report.filled) {
        auto *item = new QTreeWidgetItem(m_filled);
        item->setText(0, RoiText::keyLabel(figure.key));
        QString value;
        if (const roi::InputSpec *spec = roi::findInput(figure.key)) {
            value =
                RoiFormat::fieldText(figure.value * RoiFormat::displayFactor(spec->unit), locale);
            const QString unit = RoiFormat::unitText(spec->unit, m_currency);
            if (!unit.isEmpty())
                value += QLatin1Char(' ') + unit;
        } else {
            value = RoiFormat::fieldText(figure.value, locale);
        }
        item->setText(1, value);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(2, QString::fromStdString(figure.source));
        item->setToolTip(2, item->text(2));
    }
    m_filled->setVisible(!m_report.filled.empty());
    QStringList notes;
    for (const std::string &note : m_report.notes)
        notes.append(QStringLiteral("• ") + QString::fromStdString(note));
    if (m_report.filled.empty() && m_report.notes.empty())
        m_notes->setText(tr("The figures a fill writes are listed here, each with the run and "
                            "the measurement it came from."));
    else
        m_notes->setText(notes.join(QLatin1Char('\n')));
}

} // namespace mf
