#pragma once

#include <cstdint>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace mf {

/// A prepared SQLite statement bound to one connection. Every failure throws mf::Error with the
/// database path and SQLite's message. Used by RunStore only; not thread-safe.
/// `sql` on one line and shortened, for error messages.
std::string abbreviatedSql(const char *sql);

class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, const std::string &dbPath, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    /// Parameter indices start at 1, as in SQLite.
    void bindInt64(int index, std::int64_t value);
    void bindDouble(int index, double value);
    /// The text is copied unless `transient` is false, in which case it must outlive the step.
    void bindText(int index, const std::string &value, bool transient = true);
    void bindNull(int index);

    /// Advances; true when a row is available, false when the statement is done.
    bool step();
    /// Steps a statement that returns no rows.
    void run();
    /// Makes the statement reusable and drops its bindings; releases its read snapshot.
    void reset();
    /// Makes the statement reusable, keeping its bindings (for repeated inserts).
    void rewind();

    /// Column indices start at 0.
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;

private:
    [[noreturn]] void fail(const std::string &what) const;
    [[noreturn]] void fail(const std::string &what, const std::string &sqliteMessage) const;

    sqlite3 *m_db;
    std::string m_dbPath;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace mf
