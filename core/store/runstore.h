#pragma once

#include "core/store/runrecord.h"
#include "core/store/storeaccess.h"

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace mf {

class SqliteStatement;

/// The SQLite run store: runs, params, metrics, artifacts.
/// One RunStore per thread (one connection each); WAL lets readers proceed while a writer writes.
/// All methods throw mf::Error with the database path and SQLite's message on failure.
class RunStore
{
public:
    /// ReadWrite: opens or creates the database at `path` (parent directories are created),
    /// enables WAL and a busy timeout, migrates the schema to the current version, then marks
    /// RUNNING runs that are dead as INTERRUPTED (see recoverInterruptedRuns). A store this
    /// process cannot write (storeWriteProblem) is refused with the reason.
    /// ReadOnly: opens an existing store of the current schema without writing anything, not
    /// even in a folder that cannot hold SQLite's -shm file; every write method then throws.
    /// Dead runs are shown as INTERRUPTED without being recorded so.
    explicit RunStore(const std::string &path, StoreAccess access = StoreAccess::ReadWrite);
    ~RunStore();
    RunStore(const RunStore &) = delete;
    RunStore &operator=(const RunStore &) = delete;

    static int currentSchemaVersion();
    int schemaVersion() const;
    const std::string &path() const { return m_path; }
    bool readOnly() const { return m_access == StoreAccess::ReadOnly; }
    /// The open connection, for the classes that keep the store's other tables (ScenarioStore);
    /// same thread rule as the store's own methods.
    sqlite3 *connection() const { return m_db; }

    /// Inserts a run (id, heartbeat and start time filled in when 0) and returns its id. A new
    /// id is above every id this store ever gave and above every run folder in
    /// <store folder>/runs, so a new run never takes over the files of an older store's run.
    /// `params` are stored in the same transaction: a run is never seen without them.
    std::int64_t createRun(const RunRecord &run,
                           const std::map<std::string, std::string> &params = {});
    /// Sets the status; a terminal status also sets the end time. `reason` is kept for FAILED.
    void setStatus(std::int64_t runId, RunStatus status, const std::string &reason = {});
    void heartbeat(std::int64_t runId);
    /// Makes this process the owner of a run it continues (resume), in one transaction: the run
    /// becomes RUNNING with this host and pid, a fresh heartbeat, no end time and no failure
    /// reason, and its metric points after `lastKeptStep` are removed (those of the epoch it
    /// repeats). Only a run that is still resumable (INTERRUPTED, STOPPED or FAILED) and still
    /// owned by `seen`'s host and pid (what the caller read when it decided to resume) is
    /// claimed; otherwise nothing changes and mf::Error says who has the run now.
    /// `activeBeforeMs`: how long the run had trained before this resume (its duration then
    /// counts only the time it trained, RunRecord::durationMs).
    void claimRun(const RunRecord &seen, std::int64_t lastKeptStep,
                  std::int64_t activeBeforeMs = 0);
    void rename(std::int64_t runId, const std::string &name);
    void setTags(std::int64_t runId, const std::string &tags);
    void setNotes(std::int64_t runId, const std::string &notes);
    /// Deletes the run and its params, metrics and artifacts rows (not the files).
    void deleteRun(std::int64_t runId);

    void setParams(std::int64_t runId, const std::map<std::string, std::string> &params);
    std::map<std::string, std::string> params(std::int64_t runId) const;
    /// The runs, by id, whose param `key` is `value` (a source's variants: "lineage.parent").
    std::vector<std::int64_t> runsWithParam(const std::string &key, const std::string &value) const;

    /// Appends points in one transaction.
    void appendMetrics(std::int64_t runId, const std::vector<MetricPoint> &points);
    /// Removes the points logged after `step` (those of an epoch a resumed run repeats).
    void deleteMetricsAfter(std::int64_t runId, std::int64_t step);
    /// Points of a run, ordered by key then step; all keys when `key` is empty.
    std::vector<MetricPoint> metrics(std::int64_t runId, const std::string &key = {}) const;
    /// The last logged value of each key.
    std::map<std::string, double> latestMetrics(std::int64_t runId) const;
    std::vector<std::string> metricKeys(std::int64_t runId) const;

    /// Records a file of a run. A file inside the store's folder (the workspace) is kept
    /// relative to it, so that a moved or copied workspace finds its own files
    /// (core/store/artifactpath.h).
    std::int64_t addArtifact(const Artifact &artifact);
    /// Forgets the file at `path` (as artifacts() gives it), after retention removed it.
    void deleteArtifact(std::int64_t runId, const std::string &path);
    /// The run's files, oldest first, with absolute paths in the store's folder as it is now.
    std::vector<Artifact> artifacts(std::int64_t runId) const;

    std::vector<RunRecord> listRuns() const; ///< newest first, bestValAccuracy filled in
    std::optional<RunRecord> run(std::int64_t runId) const;

    /// Records that `path` was opened now (an entry per path; the oldest beyond
    /// kRecentDatasetsKept are forgotten).
    void touchRecentDataset(const std::string &path, const std::string &kind);
    /// The most recently opened datasets, newest first.
    std::vector<RecentDataset> recentDatasets(int limit = 10) const;
    static constexpr int kRecentDatasetsKept = 50;

    /// RUNNING runs that are dead become INTERRUPTED: on this host, those whose process is gone
    /// (a live process keeps its runs, whatever their heartbeat); on another host, where a pid
    /// says nothing, those whose heartbeat is older than `staleAfter`. A training process beats
    /// every 5 s (RunHeartbeat), so the default of 60 s allows for a dozen missed beats.
    /// Returns how many changed. A read-only store records nothing: it judges again, and
    /// listRuns() and run() show the runs it found dead as INTERRUPTED.
    int recoverInterruptedRuns(std::chrono::seconds staleAfter = std::chrono::seconds(60));

    /// Milliseconds since the Unix epoch, the clock of every stored time.
    static std::int64_t nowMs();

private:
    void exec(const char *sql) const;
    void migrate();
    void open();
    /// Connects with `flags` to `target` (a path, or a file: URI with SQLITE_OPEN_URI).
    void connect(const std::string &target, int flags);
    void openReadOnly();
    /// The RUNNING runs that are dead, with the reason (see recoverInterruptedRuns).
    std::vector<std::pair<std::int64_t, std::string>>
    deadRunningRuns(std::chrono::seconds staleAfter) const;
    /// What a read-only store found dead, applied to a run as read.
    RunRecord withJudgedLiveness(RunRecord run) const;
    void close();
    /// Refuses files that are no ModelForge store or come from a newer schema, before anything
    /// is written to them.
    void checkIsCompatibleStore() const;
    /// The cached prepared statement for `sql` (compiled on first use), reset and unbound.
    SqliteStatement &statement(const char *sql) const;
    /// Throws when the last UPDATE/DELETE matched no run.
    void requireChangedRun(std::int64_t runId) const;
    /// Runs a one-text-column UPDATE of a run (?1 the id, ?2 the value).
    void setRunText(std::int64_t runId, const char *sql, const std::string &value);
    void insertParams(std::int64_t runId, const std::map<std::string, std::string> &params);

    std::string m_path;
    StoreAccess m_access = StoreAccess::ReadWrite;
    std::map<std::int64_t, std::string> m_judgedDead; ///< read-only: run id -> reason
    std::int64_t m_judgedAtMs = 0;
    std::string m_workspaceDir; ///< the folder of the database file
    sqlite3 *m_db = nullptr;
    mutable std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> m_statements;
};

} // namespace mf
