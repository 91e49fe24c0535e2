#include "core/store/schema.h"

namespace mf {

namespace {

static_assert(kStoreApplicationId == 1296462708, "the first step below sets this id");

// Version 1: the base tables.
constexpr const char *kVersion1 = R"sql(
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
    value REAL -- NULL stands for NaN, which SQLite cannot store
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
)sql";

// Version 2: the owning process (host, pid) for crash recovery, user tags and notes, and the
// indices behind the run list and recovery. The partial index turns the run list's best
// validation accuracy into one index seek per run instead of a walk over its points.
constexpr const char *kVersion2 = R"sql(
ALTER TABLE runs ADD COLUMN host TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN pid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN tags TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN notes TEXT NOT NULL DEFAULT '';
CREATE INDEX runs_started ON runs(started_at_ms);
CREATE INDEX runs_status ON runs(status);
CREATE INDEX metrics_val_accuracy ON metrics(run_id, value) WHERE key = 'val_accuracy';
)sql";

// Version 3: the datasets a user opened in the workbench, most recent first in its Datasets page.
constexpr const char *kVersion3 = R"sql(
CREATE TABLE recent_datasets (
    path TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT '',
    last_opened_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX recent_datasets_opened ON recent_datasets(last_opened_ms);
)sql";

// Version 4: file paths relative to the workspace, so that a moved, copied or restored workspace
// finds its own checkpoints. mf_run_relative_path is registered by RunStore (artifactpath.h).
constexpr const char *kVersion4 = R"sql(
UPDATE artifacts SET path = mf_run_relative_path(path, run_id);
)sql";

// Version 5: a resumed run's duration leaves out the time it was dead. resumed_at_ms is when
// the last resume began, active_before_ms how long the run had trained before it.
constexpr const char *kVersion5 = R"sql(
ALTER TABLE runs ADD COLUMN resumed_at_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN active_before_ms INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 6: the ROI section's scenarios (ScenarioStore), each one JSON document that the store
// keeps as it is given.
constexpr const char *kVersion6 = R"sql(
CREATE TABLE roi_scenarios (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    json TEXT NOT NULL,
    created_at_ms INTEGER,
    updated_at_ms INTEGER
);
)sql";

} // namespace

const std::vector<SchemaMigration> &schemaMigrations()
{
    static const std::vector<SchemaMigration> migrations = {{1, kVersion1}, {2, kVersion2},
                                                            {3, kVersion3}, {4, kVersion4},
                                                            {5, kVersion5}, {6, kVersion6}};
    return migrations;
}

} // namespace mf
