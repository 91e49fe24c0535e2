#include "app/gui/roi/roipresentation.h"

#include "app/gui/roi/roireportcharts.h"
#include "app/gui/roi/roireportrows.h"
#include "core/roi/projection.h"
#include "core/roi/sensitivity.h"
#include "core/util/error.h"

#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLegend>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mf {

namespace {

const char *kInk = "#1f3a5f";
const char *kMuted = "#5a5a5a";

QLabel *label(const QString &text, int pointSize, bool bold, const char *color)
{
    auto *result = new QLabel(text);
    QFont font = result->font();
    font.setPointSize(pointSize);
    font.setBold(bold);
    result->setFont(font);
    result->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(color)));
    result->setWordWrap(true);
    return result;
}

/// A figure tile: its label small and muted, its value large.
QWidget *tile(const RoiReportRows::Row &row, int valuePointSize = 28)
{
    auto *box = new QWidget;
    box->setObjectName(QStringLiteral("figureTile"));
    box->setStyleSheet(QStringLiteral("#figureTile { background: #f0f3f7; border-left: 6px solid "
                                      "%1; }")
                           .arg(QLatin1String(kInk)));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(20, 14, 20, 14);
    layout->addWidget(label(row.label, 15, false, kMuted));
    QLabel *value = label(row.value, valuePointSize, true, kInk);
    value->setWordWrap(false); // a figure reads as one line
    layout->addWidget(value);
    return box;
}

/// Slides are read from across a room: the charts' own fonts are made half as large again.
void enlargeFonts(QChart *chart)
{
    const auto bigger = [](QFont font) {
        font.setPointSizeF(font.pointSizeF() * 1.5);
        return font;
    };
    chart->setTitleFont(bigger(chart->titleFont()));
    chart->legend()->setFont(bigger(chart->legend()->font()));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsFont(bigger(axis->labelsFont()));
        axis->setTitleFont(bigger(axis->titleFont()));
    }
}

} // namespace

RoiPresentation::RoiPresentation(const roi::Scenario &scenario,
                                 const std::optional<roi::MonteCarloResult> &monteCarlo,
                                 QWidget *parent)
    : QWidget(parent)
{
    setWindowTitle(tr("%1 — presentation").arg(QString::fromStdString(scenario.name)));
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, Qt::white);
    setPalette(palette);

    m_slides = new QStackedWidget;
    m_counter = label(QString(), 14, false, kMuted);
    m_counter->setWordWrap(false);
    auto *hint = label(tr("← → to move between slides, Esc to close"), 12, false, kMuted);
    auto *footer = new QHBoxLayout;
    footer->addWidget(hint, 1);
    footer->addWidget(m_counter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 20);
    layout->addWidget(m_slides, 1);
    layout->addLayout(footer);

    addSlide(QString::fromStdString(scenario.name), titleSlide(scenario, monteCarlo));
    if (roi::validate(scenario).empty()) {
        try {
            const roi::Projection projection = roi::project(scenario);
            const roi::KeyFigures figures = roi::keyFigures(scenario, projection);
            const roi::Tornado tornado = roi::tornado(scenario);
            for (const RoiReportCharts::Chart &chart :
                 RoiReportCharts::build(scenario, projection, figures, tornado, monteCarlo)) {
                enlargeFonts(chart.chart);
                chart.chart->setAnimationOptions(QChart::NoAnimation);
                auto *view = new QChartView(chart.chart);
                view->setRenderHint(QPainter::Antialiasing);
                view->setFocusPolicy(Qt::NoFocus);
                addSlide(chart.caption, view);
            }
        } catch (const Error &) {
            // The title slide already says the scenario cannot be projected.
        }
    }
    setCurrentSlide(0);
}

RoiPresentation::~RoiPresentation() = default;

QWidget *RoiPresentation::titleSlide(const roi::Scenario &scenario,
                                     const std::optional<roi::MonteCarloResult> &monteCarlo)
{
    auto *slide = new QWidget;
    auto *layout = new QVBoxLayout(slide);
    layout->setSpacing(18);
    layout->addWidget(label(tr("Return on investment"), 18, false, kMuted));
    layout->addWidget(label(QString::fromStdString(scenario.name), 40, true, kInk));
    const std::vector<roi::InputProblem> problems = roi::validate(scenario);
    if (!problems.empty()) {
        layout->addWidget(label(tr("The scenario cannot be projected: %1: %2")
                                    .arg(QString::fromStdString(problems.front().key),
                                         QString::fromStdString(problems.front().reason)),
                                18, false, "#a01010"));
        layout->addStretch(1);
        return slide;
    }
    const QLocale locale;
    const roi::Projection projection = roi::project(scenario);
    const roi::KeyFigures figures = roi::keyFigures(scenario, projection);
    layout->addWidget(label(tr("%1 months, money in %2")
                                .arg(projection.months)
                                .arg(QString::fromStdString(scenario.currency)),
                            16, false, kMuted));
    layout->addSpacing(24);
    auto *grid = new QGridLayout;
    grid->setSpacing(20);
    const QVector<RoiReportRows::Row> rows =
        RoiReportRows::headline(figures, QString::fromStdString(scenario.currency), locale);
    for (int i = 0; i < rows.size(); ++i)
        grid->addWidget(tile(rows[i]), i / 3, i % 3);
    if (monteCarlo) {
        const QVector<RoiReportRows::Row> risk = RoiReportRows::monteCarlo(
            *monteCarlo, QString::fromStdString(scenario.currency), locale);
        // P10, P50, P90 and the probability of a loss.
        const int picks[] = {1, 2, 3, 5};
        auto *row = new QHBoxLayout;
        row->setSpacing(20);
        for (int pick : picks)
            row->addWidget(tile(risk[pick], 20), 1);
        grid->addLayout(row, (rows.size() + 2) / 3, 0, 1, 3);
    }
    layout->addLayout(grid);
    layout->addStretch(1);
    return slide;
}

void RoiPresentation::addSlide(const QString &title, QWidget *body)
{
    auto *slide = new QWidget;
    auto *layout = new QVBoxLayout(slide);
    layout->setContentsMargins(0, 0, 0, 0);
    if (m_slides->count() > 0)
        layout->addWidget(label(title, 26, true, kInk));
    layout->addWidget(body, 1);
    for (QWidget *child : slide->findChildren<QWidget *>())
        child->setFocusPolicy(Qt::NoFocus);
    m_slides->addWidget(slide);
    m_titles << title;
}

void RoiPresentation::start()
{
    setCurrentSlide(0);
    showFullScreen();
    activateWindow();
    setFocus();
}

int RoiPresentation::slideCount() const
{
    return m_slides->count();
}

int RoiPresentation::currentSlide() const
{
    return m_slides->currentIndex();
}

QString RoiPresentation::slideTitle(int index) const
{
    return m_titles.value(index);
}

void RoiPresentation::setCurrentSlide(int index)
{
    index = std::clamp(index, 0, slideCount() - 1);
    const bool changed = index != m_slides->currentIndex();
    m_slides->setCurrentIndex(index);
    m_counter->setText(tr("%1 / %2").arg(index + 1).arg(slideCount()));
    if (changed)
        Q_EMIT currentSlideChanged(index);
}

void RoiPresentation::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        setCurrentSlide(currentSlide() + 1);
        break;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
        setCurrentSlide(currentSlide() - 1);
        break;
    case Qt::Key_Home:
        setCurrentSlide(0);
        break;
    case Qt::Key_End:
        setCurrentSlide(slideCount() - 1);
        break;
    case Qt::Key_Escape:
        close();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace mf
