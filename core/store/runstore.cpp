#include "core/store/runstore.h"

#include "core/store/artifactpath.h"
#include "core/store/processinfo.h"
#include "core/store/schema.h"
#include "core/store/sqlitestatement.h"
#include "core/util/error.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

namespace mf {

namespace {

constexpr const char *kRunSelect =
    "SELECT r.id, r.name, r.status, r.config_json, r.dataset, r.model, r.started_at_ms, "
    "r.ended_at_ms, r.heartbeat_at_ms, r.device, r.versions, r.host, r.pid, r.failure_reason, "
    "r.tags, r.notes, (SELECT MAX(m.value) FROM metrics m WHERE m.run_id = r.id AND m.key = "
    "'val_accuracy'), r.resumed_at_ms, r.active_before_ms FROM runs r";

// Loose index scan over metrics(run_id, key, step): one index seek per distinct key instead of a
// walk over every point of the run.
#define MF_METRIC_KEYS_CTE                                                                         \
    "WITH RECURSIVE keys(key) AS ("                                                                \
    " SELECT MIN(key) FROM metrics WHERE run_id = ?1"                                              \
    " UNION ALL"                                                                                   \
    " SELECT (SELECT MIN(key) FROM metrics WHERE run_id = ?1 AND key > keys.key)"                  \
    " FROM keys WHERE keys.key IS NOT NULL) "

/// Resets a cached statement when the scope ends, so no read snapshot outlives the call.
class ResetGuard
{
public:
    explicit ResetGuard(SqliteStatement &statement) : m_statement(statement) {}
    ~ResetGuard() { m_statement.reset(); }
    ResetGuard(const ResetGuard &) = delete;
    ResetGuard &operator=(const ResetGuard &) = delete;

private:
    SqliteStatement &m_statement;
};

/// BEGIN IMMEDIATE ... COMMIT; rolls back when the scope is left without commit().
class WriteTransaction
{
public:
    WriteTransaction(sqlite3 *db, const std::string &path) : m_db(db), m_path(path)
    {
        execute("BEGIN IMMEDIATE");
    }
    ~WriteTransaction()
    {
        if (!m_committed && sqlite3_get_autocommit(m_db) == 0)
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    void commit()
    {
        execute("COMMIT");
        m_committed = true;
    }

private:
    void execute(const char *sql)
    {
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            throw Error("run store " + m_path + ": " + sql + " failed: " + sqlite3_errmsg(m_db));
    }

    sqlite3 *m_db;
    const std::string &m_path;
    bool m_committed = false;
};

Error notAStore(const std::string &path, const std::string &why)
{
    return Error(path + " is not a ModelForge store: " + why + ". The file was left unchanged.");
}

bool isTerminal(RunStatus status)
{
    return status != RunStatus::Running;
}

double readValue(const SqliteStatement &statement, int column)
{
    return statement.isNull(column) ? std::numeric_limits<double>::quiet_NaN()
                                    : statement.real(column);
}

RunRecord readRun(const SqliteStatement &row, const std::string &path)
{
    RunRecord run;
    run.id = row.int64(0);
    run.name = row.text(1);
    const std::string status = row.text(2);
    const auto parsed = runStatusFromName(status);
    if (!parsed)
        throw Error("run store " + path + ": run " + std::to_string(run.id) +
                    " has an unknown status \"" + status + "\"");
    run.status = *parsed;
    run.configJson = row.text(3);
    run.dataset = row.text(4);
    run.model = row.text(5);
    run.startedAtMs = row.int64(6);
    run.endedAtMs = row.int64(7);
    run.heartbeatAtMs = row.int64(8);
    run.device = row.text(9);
    run.versions = row.text(10);
    run.host = row.text(11);
    run.pid = row.int64(12);
    run.failureReason = row.text(13);
    run.tags = row.text(14);
    run.notes = row.text(15);
    if (!row.isNull(16))
        run.bestValAccuracy = row.real(16);
    run.resumedAtMs = row.int64(17);
    run.activeBeforeMs = row.int64(18);
    return run;
}

/// Rejects an existing file that does not start with SQLite's magic header, before SQLite
/// gets to see (and possibly write) it.
void checkSqliteHeader(const std::string &path)
{
    namespace fs = std::filesystem;
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status))
        return;
    if (!fs::is_regular_file(status))
        throw notAStore(path, "it is not a regular file");
    if (fs::file_size(path, error) == 0 || error)
        return;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return; // SQLite reports why it cannot open the file
    static constexpr char kMagic[16] = "SQLite format 3";
    char header[16] = {};
    in.read(header, sizeof(header));
    if (in.gcount() != sizeof(header) || std::memcmp(header, kMagic, sizeof(header)) != 0)
        throw notAStore(path, "it is not an SQLite database");
}

/// SQL function mf_run_relative_path(path, run_id) for the schema migration that makes stored
/// paths relative (runRelativeArtifactPath).
void sqlRunRelativePath(sqlite3_context *context, int, sqlite3_value **arguments)
{
    const auto *text = sqlite3_value_text(arguments[0]);
    const std::string path = text != nullptr ? reinterpret_cast<const char *>(text) : "";
    const std::string relative = runRelativeArtifactPath(path, sqlite3_value_int64(arguments[1]));
    sqlite3_result_text(context, relative.c_str(), static_cast<int>(relative.size()),
                        SQLITE_TRANSIENT);
}

/// `path` as an SQLite file: URI, so that query parameters can be added
/// (https://www.sqlite.org/uri.html).
std::string sqliteFileUri(const std::string &path)
{
    const std::string absolute = std::filesystem::absolute(path).string();
    std::string uri = "file:";
    static const char *hex = "0123456789ABCDEF";
    for (const unsigned char c : absolute) {
        if (std::isalnum(c) || std::strchr("/-._~", c) != nullptr) {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 0xf];
        }
    }
    return uri;
}

