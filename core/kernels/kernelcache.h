#pragma once

#include "core/kernels/kerneldecision.h"
#include "core/kernels/kernelkey.h"

#include <optional>
#include <string>

namespace mf {

/// Kernel decisions kept in a JSON file (a workspace's kernel-choices.json), so that a later run
/// on the same machine and workload starts with the kernels an earlier one measured.
///
/// The file is a cache: one that cannot be read or is not a cache (another program's file, a
/// truncated write) is reported by problem() and replaced by the next store(); a store that
/// cannot write (a read-only workspace) is reported the same way and changes nothing. Each store
/// reads the file again and writes it atomically, so two processes storing at once lose at most
/// one of their new decisions, never the file.
class KernelCache
{
public:
    /// Most decisions a file keeps, the oldest going first: a run stores one for its layout and
    /// one per layer with a choice, so this holds some fifty workloads.
    static constexpr std::size_t kMaxEntries = 256;

    /// `path` empty: decisions are kept in memory only.
    explicit KernelCache(std::string path = {});

    const std::string &path() const { return m_path; }
    std::optional<KernelDecision> find(const KernelKey &key) const;
    void store(const KernelKey &key, const KernelDecision &decision);
    /// Why the file was not read or not written, as a sentence naming it; empty when all went
    /// well.
    const std::string &problem() const { return m_problem; }

private:
    struct Entry
    {
        KernelKey key;
        KernelDecision decision;
    };
    std::vector<Entry> load();

    std::string m_path;
    std::vector<Entry> m_entries;
    std::string m_problem;
};

} // namespace mf
