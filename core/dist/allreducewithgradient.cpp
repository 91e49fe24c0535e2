#include "core/dist/allreducewithgradient.h"

namespace mf {

torch::Tensor allReduceSumWithGradient(const std::shared_ptr<Collectives> &collectives,
                                       const torch::Tensor &local)
{
    torch::Tensor summed = local.detach().contiguous().clone();
    collectives->allreduceSum(summed).wait();
    if (!local.requires_grad())
        return summed;
    // The value of `summed` (x - x is exactly 0), the gradient path of `local` (identity), and a
    // hook that sums that gradient over the ranks as backward passes it on.
    torch::Tensor input = local.view_as(local);
    std::shared_ptr<Collectives> group = collectives;
    input.register_hook([group](const torch::Tensor &gradient) {
        torch::Tensor total = gradient.contiguous().clone();
        group->allreduceSum(total).wait();
        return total;
    });
    return summed + (input - input.detach());
}

} // namespace mf
