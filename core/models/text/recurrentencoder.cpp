#include "core/models/text/recurrentencoder.h"

#include "core/models/text/textmasks.h"

namespace mf {

RecurrentEncoderImpl::RecurrentEncoderImpl(const RecurrentEncoderOptions &options)
    : options(options)
{
    reset();
}

void RecurrentEncoderImpl::reset()
{
    using namespace torch::nn;
    m_embedding = register_module(
        "embedding",
        Embedding(EmbeddingOptions(options.vocabSize(), options.embeddingDim()).padding_idx(0)));
    const auto in = options.embeddingDim();
    const auto hidden = options.hiddenSize();
    m_rnn = nullptr;
    m_gru = nullptr;
    m_lstm = nullptr;
    // No dropout between the layers: LibTorch would draw it from the process-wide generator.
    switch (options.cell()) {
    case RecurrentCell::Elman:
        m_rnn = register_module("rnn", RNN(RNNOptions(in, hidden)
                                               .num_layers(options.layers())
                                               .bidirectional(options.bidirectional())
                                               .nonlinearity(torch::kTanh)));
        break;
    case RecurrentCell::Gru:
        m_gru = register_module("rnn", GRU(GRUOptions(in, hidden)
                                               .num_layers(options.layers())
                                               .bidirectional(options.bidirectional())));
        break;
    case RecurrentCell::Lstm:
        m_lstm = register_module("rnn", LSTM(LSTMOptions(in, hidden)
                                                 .num_layers(options.layers())
                                                 .bidirectional(options.bidirectional())));
        break;
    }
}

std::int64_t RecurrentEncoderImpl::outputSize() const
{
    return options.hiddenSize() * (options.bidirectional() ? 2 : 1);
}

torch::Tensor RecurrentEncoderImpl::forward(const torch::Tensor &ids)
{
    checkTokenIds(ids, "recurrent encoder");
    const torch::Tensor lengths = tokenLengths(ids).to(torch::kCPU);
    const torch::Tensor embedded = m_embedding(ids.to(torch::kLong));
    const auto packed = torch::nn::utils::rnn::pack_padded_sequence(
        embedded, lengths, /*batch_first=*/true, /*enforce_sorted=*/false);
    if (options.perToken()) {
        using torch::nn::utils::rnn::PackedSequence;
        const PackedSequence output = m_rnn ? std::get<0>(m_rnn->forward_with_packed_input(packed))
                                      : m_gru
                                          ? std::get<0>(m_gru->forward_with_packed_input(packed))
                                          : std::get<0>(m_lstm->forward_with_packed_input(packed));
        return std::get<0>(torch::nn::utils::rnn::pad_packed_sequence(
            output, /*batch_first=*/true, /*padding_value=*/0.0, /*total_length=*/ids.size(1)));
    }
    // h_n: [layers * directions, batch, hidden], back in the batch's order.
    torch::Tensor state;
    if (m_rnn)
        state = std::get<1>(m_rnn->forward_with_packed_input(packed));
    else if (m_gru)
        state = std::get<1>(m_gru->forward_with_packed_input(packed));
    else
        state = std::get<0>(std::get<1>(m_lstm->forward_with_packed_input(packed)));
    if (!options.bidirectional())
        return state[-1];
    const auto layers = state.size(0);
    return torch::cat({state[layers - 2], state[layers - 1]}, 1);
}

void RecurrentEncoderImpl::pretty_print(std::ostream &stream) const
{
    static const char *const names[] = {"rnn", "gru", "lstm"};
    stream << "mf::RecurrentEncoder(" << names[static_cast<int>(options.cell())]
           << ", vocab=" << options.vocabSize() << ", embedding=" << options.embeddingDim()
           << ", hidden=" << options.hiddenSize() << ", layers=" << options.layers()
           << (options.bidirectional() ? ", bidirectional" : "")
           << (options.perToken() ? ", per token" : "") << ")";
}

} // namespace mf
