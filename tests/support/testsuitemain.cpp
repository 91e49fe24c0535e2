#include "tests/support/testsuite.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace mf::testsuite {

namespace {

std::map<std::string, RunFunction> &registry()
{
    static std::map<std::string, RunFunction> tests;
    return tests;
}

std::string testName(const char *file)
{
    std::string name = file;
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string::npos)
        name.erase(0, slash + 1);
    const auto dot = name.find('.');
    if (dot != std::string::npos)
        name.erase(dot);
    return name;
}

int usage(const char *suite, FILE *out)
{
    std::fprintf(out, "usage: %s <test> [Qt Test options]\ntests:\n", suite);
    for (const auto &entry : registry())
        std::fprintf(out, "  %s\n", entry.first.c_str());
    return out == stdout ? 0 : 2;
}

} // namespace

bool registerTest(const char *file, RunFunction run)
{
    const std::string name = testName(file);
    if (!registry().emplace(name, run).second) {
        std::fprintf(stderr, "test suite: %s is registered twice\n", name.c_str());
        std::abort();
    }
    return true;
}

} // namespace mf::testsuite

int main(int argc, char **argv)
{
    using namespace mf::testsuite;
    if (argc < 2)
        return usage(argv[0], stderr);
    if (std::strcmp(argv[1], "--list") == 0 || std::strcmp(argv[1], "--help") == 0)
        return usage(argv[0], stdout);
    const auto test = registry().find(argv[1]);
    if (test == registry().end()) {
        std::fprintf(stderr, "%s: no test named \"%s\"\n", argv[0], argv[1]);
        return usage(argv[0], stderr);
    }
    // Qt Test sees the usual command line: the program, then its own options.
    std::vector<char *> args{argv[0]};
    args.insert(args.end(), argv + 2, argv + argc);
    args.push_back(nullptr);
    return test->second(static_cast<int>(args.size()) - 1, args.data());
}
