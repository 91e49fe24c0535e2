#include "core/compress/quantizedrecurrent.h"

#include "core/models/text/textmasks.h"
#include "core/util/error.h"

namespace mf {

namespace {

QuantizedLinear quantizedProjection(const torch::Tensor &weight, const torch::Tensor &bias)
{
    torch::nn::Linear linear(torch::nn::LinearOptions(weight.size(1), weight.size(0)));
    torch::NoGradGuard noGrad;
    linear->weight.copy_(weight);
    linear->bias.copy_(bias);
    return quantizeLinearDynamic(linear, QuantGranularity::PerChannel);
}

} // namespace

QuantizedRecurrentEncoderImpl::QuantizedRecurrentEncoderImpl(const RecurrentEncoderImpl &source)
    : m_options(source.options)
{
    if (m_options.perToken())
        throw ConfigError("a per-token recurrent encoder (pre-training) has no int8 form");
    const auto parameters = source.named_parameters();
    m_embedding = register_module(
        "embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(m_options.vocabSize(),
                                                                      m_options.embeddingDim())
                                              .padding_idx(0)));
    {
        torch::NoGradGuard noGrad;
        m_embedding->weight.copy_(parameters["embedding.weight"]);
    }
    const int directions = m_options.bidirectional() ? 2 : 1;
    for (std::int64_t layer = 0; layer < m_options.layers(); ++layer)
        for (int d = 0; d < directions; ++d) {
            const std::string suffix = "_l" + std::to_string(layer) + (d == 1 ? "_reverse" : "");
            Direction direction;
            direction.input = register_module(
                "ih" + suffix, quantizedProjection(parameters["rnn.weight_ih" + suffix],
                                                   parameters["rnn.bias_ih" + suffix]));
            direction.recurrent = register_module(
                "hh" + suffix, quantizedProjection(parameters["rnn.weight_hh" + suffix],
                                                   parameters["rnn.bias_hh" + suffix]));
            m_directions.push_back(direction);
        }
}

torch::Tensor QuantizedRecurrentEncoderImpl::cell(const torch::Tensor &inputGates,
                                                  const torch::Tensor &hiddenGates,
                                                  torch::Tensor &c) const
{
    switch (m_options.cell()) {
    case RecurrentCell::Elman:
        return torch::tanh(inputGates + hiddenGates);
    case RecurrentCell::Gru: {
        const auto i = inputGates.chunk(3, 1);
        const auto h = hiddenGates.chunk(3, 1);
        const torch::Tensor reset = torch::sigmoid(i[0] + h[0]);
        const torch::Tensor update = torch::sigmoid(i[1] + h[1]);
        const torch::Tensor candidate = torch::tanh(i[2] + reset * h[2]);
        return candidate + update * (c - candidate); // c holds h for a GRU
    }
    case RecurrentCell::Lstm: {
        const auto gates = (inputGates + hiddenGates).chunk(4, 1);
        c = torch::sigmoid(gates[1]) * c + torch::sigmoid(gates[0]) * torch::tanh(gates[2]);
        return torch::sigmoid(gates[3]) * torch::tanh(c);
    }
    }
    return {};
}

torch::Tensor QuantizedRecurrentEncoderImpl::run(Direction &direction, const torch::Tensor &x,
                                                 const torch::Tensor &lengths, bool reverse,
                                                 torch::Tensor &last)
{
    const auto batch = x.size(0);
    const auto steps = x.size(1);
    const auto hidden = m_options.hiddenSize();
    const torch::Tensor projected =
        direction.input->forward(x.reshape({batch * steps, x.size(2)})).view({batch, steps, -1});
    torch::Tensor h = torch::zeros({batch, hidden}, x.options());
    torch::Tensor c = torch::zeros({batch, hidden}, x.options());
    torch::Tensor outputs = torch::zeros({batch, steps, hidden}, x.options());
    for (std::int64_t s = 0; s < steps; ++s) {
        const std::int64_t t = reverse ? steps - 1 - s : s;
        // Rows whose sequence has a token at t; the others keep their state (and stay 0 until
        // a backward pass reaches their last token).
        const torch::Tensor active = lengths.gt(t).unsqueeze(1);
        torch::Tensor state = m_options.cell() == RecurrentCell::Gru ? h : c;
        const torch::Tensor next =
            cell(projected.select(1, t), direction.recurrent->forward(h), state);
        if (m_options.cell() == RecurrentCell::Lstm)
            c = torch::where(active, state, c);
        h = torch::where(active, next, h);
        outputs.select(1, t).copy_(next * active);
    }
    last = h;
    return outputs;
}

torch::Tensor QuantizedRecurrentEncoderImpl::forward(const torch::Tensor &ids)
{
    checkTokenIds(ids, "int8 recurrent encoder");
    const torch::Tensor lengths = tokenLengths(ids);
    torch::Tensor x = m_embedding(ids.to(torch::kLong));
    const int directions = m_options.bidirectional() ? 2 : 1;
    std::vector<torch::Tensor> last(static_cast<std::size_t>(directions));
    for (std::int64_t layer = 0; layer < m_options.layers(); ++layer) {
        std::vector<torch::Tensor> outputs;
        for (int d = 0; d < directions; ++d)
            outputs.push_back(run(m_directions[static_cast<std::size_t>(layer * directions + d)], x,
                                  lengths, d == 1, last[static_cast<std::size_t>(d)]));
        x = directions == 1 ? outputs[0] : torch::cat(outputs, 2);
    }
    return directions == 1 ? last[0] : torch::cat(last, 1);
}

std::vector<torch::Tensor> QuantizedRecurrentEncoderImpl::weights() const
{
    std::vector<torch::Tensor> tensors{m_embedding->weight};
    for (const Direction &direction : m_directions)
        for (const QuantizedLinear &linear : {direction.input, direction.recurrent}) {
            tensors.push_back(linear->state().weight);
            tensors.push_back(linear->state().bias);
        }
    return tensors;
}

void QuantizedRecurrentEncoderImpl::pretty_print(std::ostream &stream) const
{
    static const char *const names[] = {"rnn", "gru", "lstm"};
    stream << "mf::QuantizedRecurrentEncoder(" << names[static_cast<int>(m_options.cell())]
           << " int8 dynamic, hidden=" << m_options.hiddenSize()
           << ", layers=" << m_options.layers()
           << (m_options.bidirectional() ? ", bidirectional" : "") << ")";
}

} // namespace mf
