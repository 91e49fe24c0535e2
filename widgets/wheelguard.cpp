#include "widgets/wheelguard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QScrollBar>
#include <QWheelEvent>

namespace mf {

namespace {

/// A value editor that a wheel notch would change (a scroll bar's job is to scroll).
bool isValueEditor(const QWidget *widget)
{
    return qobject_cast<const QAbstractSpinBox *>(widget) ||
           qobject_cast<const QComboBox *>(widget) ||
           (qobject_cast<const QAbstractSlider *>(widget) &&
            !qobject_cast<const QScrollBar *>(widget));
}

QAbstractScrollArea *enclosingScrollArea(const QWidget *widget)
{
    for (QWidget *w = widget->parentWidget(); w; w = w->parentWidget())
        if (auto *area = qobject_cast<QAbstractScrollArea *>(w))
            return area;
    return nullptr;
}

} // namespace

WheelGuard::WheelGuard(QObject *parent) : QObject(parent) {}

void WheelGuard::install()
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || app->findChild<WheelGuard *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    app->installEventFilter(new WheelGuard(app));
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Wheel && event->type() != QEvent::Polish)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || !isValueEditor(widget))
        return false;
    if (event->type() == QEvent::Polish) {
        if (widget->focusPolicy() == Qt::WheelFocus)
            widget->setFocusPolicy(Qt::StrongFocus);
        return false;
    }
    QAbstractScrollArea *area = enclosingScrollArea(widget);
    if (widget->hasFocus() || !area)
        return false;
    // Handed to the scroll area itself: QApplication would pass an ignored event on to the
    // parents only when it came from the window system, not when sent by a program.
    const auto *wheel = static_cast<QWheelEvent *>(event);
    QWheelEvent forwarded(widget->mapTo(area->viewport(), wheel->position()),
                          wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(),
                          wheel->buttons(), wheel->modifiers(), wheel->phase(), wheel->inverted(),
                          wheel->source());
    QCoreApplication::sendEvent(area->viewport(), &forwarded);
    return true;
}

} // namespace mf
