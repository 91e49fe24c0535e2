#include "core/dist/pipelineparallel.h"

#include "core/dist/broadcasttensors.h"
#include "core/dist/joinjob.h"
#include "core/kernels/layerprobe.h"
#include "core/train/optimizerstatekey.h"
#include "core/util/error.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <optional>
#include <sstream>
#include <string>

namespace mf {

namespace {

torch::nn::AnyModule &layerAt(torch::nn::Sequential &model, std::size_t index)
{
    return *(model->begin() + static_cast<std::ptrdiff_t>(index));
}

/// The median of a few timed forward and backward passes of each layer on `inputs`.
std::vector<double> layerMillis(torch::nn::Sequential &model, const torch::Tensor &inputs)
{
    // The inputs each layer gets in the model, needing a gradient after a layer with parameters.
    LayerProbe probe(model, inputs, TensorLayout::Nchw);
    std::vector<double> millis;
    for (std::size_t i = 0; i < model->size(); ++i) {
        torch::nn::AnyModule &layer = layerAt(model, i);
        torch::Tensor input = probe.input(i);
        const auto pass = [&] {
            for (torch::Tensor &parameter : layer.ptr()->parameters())
                parameter.mutable_grad().reset();
            input.mutable_grad().reset();
            const torch::Tensor output = layer.forward(input);
            // A layer without parameters before any that has them only runs forward.
            if (output.requires_grad())
                output.backward(torch::ones_like(output));
        };
        pass(); // warm-up
        std::vector<double> samples;
        for (int round = 0; round < 5; ++round) {
            const auto start = std::chrono::steady_clock::now();
            pass();
            samples.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
        }
        std::sort(samples.begin(), samples.end());
        millis.push_back(samples[samples.size() / 2]);
    }
    return millis;
}

/// The sizes of `parts` near-equal micro-batches of `batch` samples (fewer when the batch is
/// smaller), as torch.chunk cuts them.
std::vector<std::int64_t> microBatchSizes(std::int64_t batch, int parts)
{
    const std::int64_t each = (batch + parts - 1) / parts;
    std::vector<std::int64_t> sizes;
    for (std::int64_t begin = 0; begin < batch; begin += each)
        sizes.push_back(std::min(each, batch - begin));
    return sizes;
}

std::vector<std::int64_t> batchShape(std::int64_t size, const std::vector<std::int64_t> &sample)
{
    std::vector<std::int64_t> shape{size};
    shape.insert(shape.end(), sample.begin(), sample.end());
    return shape;
}

} // namespace

std::shared_ptr<PipelineParallel>
joinPipelineParallel(const DistEnvironment &environment, std::chrono::milliseconds timeout,
                     int microBatches, std::vector<std::size_t> boundaries,
                     const std::string &schedule, const std::function<bool()> &abandoned)
{
    const std::optional<PipelineSchedule> chosen = pipelineScheduleFromName(schedule);
    if (!chosen)
        throw ConfigError("Unknown pipeline schedule \"" + schedule + "\": gpipe or 1f1b");
    return std::make_shared<PipelineParallel>(Collectives::connect(environment, timeout, abandoned),
                                              microBatches, std::move(boundaries), *chosen);
}

PipelineParallel::PipelineParallel(std::shared_ptr<Collectives> collectives, int microBatches,
                                   std::vector<std::size_t> boundaries, PipelineSchedule schedule)
    : m_collectives(std::move(collectives)), m_tensors(m_collectives),
      m_microBatches(std::max(1, microBatches)), m_boundaries(std::move(boundaries)),
      m_schedule(schedule)
{
}

std::size_t PipelineParallel::stageEnd(int stage, std::size_t layers) const
{
    return stage + 1 < stages() ? m_starts[static_cast<std::size_t>(stage + 1)] : layers;
}

void PipelineParallel::useDevice(const torch::Device &device)
{
    m_tensors = m_collectives->forTensorsOn(device);
}

void PipelineParallel::plan(torch::nn::Sequential &model, const torch::Tensor &batch)
{
    const std::size_t layers = model->size();
    const std::vector<std::int64_t> sizes = microBatchSizes(batch.size(0), m_microBatches);
    const torch::Tensor micro = batch.narrow(0, 0, sizes.front());
    std::vector<double> millis;
    if (!m_boundaries.empty()) {
        m_starts = stageStartsFrom(m_boundaries, layers, stages());
    } else {
        // Rank 0 measures; everyone takes its cut, so that all agree.
        torch::Tensor starts = torch::zeros({stages()}, torch::kInt64);
        torch::Tensor measured = torch::zeros({static_cast<std::int64_t>(layers)}, torch::kFloat64);
        if (leader()) {
            millis = layerMillis(model, micro);
            const StageStarts balanced = balancedStageStarts(millis, stages());
            for (int s = 0; s < stages(); ++s)
                starts[s] = static_cast<std::int64_t>(balanced[static_cast<std::size_t>(s)]);
            measured = torch::tensor(millis, torch::kFloat64);
        } else if (layers < static_cast<std::size_t>(stages())) {
            balancedStageStarts(std::vector<double>(layers, 1.0), stages()); // the same error
        }
        m_collectives->broadcast(starts, 0);
        m_collectives->broadcast(measured, 0);
        m_starts.clear();
        for (int s = 0; s < stages(); ++s)
            m_starts.push_back(static_cast<std::size_t>(starts[s].item<std::int64_t>()));
        millis.assign(measured.data_ptr<double>(), measured.data_ptr<double>() + layers);
    }
    // Every layer's output shape for one sample, to size what a stage receives.
    m_sampleShapes.clear();
    {
        torch::NoGradGuard noGrad;
        torch::Tensor x = micro.narrow(0, 0, 1);
        for (std::size_t i = 0; i < layers; ++i) {
            x = layerAt(model, i).forward(x);
            m_sampleShapes.emplace_back(x.sizes().begin() + 1, x.sizes().end());
        }
    }
    broadcastTensors(*m_tensors, stateTensors(*model), 0);

    std::ostringstream text;
    for (int s = 0; s < stages(); ++s)
        text << (s > 0 ? " | " : "") << "layers " << m_starts[static_cast<std::size_t>(s)] << "-"
             << stageEnd(s, layers) - 1;
    if (!millis.empty()) {
        text << " (balanced by measured time:";
        for (int s = 0; s < stages(); ++s) {
            double sum = 0.0;
            for (std::size_t i = m_starts[static_cast<std::size_t>(s)]; i < stageEnd(s, layers);
                 ++i)
                sum += millis[i];
            text << (s > 0 ? " |" : "") << " " << std::fixed;
            text.precision(1);
            text << sum << " ms";
        }
        text << ")";
    }
    m_description = text.str();
}

torch::Tensor PipelineParallel::runStage(torch::nn::Sequential &model, torch::Tensor x) const
{
    const std::size_t end = stageEnd(rank(), model->size());
    for (std::size_t i = m_starts[static_cast<std::size_t>(rank())]; i < end; ++i)
        x = layerAt(model, i).forward(x);
    return x;
}

PipelineStepResult PipelineParallel::step(torch::nn::Sequential &model, const torch::Tensor &inputs,
                                          const torch::Tensor &labels, const Loss &loss,
                                          bool stopRequested)
{
    if (m_starts.empty())
        throw Error("The pipeline's stages were not planned before its first step");
    const int self = rank();
    const bool first = self == 0;
    const bool last = self == stages() - 1;
    const std::int64_t batch = labels.size(0);
    const std::vector<std::int64_t> sizes = microBatchSizes(batch, m_microBatches);
    const auto count = static_cast<int>(sizes.size());
    const std::size_t start = m_starts[static_cast<std::size_t>(self)];
    const std::vector<std::int64_t> &received =
        first ? std::vector<std::int64_t>{} : m_sampleShapes[start - 1];
    const torch::TensorOptions floats = inputs.options().dtype(torch::kFloat32);

    std::vector<std::int64_t> offsets(sizes.size(), 0);
    for (std::size_t m = 1; m < sizes.size(); ++m)
        offsets[m] = offsets[m - 1] + sizes[m - 1];
    std::vector<torch::Tensor> stageInputs(static_cast<std::size_t>(count));
    std::vector<torch::Tensor> stageOutputs(static_cast<std::size_t>(count));
    // Sends run in the background and are waited for at the end of the step: a stage blocks
    // only on what it receives, so no order of the schedule can deadlock two stages that send
    // to each other at once.
    std::vector<PendingCollective> sends;
    double lossSum = 0.0;
    std::int64_t correct = 0;
    const auto forward = [&](int m) {
        const auto i = static_cast<std::size_t>(m);
        torch::Tensor x;
        if (first) {
            x = inputs.narrow(0, offsets[i], sizes[i]);
        } else {
            x = torch::empty(batchShape(sizes[i], received), floats);
            m_tensors->recv(x, self - 1, m);
            x.requires_grad_(true);
        }
        torch::Tensor y = runStage(model, x);
        if (last) {
            const torch::Tensor part = labels.narrow(0, offsets[i], sizes[i]);
            correct += y.detach().argmax(1).eq(part).sum().item<std::int64_t>();
            // Weighted by its share of the batch: the micro-batches' gradients add up to the
            // whole batch's mean loss's.
            y = loss(y, part) * (static_cast<double>(sizes[i]) / static_cast<double>(batch));
            lossSum += y.item<double>();
        } else {
            sends.push_back(m_tensors->sendAsync(y.detach().contiguous(), self + 1, m));
        }
        stageInputs[i] = x;
        stageOutputs[i] = y;
    };
    const auto backward = [&](int m) {
        const auto i = static_cast<std::size_t>(m);
        torch::Tensor &y = stageOutputs[i];
        if (last) {
            y.backward();
        } else {
            torch::Tensor gradient = torch::empty(y.sizes(), floats);
            m_tensors->recv(gradient, self + 1, count + m);
            // A first stage of layers without parameters (a flatten) has nothing to learn.
            if (y.requires_grad())
                y.backward(gradient);
        }
        if (!first)
            sends.push_back(
                m_tensors->sendAsync(stageInputs[i].grad().contiguous(), self - 1, count + m));
        // Its activations are no longer needed: what 1F1B saves.
        stageInputs[i] = torch::Tensor();
        y = torch::Tensor();
    };
    for (const PipelineAction &action : pipelineActions(m_schedule, self, stages(), count))
        action.forward ? forward(action.microBatch) : backward(action.microBatch);
    for (PendingCollective &send : sends)
        send.wait();
    // The last stage knows the loss and the hits; every rank learns them, and whether any rank
    // was asked to stop, in one all-reduce.
    torch::Tensor shared = torch::zeros({3}, torch::kFloat64);
    if (last) {
        shared[0] = lossSum;
        shared[1] = static_cast<double>(correct);
    }
    shared[2] = stopRequested ? 1.0 : 0.0;
    m_collectives->allreduceSum(shared).wait();
    return {shared[0].item<double>(), static_cast<std::int64_t>(shared[1].item<double>()),
            shared[2].item<double>() > 0.0};
}

void PipelineParallel::synchronize(torch::nn::Sequential &model)
{
    const std::size_t layers = model->size();
    for (int s = 0; s < stages(); ++s) {
        std::vector<torch::Tensor> tensors;
        for (std::size_t i = m_starts[static_cast<std::size_t>(s)]; i < stageEnd(s, layers); ++i) {
            const std::vector<torch::Tensor> state = stateTensors(*layerAt(model, i).ptr());
            tensors.insert(tensors.end(), state.begin(), state.end());
        }
        if (!tensors.empty())
            broadcastTensors(*m_tensors, tensors, s);
    }
}

void PipelineParallel::gatherOptimizerState(
    torch::nn::Sequential &model, torch::optim::Optimizer &optimizer,
    const std::function<std::unique_ptr<torch::optim::Optimizer>()> &emptyLike)
{
    // The tag after every micro-batch's forward and backward tags of a step.
    const int tag = 2 * m_microBatches;
    if (!leader()) {
        std::ostringstream bytes;
        torch::serialize::OutputArchive archive;
        optimizer.save(archive);
        archive.save_to(bytes);
        const std::string text = bytes.str();
        torch::Tensor size = torch::tensor({static_cast<std::int64_t>(text.size())}, torch::kInt64);
        torch::Tensor data = torch::empty({static_cast<std::int64_t>(text.size())}, torch::kUInt8);
        std::memcpy(data.data_ptr(), text.data(), text.size());
        m_collectives->send(size, 0, tag);
        m_collectives->send(data, 0, tag + 1);
        return;
    }
    const std::size_t layers = model->size();
    auto &states = optimizer.state();
    using StateMap = std::remove_reference_t<decltype(states)>;
    for (int s = 1; s < stages(); ++s) {
        torch::Tensor size = torch::empty({1}, torch::kInt64);
        m_collectives->recv(size, s, tag);
        torch::Tensor data = torch::empty({size.item<std::int64_t>()}, torch::kUInt8);
        m_collectives->recv(data, s, tag + 1);
        std::istringstream bytes(std::string(static_cast<const char *>(data.data_ptr()),
                                             static_cast<std::size_t>(data.numel())));
        torch::serialize::InputArchive archive;
        archive.load_from(bytes);
        // LibTorch maps a saved optimiser's state to the parameters by their order, the same on
        // every rank.
        std::unique_ptr<torch::optim::Optimizer> stage = emptyLike();
        stage->load(archive);
        auto &stageStates = stage->state();
        for (std::size_t i = m_starts[static_cast<std::size_t>(s)]; i < stageEnd(s, layers); ++i)
            for (const torch::Tensor &parameter : layerAt(model, i).ptr()->parameters()) {
                const auto key = optimizerStateKey<StateMap>(parameter);
                if (auto found = stageStates.find(key); found != stageStates.end())
                    states[key] = std::move(found->second);
                else
                    states.erase(key);
            }
    }
}

} // namespace mf
