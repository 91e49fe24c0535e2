#pragma once

#include "core/store/runstore.h"
#include "core/store/storeaccess.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// One entry of ScenarioStore::list().
struct ScenarioSummary
{
    std::int64_t id = 0;
    std::string name;
    std::int64_t updatedAtMs = 0; ///< milliseconds since the Unix epoch (RunStore::nowMs)
};

/// The ROI section's saved scenarios, in the roi_scenarios table of the run store. A scenario is
/// a name and a JSON document that this class keeps as it is given (it neither parses nor checks
/// it). Opens its own RunStore connection, so the store is created, migrated and checked
/// exactly as RunStore does it. One ScenarioStore per thread.
/// Failures throw mf::Error; a missing scenario, a blank name or a write to a store opened
/// read-only throw mf::ConfigError with a sentence that names the scenario.
class ScenarioStore
{
public:
    explicit ScenarioStore(const std::string &databasePath,
                           StoreAccess access = StoreAccess::ReadWrite);

    const std::string &path() const { return m_store.path(); }
    bool readOnly() const { return m_store.readOnly(); }

    /// Every scenario, the most recently changed first.
    std::vector<ScenarioSummary> list() const;
    /// The scenario's JSON document.
    std::string load(std::int64_t id) const;
    std::string name(std::int64_t id) const;

    /// Adds a scenario and returns its id. `name` must not be blank.
    std::int64_t create(const std::string &name, const std::string &json);
    /// Replaces the scenario's JSON document.
    void save(std::int64_t id, const std::string &json);
    void rename(std::int64_t id, const std::string &name);
    /// Adds a copy of the scenario's document under `newName` and returns the copy's id.
    std::int64_t duplicate(std::int64_t id, const std::string &newName);
    void remove(std::int64_t id);

private:
    /// Throws unless this store may write; `action` says what was refused ("save the ROI
    /// scenario \"Base case\"").
    void requireWritable(const std::string &action) const;
    [[noreturn]] void throwMissing(std::int64_t id) const;
    /// The scenario as a message names it: the ROI scenario "Base case". Throws when missing.
    std::string describe(std::int64_t id) const;
    /// The update time of a change made now: later than every other scenario's, so that the
    /// list shows the order of the changes even within one millisecond.
    std::int64_t changeTimeMs(std::int64_t exceptId) const;

    RunStore m_store;
};

} // namespace mf
