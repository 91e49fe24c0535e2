#pragma once

#include <QObject>

namespace mf {

/// Keeps the mouse wheel from changing a value by accident. A spin box, combo box or slider
/// inside a scroll area takes the wheel only once it has focus (click or Tab); until then the
/// wheel scrolls the area, as a user scrolling a long form expects. Those editors get
/// Qt::StrongFocus so that the wheel does not give them focus either. Install one on the
/// application (it filters every widget's events) with install().
class WheelGuard : public QObject
{
    Q_OBJECT
public:
    explicit WheelGuard(QObject *parent = nullptr);

    /// Installs a guard on the running application, once; later calls do nothing.
    static void install();

    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace mf
