#include "app/gui/roi/roiformsection.h"

#include <QFrame>
#include <QGridLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace mf {

RoiFormSection::RoiFormSection(const QString &title, QWidget *parent)
    : QWidget(parent), m_title(title), m_header(new QToolButton), m_content(new QFrame),
      m_grid(new QGridLayout(m_content))
{
    m_header->setCheckable(true);
    m_header->setChecked(true);
    m_header->setAutoRaise(true);
    m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_header->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    auto *frame = static_cast<QFrame *>(m_content);
    frame->setFrameShape(QFrame::StyledPanel);
    m_grid->setContentsMargins(8, 6, 8, 8);
    m_grid->setHorizontalSpacing(6);
    m_grid->setVerticalSpacing(3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_content);
    connect(m_header, &QToolButton::toggled, this, [this](bool expanded) {
        m_content->setVisible(expanded);
        updateHeader();
    });
    updateHeader();
}

RoiFormSection::~RoiFormSection() = default;

bool RoiFormSection::isExpanded() const
{
    return m_header->isChecked();
}

void RoiFormSection::setExpanded(bool expanded)
{
    m_header->setChecked(expanded);
}

void RoiFormSection::setBadge(const QString &badge)
{
    m_badge = badge;
    updateHeader();
}

void RoiFormSection::updateHeader()
{
    m_header->setArrowType(isExpanded() ? Qt::DownArrow : Qt::RightArrow);
    m_header->setText(m_badge.isEmpty() ? m_title : tr("%1 — %2").arg(m_title, m_badge));
    m_header->setStyleSheet(m_badge.isEmpty() ? QString() : QStringLiteral("color: #b3261e;"));
}

} // namespace mf
