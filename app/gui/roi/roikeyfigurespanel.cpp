#include "app/gui/roi/roikeyfigurespanel.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mf {

namespace {

constexpr int kColumns = 5;

} // namespace

RoiKeyFiguresPanel::RoiKeyFiguresPanel(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(6);
    for (int i = 0; i < RoiKeyFigures::FigureCount; ++i) {
        const auto figure = RoiKeyFigures::Figure(i);
        auto *caption = new QLabel(RoiKeyFigures::caption(figure));
        caption->setWordWrap(true);
        caption->setToolTip(RoiKeyFigures::toolTip(figure));
        QFont small = caption->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        caption->setFont(small);
        QPalette muted = caption->palette();
        muted.setColor(QPalette::WindowText,
                       muted.color(QPalette::Disabled, QPalette::WindowText).darker(130));
        caption->setPalette(muted);
        auto *value = new QLabel(RoiKeyFigures::missingText());
        value->setObjectName(QStringLiteral("roiFigure%1").arg(i));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setToolTip(caption->toolTip());
        QFont bold = value->font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.1);
        value->setFont(bold);
        m_values[i] = value;
        auto *card = new QVBoxLayout;
        card->setSpacing(0);
        card->addWidget(caption);
        card->addWidget(value);
        card->addStretch(1);
        grid->addLayout(card, i / kColumns, i % kColumns);
    }
    for (int column = 0; column < kColumns; ++column)
        grid->setColumnStretch(column, 1);
}

RoiKeyFiguresPanel::~RoiKeyFiguresPanel() = default;

void RoiKeyFiguresPanel::setFigures(const roi::KeyFigures &figures, const QString &currency)
{
    const QLocale locale;
    for (int i = 0; i < RoiKeyFigures::FigureCount; ++i)
        m_values[i]->setText(
            RoiKeyFigures::valueText(RoiKeyFigures::Figure(i), figures, currency, locale));
    const bool loss = figures.npv < 0;
    m_values[RoiKeyFigures::Npv]->setStyleSheet(loss ? QStringLiteral("color: #b3261e;")
                                                     : QString());
}

void RoiKeyFiguresPanel::setMissing()
{
    for (QLabel *value : m_values)
        value->setText(RoiKeyFigures::missingText());
    m_values[RoiKeyFigures::Npv]->setStyleSheet(QString());
}

QString RoiKeyFiguresPanel::valueText(RoiKeyFigures::Figure figure) const
{
    return m_values[figure]->text();
}

} // namespace mf