/// The highest run id that names a folder in `runsDir` (0 when there is none): files a store
/// that was replaced or deleted left behind.
std::int64_t highestRunFolder(const std::string &runsDir)
{
    namespace fs = std::filesystem;
    std::int64_t highest = 0;
    std::error_code error;
    for (const auto &entry : fs::directory_iterator(runsDir, error)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name.size() > 18 ||
            name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        highest = std::max<std::int64_t>(highest, std::stoll(name));
    }
    return highest;
}

} // namespace

RunStore::RunStore(const std::string &path, StoreAccess access)
    : m_path(path), m_access(access),
      m_workspaceDir(std::filesystem::path(path).parent_path().string())
{
    if (readOnly())
        openReadOnly();
    else
        open();
    try {
        if (!readOnly())
            migrate();
        recoverInterruptedRuns();
    } catch (...) {
        close();
        throw;
    }
}

RunStore::~RunStore()
{
    close();
}

int RunStore::currentSchemaVersion()
{
    return schemaMigrations().back().version;
}

int RunStore::schemaVersion() const
{
    auto &query = statement("PRAGMA user_version");
    const ResetGuard guard(query);
    query.step();
    return static_cast<int>(query.int64(0));
}

std::int64_t RunStore::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void RunStore::open()
{
    if (m_path.empty())
        throw Error("run store: the database path is empty");
    namespace fs = std::filesystem;
    const fs::path parent = fs::path(m_path).parent_path();
    if (!parent.empty()) {
        std::error_code error;
        fs::create_directories(parent, error);
        if (error)
            throw Error("run store " + m_path + ": cannot create the folder " + parent.string() +
                        ": " + error.message());
    }
    checkSqliteHeader(m_path);
    if (const auto problem = storeWriteProblem(m_path))
        throw Error("run store " + m_path + " cannot be written: " + *problem +
                    ". Its runs can still be viewed: the Runs section and modelforge-cli runs "
                    "open a workspace they cannot write read-only.");

    connect(m_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    try {
        checkIsCompatibleStore();
        // Only now, with the file known to be ours, may anything be written to it.
        exec("PRAGMA journal_mode = WAL");
        exec("PRAGMA synchronous = NORMAL");
        exec("PRAGMA foreign_keys = ON");
        // 16 MiB of page cache (SQLite's default is 2 MiB) keeps the metrics index of a long run
        // in memory while it is appended to.
        exec("PRAGMA cache_size = -16384");
    } catch (...) {
        close();
        throw;
    }
}

void RunStore::connect(const std::string &target, int flags)
{
    const int rc = sqlite3_open_v2(target.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string reason = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        close();
        throw Error("run store " + m_path + ": cannot open: " + reason);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    sqlite3_create_function_v2(m_db, "mf_run_relative_path", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                               nullptr, sqlRunRelativePath, nullptr, nullptr, nullptr);
}

void RunStore::openReadOnly()
{
    if (m_path.empty())
        throw Error("run store: the database path is empty");
    std::error_code error;
    if (!std::filesystem::is_regular_file(m_path, error))
        throw Error("run store " + m_path + " does not exist");
    checkSqliteHeader(m_path);
    const std::string uri = sqliteFileUri(m_path);
    connect(uri + "?mode=ro", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    if (sqlite3_exec(m_db, "PRAGMA user_version", nullptr, nullptr, nullptr) != SQLITE_OK) {
        // A WAL store in a folder where SQLite can neither find nor create its -shm file.
        // Nobody can be writing to it then (a writer would have created the file), so it may be
        // read as immutable.
        close();
        connect(uri + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    }
    try {
        checkIsCompatibleStore();
        const int version = schemaVersion();
        if (version != currentSchemaVersion())
            throw Error("run store " + m_path + " has schema version " + std::to_string(version) +
                        " and this build reads version " + std::to_string(currentSchemaVersion()) +
                        "; upgrading it needs write access, and the store was opened read-only. "
                        "The file was left unchanged.");
        exec("PRAGMA foreign_keys = ON");
        exec("PRAGMA cache_size = -16384");
    } catch (...) {
        close();
        throw;
    }
}

void RunStore::close()
{
    m_statements.clear(); // finalizes every statement before the connection goes
    if (m_db != nullptr) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void RunStore::checkIsCompatibleStore() const
{
    // Raw calls: the return codes tell "not a database" apart from other failures.
    auto readInt = [this](const char *sql) {
        sqlite3_stmt *stmt = nullptr;
        int rc = sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr);
        std::int64_t value = 0;
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(stmt);
            if (rc == SQLITE_ROW) {
                value = sqlite3_column_int64(stmt, 0);
                rc = SQLITE_OK;
            }
        }
        const std::string reason = sqlite3_errmsg(m_db);
        sqlite3_finalize(stmt);
        if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
            throw notAStore(m_path, "SQLite says: " + reason);
        if (rc != SQLITE_OK)
            throw Error("run store " + m_path + ": cannot read the schema version: " + reason);
        return value;
    };
    const std::int64_t version = readInt("PRAGMA user_version");
    if (version > currentSchemaVersion())
        throw Error("run store " + m_path +
                    " was written by a newer version of ModelForge: "
                    "its schema version is " +
                    std::to_string(version) + ", this build knows versions up to " +
                    std::to_string(currentSchemaVersion()) + ". The file was left unchanged.");
    if (version == 0) {
        if (readInt("SELECT COUNT(*) FROM sqlite_master") > 0)
            throw notAStore(m_path, "it is an SQLite database of another application");
    } else if (readInt("PRAGMA application_id") != kStoreApplicationId) {
        throw notAStore(m_path, "it is an SQLite database of another application");
    }
}

void RunStore::exec(const char *sql) const
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string reason = message != nullptr ? message : sqlite3_errmsg(m_db);
        sqlite3_free(message);
        throw Error("run store " + m_path + ": cannot execute \"" + abbreviatedSql(sql) +
                    "\": " + reason);
    }
}

void RunStore::migrate()
{
    for (const SchemaMigration &step : schemaMigrations()) {
        if (schemaVersion() >= step.version)
            continue;
        WriteTransaction transaction(m_db, m_path);
        // Another process may have migrated while this one waited for the write lock.
        const int before = schemaVersion();
        if (before >= step.version)
            continue;
        try {
            exec(step.sql);
            exec(("PRAGMA user_version = " + std::to_string(step.version)).c_str());
            transaction.commit();
        } catch (const Error &error) {
            throw Error("run store " + m_path + ": cannot migrate from schema version " +
                        std::to_string(before) + " to " + std::to_string(step.version) +
                        " (the store stays at version " + std::to_string(before) +
                        "): " + error.what());
        }
    }
}

SqliteStatement &RunStore::statement(const char *sql) const
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end())
        found =
            m_statements.emplace(sql, std::make_unique<SqliteStatement>(m_db, m_path, sql)).first;
    found->second->reset();
    return *found->second;
}

