#include "core/store/workspace.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

/// Sets or unsets an environment variable for one scope.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const char *value)
        : m_name(name), m_hadValue(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        if (value == nullptr)
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_hadValue)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_hadValue;
    QByteArray m_old;
};

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultDir_data()
    {
        QTest::addColumn<QString>("xdgDataHome");
        QTest::addColumn<bool>("xdgSet");
        QTest::addColumn<QString>("home");
        QTest::addColumn<QString>("expected");
        QTest::newRow("xdg") << QStringLiteral("/xdg/data") << true << QStringLiteral("/home/u")
                             << QStringLiteral("/xdg/data/modelforge");
        QTest::newRow("xdg trailing slash")
            << QStringLiteral("/xdg/data/") << true << QStringLiteral("/home/u")
            << QStringLiteral("/xdg/data/modelforge");
        QTest::newRow("xdg unset") << QString() << false << QStringLiteral("/home/u")
                                   << QStringLiteral("/home/u/.local/share/modelforge");
        QTest::newRow("xdg empty") << QString() << true << QStringLiteral("/home/u")
                                   << QStringLiteral("/home/u/.local/share/modelforge");
        QTest::newRow("xdg relative is ignored")
            << QStringLiteral("relative/data") << true << QStringLiteral("/home/u")
            << QStringLiteral("/home/u/.local/share/modelforge");
        QTest::newRow("root home") << QString() << false << QStringLiteral("/")
                                   << QStringLiteral("/.local/share/modelforge");
    }

    void defaultDir()
    {
        QFETCH(QString, xdgDataHome);
        QFETCH(bool, xdgSet);
        QFETCH(QString, home);
        QFETCH(QString, expected);
        const QByteArray xdg = xdgDataHome.toUtf8();
        const QByteArray homeBytes = home.toUtf8();
        const ScopedEnv xdgEnv("XDG_DATA_HOME", xdgSet ? xdg.constData() : nullptr);
        const ScopedEnv homeEnv("HOME", homeBytes.constData());
        QCOMPARE(QString::fromStdString(mf::defaultWorkspaceDir()), expected);
    }

    void paths()
    {
        const mf::Workspace workspace{"/data/ws"};
        QCOMPARE(QString::fromStdString(workspace.databasePath()),
                 QStringLiteral("/data/ws/modelforge.db"));
        QCOMPARE(QString::fromStdString(workspace.runDir(42)), QStringLiteral("/data/ws/runs/42"));
    }
};

MF_TEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
