#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/compress/quantizedconv2d.h"
#include "core/compress/quantizedlinear.h"
#include "core/compress/quantizedrecurrent.h"
#include "core/compress/quantparams.h"

#include <torch/torch.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mf {

/// A layer of a Sequential that can run in int8: a convolution, with the batch norm after it
/// folded in, or a linear layer; the ReLU after it is fused into the int8 kernel where there is
/// one (a ReLU module, or the ReLU a MaxPool applies before pooling).
struct QuantizableLayer
{
    std::string name;      ///< the child's name: "conv1", "fc1", "out"
    std::size_t index = 0; ///< the child's position
    bool convolution = false;
    bool recurrent = false;                ///< a text model's RecurrentEncoder (dynamic int8 only)
    std::optional<std::size_t> batchNorm;  ///< the BatchNorm2d right after it
    std::optional<std::size_t> reluModule; ///< the ReLU module right after it (and its norm)
    bool reluInPool = false;               ///< the MaxPool after it applies ReLU
    bool fusesRelu() const { return reluModule.has_value() || reluInPool; }
};

/// The layers of `model` that `mode` quantises: convolutions and linear layers when static,
/// linear layers and recurrent encoders (RNN, GRU, LSTM) when dynamic (int8 convolutions need
/// calibrated activations).
std::vector<QuantizableLayer> quantizableLayers(const torch::nn::Sequential &model, QuantMode mode);

enum class ObserverKind
{
    MinMax,
    Histogram ///< the central `percentile` of the values (QuantHistogramObserver)
};

/// The quint8 parameters of each quantisable layer's input and (fused) output, by layer name.
struct Calibration
{
    std::map<std::string, QuantParams> input;
    std::map<std::string, QuantParams> output;
};

/// Runs `model` in eval mode, without gradients, over `batches` (already normalised as the model
/// was trained) and observes each quantisable layer's input and its output after the folded
/// batch norm and the fused ReLU. Throws ConfigError without batches.
Calibration calibrate(const torch::nn::Sequential &model, const std::vector<torch::Tensor> &batches,
                      ObserverKind kind, double percentile = 99.99);

/// A trained Sequential for inference with some of its layers in int8 (LibTorch's quantized
/// operators on the engine selected when it is built) and the others as they were. Consecutive
/// static int8 layers pass quint8 tensors to each other (max pooling runs on quint8 too);
/// tensors are quantised and dequantised only where int8 meets float. Dropout is left out
/// (inference). The float layers are shared with `source`, not copied.
class QuantizedSequentialImpl : public torch::nn::Module
{
public:
    /// `int8` names the layers (quantizableLayers(source, mode)) to run in int8; `calibration`
    /// is needed for static layers. Throws ConfigError for an unknown layer name or a static
    /// layer without calibration.
    QuantizedSequentialImpl(const torch::nn::Sequential &source, QuantMode mode,
                            const std::set<std::string> &int8, const Calibration &calibration);

    /// Float in, float out.
    torch::Tensor forward(const torch::Tensor &input);
    const std::set<std::string> &int8Layers() const { return m_int8; }
    QuantMode mode() const { return m_mode; }
    /// The tensors this model keeps (int8 weights count a byte an element), for size reports.
    std::vector<torch::Tensor> weights() const;

private:
    enum class StepKind
    {
        Float,         ///< a float module
        Int8Conv,      ///< QuantizedConv2d
        Int8Linear,    ///< QuantizedLinear, static or dynamic
        Int8Recurrent, ///< QuantizedRecurrentEncoder (dynamic)
        Flatten,       ///< on quint8 as on float
        Pool, ///< a MaxPool: on quint8 when its ReLU is fused into the int8 layer before it
        Skip  ///< folded or fused into the layer before, or dropout
    };
    struct Step
    {
        StepKind kind = StepKind::Float;
        torch::nn::AnyModule module;
        QuantizedConv2d conv{nullptr};
        QuantizedLinear linear{nullptr};
        QuantizedRecurrentEncoder recurrent{nullptr};
        std::int64_t poolSize = 0;
        bool poolOnInt8 = false;
    };
    std::vector<Step> m_steps;
    std::set<std::string> m_int8;
    QuantMode m_mode;
};
TORCH_MODULE(QuantizedSequential);

} // namespace mf
