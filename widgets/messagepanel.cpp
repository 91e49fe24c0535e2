#include "widgets/messagepanel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace mf {

MessagePanel::MessagePanel(QWidget *parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_title(new QLabel(this)),
      m_text(new QLabel(this)), m_buttonRow(new QHBoxLayout)
{
    m_icon->setAlignment(Qt::AlignCenter);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setObjectName(QStringLiteral("messageTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // A column of at most maxTextWidth, centred: the labels get the column's width, so their
    // word-wrapped height is computed for the width they really have.
    auto *column = new QWidget(this);
    column->setMaximumWidth(maxTextWidth);
    column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(12);
    columnLayout->addWidget(m_icon);
    columnLayout->addWidget(m_title);
    columnLayout->addWidget(m_text);
    m_buttonRow->setSpacing(8);
    m_buttonRow->addStretch(1);
    m_buttonRow->addStretch(1);
    columnLayout->addLayout(m_buttonRow);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 10);
    row->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    setMessage(Kind::Information, QString(), QString());
}

MessagePanel::~MessagePanel() = default;

void MessagePanel::setMessage(Kind kind, const QString &title, const QString &text)
{
    m_kind = kind;
    const QStyle::StandardPixmap pixmap =
        kind == Kind::Error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxInformation;
    m_icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(48, 48));
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    setActions({});
}

void MessagePanel::setActions(const QList<QAction *> &actions)
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    for (QAction *action : actions) {
        auto *button = new QPushButton(action->icon(), action->text(), this);
        button->setObjectName(action->objectName());
        button->setToolTip(action->toolTip());
        button->setEnabled(action->isEnabled());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        // Between the two stretches: the buttons stay centred under the text.
        m_buttonRow->insertWidget(m_buttonRow->count() - 1, button);
        // The layout would only show it from the event loop, after the caller looks.
        button->show();
        m_buttons.append(button);
    }
}

QString MessagePanel::title() const
{
    return m_title->text();
}

QString MessagePanel::text() const
{
    return m_text->text();
}

} // namespace mf
