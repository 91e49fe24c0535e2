#include "core/util/shapetext.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

class TestShapeText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsTheDimensionsInBrackets()
    {
        QCOMPARE(QString::fromStdString(mf::shapeText({2, 3, 28})), QStringLiteral("[2, 3, 28]"));
        QCOMPARE(QString::fromStdString(mf::shapeText({7})), QStringLiteral("[7]"));
        QCOMPARE(QString::fromStdString(mf::shapeText({})), QStringLiteral("[]"));
        QCOMPARE(QString::fromStdString(mf::shapeText({-1, 0})), QStringLiteral("[-1, 0]"));
    }
};

MF_TEST_APPLESS_MAIN(TestShapeText)
#include "tst_shapetext.moc"
