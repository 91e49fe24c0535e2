#include "core/train/plannedadam.h"

#include "core/train/adamkernel.h"
#include "core/train/optimizerstatekey.h"
#include "core/util/error.h"
#include "core/util/parallelrange.h"

#include <cmath>

namespace mf {

namespace {

void runJobs(std::vector<AdamJob> &jobs)
{
    std::vector<std::int64_t> starts{0};
    for (const AdamJob &job : jobs)
        starts.push_back(starts.back() + job.count);
    parallelRange(starts.back(), at::internal::GRAIN_SIZE,
                  [&](std::int64_t begin, std::int64_t end) {
                      std::size_t j = std::upper_bound(starts.begin(), starts.end(), begin) -
                                      starts.begin() - 1;
                      for (; j < jobs.size() && starts[j] < end; ++j)
                          adamElements(jobs[j], std::max(begin, starts[j]) - starts[j],
                                       std::min(end, starts[j + 1]) - starts[j]);
                  });
}

bool sameLayout(const torch::Tensor &a, const torch::Tensor &b)
{
    return a.defined() && a.sizes() == b.sizes() && a.strides() == b.strides() &&
           a.scalar_type() == b.scalar_type() && a.device() == b.device() && !a.is_sparse();
}

/// The fused step of Adam (`decoupled` false) or AdamW over `groups`, with `states` the
/// optimiser's state map. Returns false, having changed nothing, where a parameter does not
/// qualify; the caller runs LibTorch's step then.
template <class Options, class StateMap>
bool fusedAdamStep(std::vector<torch::optim::OptimizerParamGroup> &groups, StateMap &states,
                   bool decoupled)
{
    using State = torch::optim::AdamParamState;
    for (auto &group : groups)
        for (const torch::Tensor &p : group.params()) {
            if (!p.grad().defined())
                continue;
            if (!p.device().is_cpu() || p.scalar_type() != torch::kFloat32 ||
                !p.is_non_overlapping_and_dense() || !sameLayout(p.grad(), p))
                return false;
            const auto found = states.find(optimizerStateKey<StateMap>(p));
            if (found != states.end()) {
                const auto &state = static_cast<const State &>(*found->second);
                const auto &options = static_cast<const Options &>(group.options());
                if (!sameLayout(state.exp_avg(), p) || !sameLayout(state.exp_avg_sq(), p) ||
                    (options.amsgrad() && !sameLayout(state.max_exp_avg_sq(), p)))
                    return false;
            }
        }

    std::vector<AdamJob> jobs;
    for (auto &group : groups) {
        const auto &options = static_cast<const Options &>(group.options());
        for (torch::Tensor &p : group.params()) {
            if (!p.grad().defined())
                continue;
            auto &slot = states[optimizerStateKey<StateMap>(p)];
            if (!slot) {
                auto fresh = std::make_unique<State>();
                fresh->step(0);
                fresh->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Preserve));
                fresh->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Preserve));
                if (options.amsgrad())
                    fresh->max_exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Preserve));
                slot = std::move(fresh);
            }
            auto &state = static_cast<State &>(*slot);
            state.step(state.step() + 1);
            const double beta1 = std::get<0>(options.betas());
            const double beta2 = std::get<1>(options.betas());
            const double correction1 = 1 - std::pow(beta1, state.step());
            const double correction2 = 1 - std::pow(beta2, state.step());
            AdamJob job;
            job.parameter = p.data_ptr<float>();
            job.gradient = p.grad().data_ptr<float>();
            job.expAvg = state.exp_avg().data_ptr<float>();
            job.expAvgSq = state.exp_avg_sq().data_ptr<float>();
            if (options.amsgrad())
                job.maxExpAvgSq = state.max_exp_avg_sq().data_ptr<float>();
            job.count = p.numel();
            job.beta1 = static_cast<float>(beta1);
            job.oneMinusBeta1 = static_cast<float>(1 - beta1);
            job.beta2 = static_cast<float>(beta2);
            job.oneMinusBeta2 = static_cast<float>(1 - beta2);
            if (decoupled)
                job.decayFactor = static_cast<float>(1 - options.lr() * options.weight_decay());
            else
                job.coupledDecay = static_cast<float>(options.weight_decay());
            job.sqrtBiasCorrection2 = static_cast<float>(std::sqrt(correction2));
            job.eps = static_cast<float>(options.eps());
            job.negativeStepSize = static_cast<float>(-options.lr() / correction1);
            jobs.push_back(job);
        }
    }
    runJobs(jobs);
    return true;
}

/// LibTorch's step preamble: the closure runs with gradients on, the update without.
template <class Step>
torch::Tensor withClosure(const torch::optim::Optimizer::LossClosure &closure, Step &&update)
{
    torch::NoGradGuard noGrad;
    torch::Tensor loss;
    if (closure != nullptr) {
        at::AutoGradMode enableGrad(true);
        loss = closure();
    }
    update();
    return loss;
}

} // namespace

const char *optimizerKernelName(OptimizerKernel kernel)
{
    return kernel == OptimizerKernel::Fused ? "fused" : "aten";
}

torch::Tensor PlannedAdam::step(LossClosure closure)
{
    if (m_kernel == OptimizerKernel::Aten)
        return torch::optim::Adam::step(std::move(closure));
    return withClosure(closure, [this] {
        if (!fusedAdamStep<torch::optim::AdamOptions>(param_groups_, state_, false))
            torch::optim::Adam::step();
    });
}

torch::Tensor PlannedAdamW::step(LossClosure closure)
{
    if (m_kernel == OptimizerKernel::Aten)
        return torch::optim::AdamW::step(std::move(closure));
    return withClosure(closure, [this] {
        if (!fusedAdamStep<torch::optim::AdamWOptions>(param_groups_, state_, true))
            torch::optim::AdamW::step();
    });
}

std::vector<std::string> optimizerKernels(const torch::optim::Optimizer &optimizer,
                                          torch::Device device)
{
    std::vector<std::string> kernels{optimizerKernelName(OptimizerKernel::Aten)};
    if (dynamic_cast<const PlannedStep *>(&optimizer) == nullptr || !device.is_cpu())
        return kernels;
    for (const auto &group : optimizer.param_groups())
        for (const torch::Tensor &p : group.params())
            if (p.scalar_type() != torch::kFloat32)
                return kernels;
    kernels.push_back(optimizerKernelName(OptimizerKernel::Fused));
    return kernels;
}

std::string optimizerKernel(const torch::optim::Optimizer &optimizer)
{
    const auto *planned = dynamic_cast<const PlannedStep *>(&optimizer);
    return optimizerKernelName(planned != nullptr ? planned->kernel() : OptimizerKernel::Aten);
}

void setOptimizerKernel(torch::optim::Optimizer &optimizer, const std::string &kernel)
{
    auto *planned = dynamic_cast<PlannedStep *>(&optimizer);
    for (OptimizerKernel k : {OptimizerKernel::Aten, OptimizerKernel::Fused}) {
        if (kernel != optimizerKernelName(k))
            continue;
        if (planned != nullptr)
            return planned->setKernel(k);
        if (k == OptimizerKernel::Aten)
            return;
    }
    throw ConfigError("the optimizer has no step kernel \"" + kernel + "\"");
}

} // namespace mf
