#pragma once
// Several Qt Test classes in one executable (a suite), one class per run:
//   <suite> <test name> [Qt Test options]
// The test name is the base name of the file that registers the class (tst_runstore). CTest
// runs every class as a test of its own, so the suite only saves the build one executable
// (moc, link) per class. MF_TEST_MAIN, MF_TEST_GUILESS_MAIN and MF_TEST_APPLESS_MAIN stand for
// QTEST_MAIN, QTEST_GUILESS_MAIN and QTEST_APPLESS_MAIN and do what they do in that run.

#include <QtTest/QtTest>

namespace mf::testsuite {

using RunFunction = int (*)(int argc, char **argv);

/// Registers the class that `file` (__FILE__) holds; called by the macros below before main().
bool registerTest(const char *file, RunFunction run);

} // namespace mf::testsuite

#if defined(QT_WIDGETS_LIB)
#include <QApplication>
#define MF_TEST_APPLICATION QApplication
#elif defined(QT_GUI_LIB)
#include <QGuiApplication>
#define MF_TEST_APPLICATION QGuiApplication
#else
#define MF_TEST_APPLICATION QCoreApplication
#endif

#define MF_TEST_APP_SETUP(ApplicationClass)                                                        \
    ApplicationClass app(argc, argv);                                                              \
    app.setAttribute(Qt::AA_Use96Dpi, true);

#define MF_TEST_REGISTER(TestObject, ...)                                                          \
    namespace {                                                                                    \
    int mfRunTest(int argc, char **argv)                                                           \
    {                                                                                              \
        QT_PREPEND_NAMESPACE(QTest::Internal::callInitMain)<TestObject>();                         \
        __VA_ARGS__                                                                                \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }                                                                                              \
    const bool mfTestRegistered = mf::testsuite::registerTest(__FILE__, mfRunTest);                \
    }

#define MF_TEST_MAIN(TestObject)                                                                   \
    MF_TEST_REGISTER(TestObject, MF_TEST_APP_SETUP(MF_TEST_APPLICATION))
#define MF_TEST_GUILESS_MAIN(TestObject)                                                           \
    MF_TEST_REGISTER(TestObject, MF_TEST_APP_SETUP(QCoreApplication))
#define MF_TEST_APPLESS_MAIN(TestObject) MF_TEST_REGISTER(TestObject)
