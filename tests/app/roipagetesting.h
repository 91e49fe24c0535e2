#pragma once
// What the ROI page tests share: where a workspace keeps its store, the numbers a page shows.

#include "app/gui/roi/roipage.h"
#include "core/store/workspace.h"
#include "tests/support/shotpath.h"

#include <QAbstractSeries>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStringList>
#include <QTemporaryDir>
#include <QtTest/QtTest>

namespace mf::test {

inline QString databasePathOf(const QString &workspace)
{
    return QFile::decodeName(
        mf::Workspace{QFile::encodeName(workspace).toStdString()}.databasePath().c_str());
}

/// Every text the page shows, to look for a NaN.
inline QStringList shownTexts(QWidget *root)
{
    QStringList texts;
    for (QLabel *label : root->findChildren<QLabel *>())
        texts.append(label->text());
    for (QLineEdit *edit : root->findChildren<QLineEdit *>())
        texts.append(edit->text());
    for (QChartView *view : root->findChildren<QChartView *>()) {
        texts.append(view->chart()->title());
        for (QAbstractSeries *series : view->chart()->series())
            texts.append(series->name());
    }
    return texts;
}

/// The first text that shows a NaN; empty when none does.
inline QString nanText(QWidget *root)
{
    static const QRegularExpression nan(QStringLiteral("\\bnan\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    for (const QString &text : shownTexts(root))
        if (nan.match(text).hasMatch())
            return text;
    return QString();
}

/// Saves a picture of `widget` as shotPath(dir, name).
inline void saveShot(const QTemporaryDir &dir, QWidget *widget, const QString &name)
{
    // qWait also deletes what was deleted later (the axes of a chart drawn again).
    QTest::qWait(20);
    QVERIFY(widget->grab().save(shotPath(dir, name), "PNG"));
}

/// Shows `page` at the size the pictures are taken at.
inline void showPage(RoiPage &page)
{
    page.resize(1120, 760);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
}

} // namespace mf::test