void RunStore::requireChangedRun(std::int64_t runId) const
{
    if (sqlite3_changes(m_db) == 0)
        throw Error("run store " + m_path + ": there is no run " + std::to_string(runId));
}

std::int64_t RunStore::createRun(const RunRecord &run,
                                 const std::map<std::string, std::string> &params)
{
    const std::int64_t now = nowMs();
    WriteTransaction transaction(m_db, m_path);
    std::int64_t id = run.id;
    if (id == 0) {
        // Never an id whose folder exists: it belongs to a run of a store that was deleted or
        // replaced, and the new run would write into (and prune) its checkpoints.
        auto &last = statement(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'runs'), 0), "
            "COALESCE((SELECT MAX(id) FROM runs), 0))");
        const ResetGuard guard(last);
        last.step();
        id = std::max(last.int64(0), highestRunFolder(m_workspaceDir + "/runs")) + 1;
    }
    auto &insert = statement(
        "INSERT INTO runs (id, name, status, config_json, dataset, model, started_at_ms, "
        "ended_at_ms, heartbeat_at_ms, device, versions, host, pid, failure_reason, tags, notes) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    {
        const ResetGuard guard(insert);
        insert.bindInt64(1, id);
        insert.bindText(2, run.name);
        insert.bindText(3, runStatusName(run.status));
        insert.bindText(4, run.configJson);
        insert.bindText(5, run.dataset);
        insert.bindText(6, run.model);
        insert.bindInt64(7, run.startedAtMs != 0 ? run.startedAtMs : now);
        insert.bindInt64(8, run.endedAtMs);
        insert.bindInt64(9, run.heartbeatAtMs != 0 ? run.heartbeatAtMs : now);
        insert.bindText(10, run.device);
        insert.bindText(11, run.versions);
        insert.bindText(12, !run.host.empty() ? run.host : currentHostName());
        insert.bindInt64(13, run.pid != 0 ? run.pid : currentProcessId());
        insert.bindText(14, run.failureReason);
        insert.bindText(15, run.tags);
        insert.bindText(16, run.notes);
        insert.run();
    }
    insertParams(id, params);
    transaction.commit();
    return id;
}

