#pragma once

#include <string>

namespace mf::cli {

/// Tells the user on stderr, once per command, that the store at `databasePath` cannot be
/// written and is read as it is: nothing is changed, and dead runs are not recorded as
/// INTERRUPTED. Silent where the store can be written.
void noteIfReadOnly(const std::string &databasePath);

} // namespace mf::cli
