#include "core/compress/inferencelayout.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace mf {

namespace {

torch::Tensor inLayout(const torch::Tensor &x, bool channelsLast)
{
    if (!channelsLast || x.dim() != 4)
        return x;
    // Not x.contiguous(ChannelsLast): with one channel both layouts are contiguous, so it would
    // keep the NCHW strides and every convolution after it would stay NCHW too.
    return torch::empty_like(x, x.options(), at::MemoryFormat::ChannelsLast).copy_(x);
}

/// Median milliseconds of a forward pass over `input` after a warm-up.
double medianMillis(torch::nn::Sequential &model, const torch::Tensor &input)
{
    constexpr int kWarmup = 3;
    constexpr int kRepetitions = 9;
    torch::NoGradGuard noGrad;
    for (int i = 0; i < kWarmup; ++i)
        model->forward(input);
    std::vector<double> samples;
    for (int i = 0; i < kRepetitions; ++i) {
        const auto start = std::chrono::steady_clock::now();
        model->forward(input);
        samples.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::nth_element(samples.begin(), samples.begin() + kRepetitions / 2, samples.end());
    return samples[kRepetitions / 2];
}

} // namespace

InferenceLayout InferenceLayout::choose(torch::nn::Sequential model,
                                        const std::vector<std::int64_t> &sampleShape)
{
    InferenceLayout layout;
    layout.m_model = model;
    if (sampleShape.size() != 3)
        return layout;
    std::vector<std::int64_t> shape{64};
    shape.insert(shape.end(), sampleShape.begin(), sampleShape.end());
    const torch::Tensor input = torch::rand(shape);
    // Alternate the two so that a machine warming up or a neighbour's load favours neither.
    double nchw = medianMillis(model, inLayout(input, false));
    double nhwc = medianMillis(model, inLayout(input, true));
    nchw = std::min(nchw, medianMillis(model, inLayout(input, false)));
    nhwc = std::min(nhwc, medianMillis(model, inLayout(input, true)));
    layout.m_channelsLast = nhwc < nchw;
    char text[128];
    std::snprintf(
        text, sizeof text, "inference layout %s: %.2f ms at batch 64, %s %.2f ms",
        layout.m_channelsLast ? "channels-last" : "NCHW", layout.m_channelsLast ? nhwc : nchw,
        layout.m_channelsLast ? "NCHW" : "channels-last", layout.m_channelsLast ? nchw : nhwc);
    layout.m_note = text;
    return layout;
}

InferenceForward InferenceLayout::forward() const
{
    return [model = m_model, channelsLast = m_channelsLast](const torch::Tensor &x) mutable {
        torch::NoGradGuard noGrad;
        return model->forward(inLayout(x, channelsLast));
    };
}

} // namespace mf
