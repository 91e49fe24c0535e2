#include "widgets/noticelabel.h"

namespace mf {

NoticeLabel::NoticeLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void NoticeLabel::showNotice(const QString &text, bool error)
{
    m_error = error && !text.isEmpty();
    setStyleSheet(m_error ? QStringLiteral("color: #b3261e;") : QString());
    setText(text);
}

void NoticeLabel::clearNotice()
{
    showNotice(QString(), false);
}

int NoticeLabel::lineHeight() const
{
    const QMargins margins = contentsMargins();
    return fontMetrics().height() + margins.top() + margins.bottom() + 2 * margin();
}

QSize NoticeLabel::sizeHint() const
{
    const QSize hint = QLabel::sizeHint();
    return {hint.width(), qMax(hint.height(), lineHeight())};
}

QSize NoticeLabel::minimumSizeHint() const
{
    const QSize hint = QLabel::minimumSizeHint();
    return {hint.width(), qMax(hint.height(), lineHeight())};
}

int NoticeLabel::heightForWidth(int width) const
{
    return qMax(QLabel::heightForWidth(width), lineHeight());
}

} // namespace mf
