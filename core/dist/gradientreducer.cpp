#include "core/dist/gradientreducer.h"

#include "core/util/error.h"

namespace mf {

GradientReducer::GradientReducer(std::shared_ptr<Collectives> collectives,
                                 std::vector<torch::Tensor> parameters, GradientBucketing bucketing)
    : m_collectives(std::move(collectives)), m_parameters(std::move(parameters))
{
    m_bucketOf.resize(m_parameters.size());
    m_offsetOf.resize(m_parameters.size());
    m_arrived.assign(m_parameters.size(), false);
    std::int64_t bytes = 0;
    for (std::size_t i = m_parameters.size(); i-- > 0;) {
        const torch::Tensor &parameter = m_parameters[i];
        const std::int64_t limit =
            m_buckets.size() <= 1 ? bucketing.firstBucketBytes : bucketing.bucketBytes;
        const bool fits = !m_buckets.empty() && bytes < limit &&
                          m_buckets.back().buffer.scalar_type() == parameter.scalar_type() &&
                          m_buckets.back().buffer.device() == parameter.device();
        if (!fits) {
            m_buckets.emplace_back();
            m_buckets.back().buffer = torch::zeros({0}, parameter.options());
            bytes = 0;
        }
        Bucket &bucket = m_buckets.back();
        m_bucketOf[i] = m_buckets.size() - 1;
        m_offsetOf[i] = bucket.buffer.size(0);
        bucket.parameters.push_back(i);
        bucket.offsets.push_back(m_offsetOf[i]);
        bucket.buffer = torch::zeros({bucket.buffer.size(0) + parameter.numel()},
                                     parameter.options().requires_grad(false));
        bytes += parameter.numel() * static_cast<std::int64_t>(parameter.element_size());
    }
    // The shared values' slots, after the first parameter in the bucket that leaves last.
    if (!m_buckets.empty()) {
        Bucket &last = m_buckets.back();
        last.buffer = torch::zeros({last.buffer.size(0) + kSharedValues}, last.buffer.options());
    }
    // A tensor that needs no gradient takes no hook: its gradient, should it get one after
    // all (unfrozen later), is read in finish().
    m_hooks.assign(m_parameters.size(), std::nullopt);
    for (std::size_t i = 0; i < m_parameters.size(); ++i)
        if (m_parameters[i].requires_grad())
            m_hooks[i] = m_parameters[i].register_hook(
                [this, i](const torch::Tensor &gradient) { arrived(i, gradient); });
}

GradientReducer::~GradientReducer()
{
    for (std::size_t i = 0; i < m_hooks.size(); ++i)
        if (m_hooks[i])
            m_parameters[i].remove_hook(*m_hooks[i]);
}

std::vector<std::vector<std::size_t>> GradientReducer::buckets() const
{
    std::vector<std::vector<std::size_t>> out;
    for (const Bucket &bucket : m_buckets)
        out.push_back(bucket.parameters);
    return out;
}

void GradientReducer::prepare(const std::vector<double> &shared)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (static_cast<std::int64_t>(shared.size()) > kSharedValues)
        throw Error("A gradient reduction can share at most " + std::to_string(kSharedValues) +
                    " values");
    if (m_buckets.empty() && !shared.empty())
        throw Error("A model without parameters has no gradient reduction to share values in");
    m_sharedCount = shared.size();
    if (!m_buckets.empty()) {
        torch::Tensor slots = m_buckets.back().buffer.narrow(
            0, m_buckets.back().buffer.size(0) - kSharedValues, kSharedValues);
        slots.zero_();
        for (std::size_t i = 0; i < shared.size(); ++i)
            slots[static_cast<std::int64_t>(i)] = shared[i];
    }
    for (Bucket &bucket : m_buckets) {
        if (bucket.reduction.pending())
            throw Error("A gradient reduction was still in flight when the next step began");
        bucket.launched = false;
        bucket.missing = bucket.parameters.size();
    }
    m_nextLaunch = 0;
    std::fill(m_arrived.begin(), m_arrived.end(), false);
    // Frozen parameters get no gradient: zeros, counted as in already.
    for (std::size_t i = 0; i < m_parameters.size(); ++i)
        if (!m_parameters[i].requires_grad()) {
            Bucket &bucket = m_buckets[m_bucketOf[i]];
            bucket.buffer.narrow(0, m_offsetOf[i], m_parameters[i].numel()).zero_();
            m_arrived[i] = true;
            --bucket.missing;
        }
}

void GradientReducer::arrived(std::size_t parameter, const torch::Tensor &gradient)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_arrived[parameter])
        throw Error("Data-parallel training needs each parameter once per forward pass; "
                    "parameter " +
                    std::to_string(parameter) + " got a second gradient");
    Bucket &bucket = m_buckets[m_bucketOf[parameter]];
    // reshape: a channels-last gradient is read in its logical order, as the parameter's.
    bucket.buffer.narrow(0, m_offsetOf[parameter], gradient.numel()).copy_(gradient.reshape({-1}));
    m_arrived[parameter] = true;
    if (--bucket.missing == 0)
        launchReadyBuckets();
}

void GradientReducer::launchReadyBuckets()
{
    while (m_nextLaunch < m_buckets.size() && m_buckets[m_nextLaunch].missing == 0)
        launch(m_buckets[m_nextLaunch++]);
}

void GradientReducer::launch(Bucket &bucket)
{
    bucket.reduction = m_collectives->allreduceSum(bucket.buffer);
    bucket.launched = true;
}

std::vector<double> GradientReducer::finish()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        // Parameters without a hook that got a gradient: theirs, read now. Those this rank's
        // forward did not use: zeros, so that the buckets can leave.
        for (std::size_t i = 0; i < m_parameters.size(); ++i)
            if (!m_arrived[i]) {
                Bucket &bucket = m_buckets[m_bucketOf[i]];
                torch::Tensor slice =
                    bucket.buffer.narrow(0, m_offsetOf[i], m_parameters[i].numel());
                const torch::Tensor &gradient = m_parameters[i].grad();
                if (gradient.defined() && !m_hooks[i])
                    slice.copy_(gradient.reshape({-1}));
                else
                    slice.zero_();
                m_arrived[i] = true;
                --bucket.missing;
            }
        launchReadyBuckets();
    }
    const double ranks = static_cast<double>(m_collectives->worldSize());
    torch::NoGradGuard noGrad;
    for (Bucket &bucket : m_buckets) {
        bucket.reduction.wait();
        bucket.buffer.div_(ranks);
        for (std::size_t k = 0; k < bucket.parameters.size(); ++k) {
            torch::Tensor &parameter = m_parameters[bucket.parameters[k]];
            if (!parameter.requires_grad())
                continue;
            const torch::Tensor mean = bucket.buffer.narrow(0, bucket.offsets[k], parameter.numel())
                                           .view(parameter.sizes());
            if (parameter.grad().defined())
                parameter.mutable_grad().copy_(mean);
            else
                parameter.mutable_grad() = mean.clone(at::MemoryFormat::Preserve)
                                               .contiguous(parameter.suggest_memory_format());
        }
    }
    std::vector<double> shared;
    if (!m_buckets.empty()) {
        const torch::Tensor slots = m_buckets.back().buffer.narrow(
            0, m_buckets.back().buffer.size(0) - kSharedValues, kSharedValues);
        for (std::size_t i = 0; i < m_sharedCount; ++i)
            shared.push_back(slots[static_cast<std::int64_t>(i)].item<double>());
    }
    return shared;
}

} // namespace mf
