#pragma once

#include <vector>

namespace mf {

/// One step of the run store's schema history: the SQL script that takes a database from
/// `version - 1` to `version`, run in one transaction.
struct SchemaMigration
{
    int version;
    const char *sql;
};

/// Every step, oldest first; a new schema version appends one step here.
const std::vector<SchemaMigration> &schemaMigrations();

/// PRAGMA application_id of a ModelForge store ("MFst"), set by the first migration step.
constexpr int kStoreApplicationId = 0x4D467374;

} // namespace mf
