#include "core/store/scenariostore.h"

#include "core/store/sqlitestatement.h"
#include "core/util/error.h"

#include <sqlite3.h>

#include <algorithm>

namespace mf {

namespace {

bool isBlank(const std::string &text)
{
    return text.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
}

std::string quoted(const std::string &name)
{
    return "\"" + name + "\"";
}

} // namespace

ScenarioStore::ScenarioStore(const std::string &databasePath, StoreAccess access)
    : m_store(databasePath, access)
{
}

std::vector<ScenarioSummary> ScenarioStore::list() const
{
    SqliteStatement query(m_store.connection(), path(),
                          "SELECT id, name, COALESCE(updated_at_ms, 0) FROM roi_scenarios "
                          "ORDER BY updated_at_ms DESC, id DESC");
    std::vector<ScenarioSummary> result;
    while (query.step())
        result.push_back({query.int64(0), query.text(1), query.int64(2)});
    return result;
}

std::string ScenarioStore::load(std::int64_t id) const
{
    SqliteStatement query(m_store.connection(), path(),
                          "SELECT json FROM roi_scenarios WHERE id = ?1");
    query.bindInt64(1, id);
    if (!query.step())
        throwMissing(id);
    return query.text(0);
}

std::string ScenarioStore::name(std::int64_t id) const
{
    SqliteStatement query(m_store.connection(), path(),
                          "SELECT name FROM roi_scenarios WHERE id = ?1");
    query.bindInt64(1, id);
    if (!query.step())
        throwMissing(id);
    return query.text(0);
}

std::int64_t ScenarioStore::create(const std::string &name, const std::string &json)
{
    requireWritable("create the ROI scenario " + quoted(name));
    if (isBlank(name))
        throw ConfigError("A new ROI scenario needs a name; the name given is empty.");
    const std::int64_t now = changeTimeMs(0);
    SqliteStatement insert(m_store.connection(), path(),
                           "INSERT INTO roi_scenarios (name, json, created_at_ms, updated_at_ms) "
                           "VALUES (?1, ?2, ?3, ?3)");
    insert.bindText(1, name, false);
    insert.bindText(2, json, false);
    insert.bindInt64(3, now);
    insert.run();
    return sqlite3_last_insert_rowid(m_store.connection());
}

void ScenarioStore::save(std::int64_t id, const std::string &json)
{
    requireWritable("save " + describe(id));
    SqliteStatement update(m_store.connection(), path(),
                           "UPDATE roi_scenarios SET json = ?2, updated_at_ms = ?3 WHERE id = ?1");
    update.bindInt64(1, id);
    update.bindText(2, json, false);
    update.bindInt64(3, changeTimeMs(id));
    update.run();
    if (sqlite3_changes(m_store.connection()) == 0)
        throwMissing(id);
}

void ScenarioStore::rename(std::int64_t id, const std::string &name)
{
    const std::string scenario = describe(id);
    requireWritable("rename " + scenario);
    if (isBlank(name))
        throw ConfigError("Cannot rename " + scenario + ": the new name is empty.");
    SqliteStatement update(m_store.connection(), path(),
                           "UPDATE roi_scenarios SET name = ?2, updated_at_ms = ?3 WHERE id = ?1");
    update.bindInt64(1, id);
    update.bindText(2, name, false);
    update.bindInt64(3, changeTimeMs(id));
    update.run();
    if (sqlite3_changes(m_store.connection()) == 0)
        throwMissing(id);
}

std::int64_t ScenarioStore::duplicate(std::int64_t id, const std::string &newName)
{
    const std::string scenario = describe(id);
    requireWritable("copy " + scenario);
    if (isBlank(newName))
        throw ConfigError("Cannot copy " + scenario + ": the name of the copy is empty.");
    // One statement: the copy is of the document as it is at this instant.
    SqliteStatement insert(m_store.connection(), path(),
                           "INSERT INTO roi_scenarios (name, json, created_at_ms, updated_at_ms) "
                           "SELECT ?2, json, ?3, ?3 FROM roi_scenarios WHERE id = ?1");
    insert.bindInt64(1, id);
    insert.bindText(2, newName, false);
    insert.bindInt64(3, changeTimeMs(0));
    insert.run();
    if (sqlite3_changes(m_store.connection()) == 0)
        throwMissing(id);
    return sqlite3_last_insert_rowid(m_store.connection());
}

void ScenarioStore::remove(std::int64_t id)
{
    requireWritable("delete " + describe(id));
    SqliteStatement remove(m_store.connection(), path(), "DELETE FROM roi_scenarios WHERE id = ?1");
    remove.bindInt64(1, id);
    remove.run();
    if (sqlite3_changes(m_store.connection()) == 0)
        throwMissing(id);
}

void ScenarioStore::requireWritable(const std::string &action) const
{
    if (readOnly())
        throw ConfigError("Cannot " + action + ": the store " + path() +
                          " was opened read-only, so its scenarios can be viewed but not "
                          "changed.");
}

void ScenarioStore::throwMissing(std::int64_t id) const
{
    throw ConfigError("There is no ROI scenario with id " + std::to_string(id) + " in the store " +
                      path() + "; it may have been deleted.");
}

std::string ScenarioStore::describe(std::int64_t id) const
{
    return "the ROI scenario " + quoted(name(id));
}

std::int64_t ScenarioStore::changeTimeMs(std::int64_t exceptId) const
{
    SqliteStatement query(m_store.connection(), path(),
                          "SELECT COALESCE(MAX(updated_at_ms), 0) FROM roi_scenarios "
                          "WHERE id <> ?1");
    query.bindInt64(1, exceptId);
    query.step();
    return std::max(RunStore::nowMs(), query.int64(0) + 1);
}

} // namespace mf
