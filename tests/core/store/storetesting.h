#pragma once
// Helpers shared by the run store tests.

#include "core/store/runstore.h"
#include "core/util/error.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

namespace mf::storetest {

/// A plain SQLite connection, for building databases by hand and looking behind the store.
class RawDb
{
public:
    explicit RawDb(const std::string &path)
    {
        if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK)
            qFatal("cannot open %s", path.c_str());
        sqlite3_busy_timeout(m_db, 0);
    }
    ~RawDb() { sqlite3_close(m_db); }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    /// Empty on success, SQLite's message otherwise.
    QString exec(const std::string &sql)
    {
        char *message = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK)
            return {};
        const QString error = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        return error;
    }

    /// The first column of the first row; -1 when the query fails or returns nothing.
    std::int64_t integer(const std::string &sql)
    {
        sqlite3_stmt *stmt = nullptr;
        std::int64_t value = -1;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return value;
    }

    QString text(const std::string &sql)
    {
        sqlite3_stmt *stmt = nullptr;
        QString value;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        return value;
    }

    bool hasColumn(const std::string &table, const std::string &column)
    {
        return integer("SELECT COUNT(*) FROM pragma_table_info('" + table + "') WHERE name = '" +
                       column + "'") == 1;
    }

private:
    sqlite3 *m_db = nullptr;
};

// The version-1 schema exactly as the first migration step created it.
inline constexpr const char *kVersion1Schema = R"sql(
CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    config_json TEXT NOT NULL DEFAULT '',
    dataset TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    started_at_ms INTEGER NOT NULL,
    ended_at_ms INTEGER NOT NULL DEFAULT 0,
    heartbeat_at_ms INTEGER NOT NULL DEFAULT 0,
    device TEXT NOT NULL DEFAULT '',
    versions TEXT NOT NULL DEFAULT '',
    failure_reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE params (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
CREATE TABLE metrics (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    step INTEGER NOT NULL,
    epoch INTEGER NOT NULL,
    wall_seconds REAL NOT NULL,
    value REAL
);
CREATE INDEX metrics_run_key_step ON metrics(run_id, key, step);
CREATE TABLE artifacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    path TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    epoch INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX artifacts_run ON artifacts(run_id);
PRAGMA application_id = 1296462708;
PRAGMA user_version = 1;
)sql";

inline QByteArray fileBytes(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline void writeFile(const std::string &path, const QByteArray &bytes)
{
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

inline std::string hostName()
{
    char name[256] = {};
    gethostname(name, sizeof(name) - 1);
    return name;
}

/// The pid of a process that has ended and been reaped: a run recorded with it was left behind
/// by a killed process. 0 when fork fails.
inline pid_t deadPid()
{
    const pid_t child = fork();
    if (child == 0)
        _exit(0);
    int status = 0;
    if (child < 0 || waitpid(child, &status, 0) != child)
        return 0;
    return child;
}

inline bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

inline mf::MetricPoint point(const std::string &key, std::int64_t step, double value, int epoch = 0)
{
    mf::MetricPoint p;
    p.key = key;
    p.step = step;
    p.epoch = epoch;
    p.wallSeconds = 0.5 * static_cast<double>(step);
    p.value = value;
    return p;
}

inline mf::RunRecord namedRun(const std::string &name)
{
    mf::RunRecord run;
    run.name = name;
    run.model = "mlp";
    return run;
}

} // namespace mf::storetest

namespace mf::storetest {

/// Hands out fresh database paths in one temporary directory per test object.
class TempStores
{
public:
    std::string freshPath()
    {
        return m_dir.filePath(QStringLiteral("store%1.db").arg(++m_counter)).toStdString();
    }

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
};

} // namespace mf::storetest
