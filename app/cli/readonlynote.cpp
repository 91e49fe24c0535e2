#include "app/cli/readonlynote.h"

#include "core/store/storeaccess.h"

#include <iostream>

namespace mf::cli {

void noteIfReadOnly(const std::string &databasePath)
{
    if (const auto problem = storeWriteProblem(databasePath))
        std::cerr << "note: " << *problem << "; the run store " << databasePath
                  << " is read as it is and nothing is changed\n";
}

} // namespace mf::cli
