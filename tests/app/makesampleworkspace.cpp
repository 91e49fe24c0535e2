// mf_sample_workspace DIR: writes a run store with the sample runs into the workspace DIR, to
// render screenshots of a realistic workspace (modelforge --screenshot OUT --workspace DIR).
// The running run is owned by process 1, which is always alive, so it stays RUNNING for as long
// as its heartbeat is fresh (a minute).

#include "samplestore.h"

#include "core/store/workspace.h"

#include <cstdio>
#include <exception>

int main(int argc, char *argv[])
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s WORKSPACE_DIR\n", argv[0]);
        return 2;
    }
    try {
        mf::RunStore store(mf::Workspace{argv[1]}.databasePath());
        mf::sample::fill(store, 1);
        std::printf("%s\n", store.path().c_str());
    } catch (const std::exception &error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 1;
    }
    return 0;
}
