#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <sstream>
#include <string>
#include <type_traits>

namespace mf {

/// The key of `parameter` in a LibTorch optimiser's state map (`StateMap`, the type of
/// Optimizer::state()): LibTorch 1.x keys it by the text of the TensorImpl's address, 2.x by
/// the address itself.
template <class StateMap>
typename StateMap::key_type optimizerStateKey(const torch::Tensor &parameter)
{
    using Key = typename StateMap::key_type;
    if constexpr (std::is_same_v<Key, std::string>) {
        // What 1.x's c10::guts::to_string printed (gone in 2.x): the address through a stream.
        std::ostringstream text;
        text << parameter.unsafeGetTensorImpl();
        return text.str();
    } else
        return static_cast<Key>(parameter.unsafeGetTensorImpl());
}

} // namespace mf
