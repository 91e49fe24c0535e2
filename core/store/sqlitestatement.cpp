#include "core/store/sqlitestatement.h"

#include "core/util/error.h"

#include <sqlite3.h>

namespace mf {

std::string abbreviatedSql(const char *sql)
{
    std::string text;
    bool space = false;
    for (const char *c = sql; *c != '\0' && text.size() < 60; ++c) {
        const bool isSpace = *c == ' ' || *c == '\n' || *c == '\t' || *c == '\r';
        if (isSpace) {
            space = !text.empty();
            continue;
        }
        if (space)
            text += ' ';
        space = false;
        text += *c;
    }
    return text.size() < 60 ? text : text + "...";
}

SqliteStatement::SqliteStatement(sqlite3 *db, const std::string &dbPath, const char *sql)
    : m_db(db), m_dbPath(dbPath)
{
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
        fail("cannot prepare \"" + abbreviatedSql(sql) + "\"");
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bindInt64(int index, std::int64_t value)
{
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        fail("cannot bind a parameter");
}

void SqliteStatement::bindDouble(int index, double value)
{
    if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK)
        fail("cannot bind a parameter");
}

void SqliteStatement::bindText(int index, const std::string &value, bool transient)
{
    if (sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()),
                          transient ? SQLITE_TRANSIENT : SQLITE_STATIC) != SQLITE_OK)
        fail("cannot bind a parameter");
}

void SqliteStatement::bindNull(int index)
{
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK)
        fail("cannot bind a parameter");
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string message = sqlite3_errmsg(m_db);
    const std::string sql = abbreviatedSql(sqlite3_sql(m_stmt));
    sqlite3_reset(m_stmt);
    fail("cannot execute \"" + sql + "\"", message);
}

void SqliteStatement::run()
{
    while (step()) {
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

void SqliteStatement::rewind()
{
    sqlite3_reset(m_stmt);
}

std::int64_t SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (data == nullptr)
        return {};
    return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

void SqliteStatement::fail(const std::string &what) const
{
    fail(what, sqlite3_errmsg(m_db));
}

void SqliteStatement::fail(const std::string &what, const std::string &sqliteMessage) const
{
    throw Error("run store " + m_dbPath + ": " + what + ": " + sqliteMessage);
}

} // namespace mf
