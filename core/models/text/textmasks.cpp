#include "core/models/text/textmasks.h"

#include "core/text/vocabulary.h"
#include "core/util/error.h"

#include <string>

namespace mf {

static_assert(kTextPadId == Vocabulary::kPadId, "text models pad with the vocabulary's pad id");

void checkTokenIds(const torch::Tensor &ids, const char *module)
{
    if (ids.dim() != 2 || ids.size(1) < 1 || !at::isIntegralType(ids.scalar_type(), false))
        throw ConfigError(std::string(module) +
                          ": expects token ids, an integer tensor [batch, seq_len], not a " +
                          std::to_string(ids.dim()) + "-d " +
                          std::string(c10::toString(ids.scalar_type())) + " tensor");
}

torch::Tensor tokenMask(const torch::Tensor &ids)
{
    return ids.ne(kTextPadId);
}

torch::Tensor tokenLengths(const torch::Tensor &ids)
{
    return tokenMask(ids).sum(1).clamp_min(1).to(torch::kLong);
}

torch::Tensor validMask(const torch::Tensor &ids)
{
    const auto positions = torch::arange(ids.size(1), ids.options().dtype(torch::kLong));
    return positions.unsqueeze(0).lt(tokenLengths(ids).unsqueeze(1));
}

} // namespace mf