void RunStore::setStatus(std::int64_t runId, RunStatus status, const std::string &reason)
{
    auto &update = statement("UPDATE runs SET status = ?2, ended_at_ms = ?3, failure_reason = ?4 "
                             "WHERE id = ?1");
    const ResetGuard guard(update);
    update.bindInt64(1, runId);
    update.bindText(2, runStatusName(status));
    update.bindInt64(3, isTerminal(status) ? nowMs() : 0);
    // A reason explains an abnormal end; a finished or running run has none.
    const bool keepsReason = status != RunStatus::Running && status != RunStatus::Finished;
    update.bindText(4, keepsReason ? reason : std::string());
    update.run();
    requireChangedRun(runId);
}

void RunStore::heartbeat(std::int64_t runId)
{
    auto &update = statement("UPDATE runs SET heartbeat_at_ms = ?2 WHERE id = ?1");
    const ResetGuard guard(update);
    update.bindInt64(1, runId);
    update.bindInt64(2, nowMs());
    update.run();
    requireChangedRun(runId);
}

void RunStore::claimRun(const RunRecord &seen, std::int64_t lastKeptStep,
                        std::int64_t activeBeforeMs)
{
    WriteTransaction transaction(m_db, m_path);
    {
        auto &update = statement(
            "UPDATE runs SET status = 'RUNNING', ended_at_ms = 0, failure_reason = '', host = ?4, "
            "pid = ?5, heartbeat_at_ms = ?6, resumed_at_ms = ?6, active_before_ms = ?7 WHERE id = "
            "?1 AND host = ?2 AND pid = ?3 AND status IN ('INTERRUPTED', 'STOPPED', 'FAILED')");
        const ResetGuard guard(update);
        update.bindInt64(1, seen.id);
        update.bindText(2, seen.host);
        update.bindInt64(3, seen.pid);
        update.bindText(4, currentHostName());
        update.bindInt64(5, currentProcessId());
        update.bindInt64(6, nowMs());
        update.bindInt64(7, std::max<std::int64_t>(activeBeforeMs, 0));
        update.run();
    }
    if (sqlite3_changes(m_db) == 0) {
        const std::optional<RunRecord> now = run(seen.id);
        const std::string name = "run store " + m_path + ": run " + std::to_string(seen.id);
        if (!now)
            throw Error(name + " no longer exists");
        if (now->status == RunStatus::Running)
            throw Error(name + " was already resumed by process " + std::to_string(now->pid) +
                        " on " + now->host);
        throw Error(name + " changed while it was being resumed (it is " +
                    runStatusName(now->status) + " now); nothing was changed");
    }
    deleteMetricsAfter(seen.id, lastKeptStep);
    transaction.commit();
}

