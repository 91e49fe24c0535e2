#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <tuple>
#include <vector>

namespace mf {

/// What LibTorch's int8 operators key their prepared kernel by: the input's sizes, its
/// quantisation parameters (zero for float input) and the intra-op thread count.
using PackedShapeKey = std::tuple<std::vector<std::int64_t>, double, std::int64_t, int>;

/// Packed int8 weights, one copy per input shape. LibTorch's oneDNN int8 operators (conv2d,
/// linear) prepare their oneDNN primitive once, for the first input a packed weight sees, and
/// rebuild it at every call whose shape, input parameters or thread count differ: a layer
/// first run on an evaluation batch of 256 then ran every batch of 64 the slow way (measured
/// 0.36 ms against 0.40-0.43 ms for the CNN's second int8 convolution at batch 64 on two Zen 5
/// cores, for each int8 layer of a forward). A layer that runs at batch 1, 64 and its
/// evaluation size therefore packs a copy of its weights for each, up to kMaxShapes; further
/// shapes share one more copy, on the operators' slow path. Thread-safe.
template <typename Packed> class PackedPerShape
{
public:
    static constexpr std::size_t kMaxShapes = 4;

    /// The copy for `key`, packed now by `pack` if there is none yet.
    Packed get(const PackedShapeKey &key, const std::function<Packed()> &pack)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (const auto found = m_packed.find(key); found != m_packed.end())
            return found->second;
        if (m_packed.size() < kMaxShapes) {
            Packed packed = m_fresh ? m_fresh : pack();
            m_fresh = Packed();
            return m_packed.emplace(key, packed).first->second;
        }
        if (!m_overflow)
            m_overflow = pack();
        return m_overflow;
    }

    /// Forgets every copy (the weights or the engine changed); `fresh`, packed but never run,
    /// serves the first shape that comes.
    void reset(Packed fresh = Packed())
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_packed.clear();
        m_overflow = Packed();
        m_fresh = std::move(fresh);
    }

private:
    std::mutex m_mutex;
    std::map<PackedShapeKey, Packed> m_packed;
    Packed m_overflow;
    Packed m_fresh;
};

} // namespace mf
