#include "tests/support/testsuite.h"
#include "widgets/wheelguard.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtTest/QtTest>

namespace {

/// Three notches of the wheel over `widget`'s centre, delivered as a mouse would deliver them.
void wheel(QWidget *widget, int notches = -3)
{
    const QPointF local = QRectF(widget->rect()).center();
    const QPointF global = widget->mapToGlobal(local);
    QWheelEvent event(local, global, QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

struct Form
{
    QScrollArea area;
    QDoubleSpinBox *rate = new QDoubleSpinBox;
    QComboBox *optimizer = new QComboBox;
    QSlider *smoothing = new QSlider(Qt::Horizontal);

    Form()
    {
        auto *content = new QWidget;
        auto *layout = new QVBoxLayout(content);
        rate->setDecimals(4);
        rate->setRange(0.0, 1.0);
        rate->setSingleStep(0.0001);
        rate->setValue(0.001);
        optimizer->addItems({"sgd", "adam", "adamw", "rmsprop"});
        optimizer->setCurrentIndex(1);
        smoothing->setRange(0, 99);
        smoothing->setValue(60);
        layout->addWidget(rate);
        layout->addWidget(optimizer);
        layout->addWidget(smoothing);
        layout->addSpacing(2000); // taller than the area: it scrolls
        area.setWidget(content);
        area.setWidgetResizable(true);
        area.resize(300, 200);
    }
};

} // namespace

class TestWheelGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { mf::WheelGuard::install(); }

    void theWheelScrollsPastUnfocusedEditors()
    {
        Form form;
        form.area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form.area));
        // The scroll area holds the focus, as after a click on the form's background.
        QApplication::setActiveWindow(&form.area);
        form.area.setFocus(Qt::MouseFocusReason);
        QTRY_VERIFY(form.area.hasFocus());
        QScrollBar *bar = form.area.verticalScrollBar();
        for (QWidget *editor :
             {static_cast<QWidget *>(form.rate), static_cast<QWidget *>(form.optimizer),
              static_cast<QWidget *>(form.smoothing)}) {
            bar->setValue(0);
            QVERIFY(!editor->hasFocus());
            wheel(editor);
            QVERIFY2(bar->value() > 0, editor->metaObject()->className());
            QCOMPARE(editor->focusPolicy(), Qt::StrongFocus);
        }
        QCOMPARE(form.rate->value(), 0.001);
        QCOMPARE(form.optimizer->currentIndex(), 1);
        QCOMPARE(form.smoothing->value(), 60);
    }

    void aFocusedEditorTakesTheWheel()
    {
        Form form;
        form.area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form.area));
        QApplication::setActiveWindow(&form.area);
        form.rate->setFocus(Qt::MouseFocusReason);
        QTRY_VERIFY(form.rate->hasFocus());
        wheel(form.rate, 3);
        QCOMPARE(form.rate->value(), 0.0013);
        QCOMPARE(form.area.verticalScrollBar()->value(), 0);
    }

    void outsideAScrollAreaTheWheelStillWorks()
    {
        QComboBox box;
        box.addItems({"a", "b", "c"});
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        wheel(&box, -1);
        QCOMPARE(box.currentIndex(), 1);
    }
};

MF_TEST_MAIN(TestWheelGuard)
#include "tst_wheelguard.moc"