void RunStore::setRunText(std::int64_t runId, const char *sql, const std::string &value)
{
    auto &update = statement(sql);
    const ResetGuard guard(update);
    update.bindInt64(1, runId);
    update.bindText(2, value);
    update.run();
    requireChangedRun(runId);
}

void RunStore::rename(std::int64_t runId, const std::string &name)
{
    setRunText(runId, "UPDATE runs SET name = ?2 WHERE id = ?1", name);
}

void RunStore::setTags(std::int64_t runId, const std::string &tags)
{
    setRunText(runId, "UPDATE runs SET tags = ?2 WHERE id = ?1", tags);
}

void RunStore::setNotes(std::int64_t runId, const std::string &notes)
{
    setRunText(runId, "UPDATE runs SET notes = ?2 WHERE id = ?1", notes);
}

void RunStore::deleteRun(std::int64_t runId)
{
    auto &remove = statement("DELETE FROM runs WHERE id = ?1");
    const ResetGuard guard(remove);
    remove.bindInt64(1, runId);
    remove.run();
    requireChangedRun(runId);
}

void RunStore::setParams(std::int64_t runId, const std::map<std::string, std::string> &params)
{
    WriteTransaction transaction(m_db, m_path);
    insertParams(runId, params);
    transaction.commit();
}

void RunStore::insertParams(std::int64_t runId, const std::map<std::string, std::string> &params)
{
    auto &insert = statement("INSERT INTO params (run_id, key, value) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value");
    const ResetGuard guard(insert);
    insert.bindInt64(1, runId);
    for (const auto &[key, value] : params) {
        insert.bindText(2, key, false);
        insert.bindText(3, value, false);
        insert.run();
        insert.rewind();
    }
}

std::map<std::string, std::string> RunStore::params(std::int64_t runId) const
{
    auto &query = statement("SELECT key, value FROM params WHERE run_id = ?1");
    const ResetGuard guard(query);
    query.bindInt64(1, runId);
    std::map<std::string, std::string> result;
    while (query.step())
        result.emplace(query.text(0), query.text(1));
    return result;
}

std::vector<std::int64_t> RunStore::runsWithParam(const std::string &key,
                                                  const std::string &value) const
{
    auto &query =
        statement("SELECT run_id FROM params WHERE key = ?1 AND value = ?2 ORDER BY run_id");
    const ResetGuard guard(query);
    query.bindText(1, key, false);
    query.bindText(2, value, false);
    std::vector<std::int64_t> result;
    while (query.step())
        result.push_back(query.int64(0));
    return result;
}

void RunStore::deleteMetricsAfter(std::int64_t runId, std::int64_t step)
{
    auto &remove = statement("DELETE FROM metrics WHERE run_id = ?1 AND step > ?2");
    const ResetGuard guard(remove);
    remove.bindInt64(1, runId);
    remove.bindInt64(2, step);
    remove.run();
}

void RunStore::appendMetrics(std::int64_t runId, const std::vector<MetricPoint> &points)
{
    if (points.empty())
        return;
    WriteTransaction transaction(m_db, m_path);
    auto &insert = statement("INSERT INTO metrics (run_id, key, step, epoch, wall_seconds, value) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    const ResetGuard guard(insert);
    insert.bindInt64(1, runId);
    for (const MetricPoint &point : points) {
        insert.bindText(2, point.key, false);
        insert.bindInt64(3, point.step);
        insert.bindInt64(4, point.epoch);
        insert.bindDouble(5, point.wallSeconds);
        insert.bindDouble(6, point.value); // SQLite binds NaN as NULL
        insert.run();
        insert.rewind();
    }
    transaction.commit();
}

std::vector<MetricPoint> RunStore::metrics(std::int64_t runId, const std::string &key) const
{
    auto &query = key.empty()
                      ? statement("SELECT key, step, epoch, wall_seconds, value FROM metrics "
                                  "WHERE run_id = ?1 ORDER BY key, step, rowid")
                      : statement("SELECT key, step, epoch, wall_seconds, value FROM metrics "
                                  "WHERE run_id = ?1 AND key = ?2 ORDER BY step, rowid");
    const ResetGuard guard(query);
    query.bindInt64(1, runId);
    if (!key.empty())
        query.bindText(2, key);
    std::vector<MetricPoint> points;
    while (query.step()) {
        MetricPoint point;
        point.key = query.text(0);
        point.step = query.int64(1);
        point.epoch = static_cast<int>(query.int64(2));
        point.wallSeconds = query.real(3);
        point.value = readValue(query, 4);
        points.push_back(std::move(point));
    }
    return points;
}

std::map<std::string, double> RunStore::latestMetrics(std::int64_t runId) const
{
    auto &query =
        statement(MF_METRIC_KEYS_CTE "SELECT key, (SELECT value FROM metrics WHERE run_id = ?1 AND "
                                     "key = keys.key ORDER BY step DESC, rowid DESC LIMIT 1) "
                                     "FROM keys WHERE key IS NOT NULL");
    const ResetGuard guard(query);
    query.bindInt64(1, runId);
    std::map<std::string, double> latest;
    while (query.step())
        latest.emplace(query.text(0), readValue(query, 1));
    return latest;
}

std::vector<std::string> RunStore::metricKeys(std::int64_t runId) const
{
    auto &query = statement(MF_METRIC_KEYS_CTE "SELECT key FROM keys WHERE key IS NOT NULL");
    const ResetGuard guard(query);
    query.bindInt64(1, runId);
    std::vector<std::string> keys;
    while (query.step())
        keys.push_back(query.text(0));
    return keys;
}

std::int64_t RunStore::addArtifact(const Artifact &artifact)
{
    auto &insert = statement("INSERT INTO artifacts (id, run_id, kind, path, size_bytes, sha256, "
                             "epoch, created_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    const ResetGuard guard(insert);
    if (artifact.id != 0)
        insert.bindInt64(1, artifact.id);
    else
        insert.bindNull(1);
    insert.bindInt64(2, artifact.runId);
    insert.bindText(3, artifact.kind);
    insert.bindText(4, storedArtifactPath(m_workspaceDir, artifact.path));
    insert.bindInt64(5, artifact.sizeBytes);
    insert.bindText(6, artifact.sha256);
    insert.bindInt64(7, artifact.epoch);
    insert.bindInt64(8, artifact.createdAtMs != 0 ? artifact.createdAtMs : nowMs());
    insert.run();
    return sqlite3_last_insert_rowid(m_db);
}

void RunStore::deleteArtifact(std::int64_t runId, const std::string &path)
{
    auto &remove = statement("DELETE FROM artifacts WHERE run_id = ?1 AND path = ?2");
    const ResetGuard guard(remove);
    remove.bindInt64(1, runId);
    remove.bindText(2, storedArtifactPath(m_workspaceDir, path));
    remove.run();
}

std::vector<Artifact> RunStore::artifacts(std::int64_t runId) const
{
    auto &query = statement("SELECT id, run_id, kind, path, size_bytes, sha256, epoch, "
                            "created_at_ms FROM artifacts WHERE run_id = ?1 ORDER BY id");
    const ResetGuard guard(query);
    query.bindInt64(1, runId);
    std::vector<Artifact> result;
    while (query.step()) {
        Artifact artifact;
        artifact.id = query.int64(0);
        artifact.runId = query.int64(1);
        artifact.kind = query.text(2);
        artifact.path = resolvedArtifactPath(m_workspaceDir, query.text(3));
        artifact.sizeBytes = query.int64(4);
        artifact.sha256 = query.text(5);
        artifact.epoch = static_cast<int>(query.int64(6));
        artifact.createdAtMs = query.int64(7);
        result.push_back(std::move(artifact));
    }
    return result;
}

std::vector<RunRecord> RunStore::listRuns() const
{
    static const std::string sql =
        std::string(kRunSelect) + " ORDER BY r.started_at_ms DESC, r.id DESC";
    auto &query = statement(sql.c_str());
    const ResetGuard guard(query);
    std::vector<RunRecord> runs;
    while (query.step())
        runs.push_back(withJudgedLiveness(readRun(query, m_path)));
    return runs;
}

std::optional<RunRecord> RunStore::run(std::int64_t runId) const
{
    static const std::string sql = std::string(kRunSelect) + " WHERE r.id = ?1";
    auto &query = statement(sql.c_str());
    const ResetGuard guard(query);
    query.bindInt64(1, runId);
    if (!query.step())
        return std::nullopt;
    return withJudgedLiveness(readRun(query, m_path));
}

void RunStore::touchRecentDataset(const std::string &path, const std::string &kind)
{
    WriteTransaction transaction(m_db, m_path);
    {
        // Opened later than every other entry even within one millisecond, so the order of the
        // list is the order of opening.
        auto &upsert = statement(
            "INSERT INTO recent_datasets (path, kind, last_opened_ms) VALUES (?1, ?2, MAX(?3, "
            "COALESCE((SELECT MAX(last_opened_ms) FROM recent_datasets WHERE path <> ?1), 0) + "
            "1)) ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, "
            "last_opened_ms = excluded.last_opened_ms");
        const ResetGuard guard(upsert);
        upsert.bindText(1, path);
        upsert.bindText(2, kind);
        upsert.bindInt64(3, nowMs());
        upsert.run();
    }
    {
        auto &prune = statement("DELETE FROM recent_datasets WHERE path NOT IN (SELECT path FROM "
                                "recent_datasets ORDER BY last_opened_ms DESC LIMIT ?1)");
        const ResetGuard guard(prune);
        prune.bindInt64(1, kRecentDatasetsKept);
        prune.run();
    }
    transaction.commit();
}

std::vector<RecentDataset> RunStore::recentDatasets(int limit) const
{
    auto &query = statement("SELECT path, kind, last_opened_ms FROM recent_datasets ORDER BY "
                            "last_opened_ms DESC, path LIMIT ?1");
    const ResetGuard guard(query);
    query.bindInt64(1, std::max(limit, 0));
    std::vector<RecentDataset> result;
    while (query.step())
        result.push_back({query.text(0), query.text(1), query.int64(2)});
    return result;
}

std::vector<std::pair<std::int64_t, std::string>>
RunStore::deadRunningRuns(std::chrono::seconds staleAfter) const
{
    struct Candidate
    {
        std::int64_t id;
        std::string host;
        std::int64_t pid;
        std::int64_t lastSignOfLifeMs;
    };
    std::vector<Candidate> running;
    {
        auto &query = statement("SELECT id, host, pid, heartbeat_at_ms, started_at_ms FROM runs "
                                "WHERE status = 'RUNNING'");
        const ResetGuard guard(query);
        while (query.step()) {
            const std::int64_t heartbeat = query.int64(3);
            running.push_back({query.int64(0), query.text(1), query.int64(2),
                               heartbeat != 0 ? heartbeat : query.int64(4)});
        }
    }

    const std::string host = currentHostName();
    const std::int64_t self = currentProcessId();
    const std::int64_t now = nowMs();
    const std::int64_t staleAfterMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(staleAfter).count();
    std::vector<std::pair<std::int64_t, std::string>> interrupted;
    for (const Candidate &run : running) {
        // On this host the process table decides: a run whose process is alive is running,
        // however long it went without a heartbeat (a debugger, a suspended process).
        if (run.host == host) {
            if (run.pid != self && processIsGone(run.pid))
                interrupted.emplace_back(run.id, "process " + std::to_string(run.pid) +
                                                     " on host " + host +
                                                     " ended without closing the run");
        } else if (now - run.lastSignOfLifeMs > staleAfterMs) {
            interrupted.emplace_back(
                run.id,
                "no heartbeat for " + std::to_string((now - run.lastSignOfLifeMs) / 1000) + " s");
        }
    }
    return interrupted;
}

RunRecord RunStore::withJudgedLiveness(RunRecord run) const
{
    if (run.status != RunStatus::Running)
        return run;
    const auto dead = m_judgedDead.find(run.id);
    if (dead == m_judgedDead.end())
        return run;
    run.status = RunStatus::Interrupted;
    run.failureReason = dead->second;
    run.endedAtMs = m_judgedAtMs;
    return run;
}

int RunStore::recoverInterruptedRuns(std::chrono::seconds staleAfter)
{
    const auto interrupted = deadRunningRuns(staleAfter);
    const std::int64_t now = nowMs();
    if (readOnly()) {
        m_judgedDead = {interrupted.begin(), interrupted.end()};
        m_judgedAtMs = now;
        return static_cast<int>(interrupted.size());
    }
    if (interrupted.empty())
        return 0; // no write lock taken: opening a store to read never waits on a writer

    int changed = 0;
    WriteTransaction transaction(m_db, m_path);
    auto &update = statement("UPDATE runs SET status = 'INTERRUPTED', ended_at_ms = ?2, "
                             "failure_reason = ?3 WHERE id = ?1 AND status = 'RUNNING'");
    const ResetGuard guard(update);
    for (const auto &[id, reason] : interrupted) {
        update.bindInt64(1, id);
        update.bindInt64(2, now);
        update.bindText(3, reason, false);
        update.run();
        update.rewind();
        changed += sqlite3_changes(m_db);
    }
    transaction.commit();
    return changed;
}

} // namespace mf
