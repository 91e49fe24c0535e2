#pragma once
// Declares tensors only (ATen_fwd.h), so that editors of pipelines need not parse torch.

#include <ATen/core/ATen_fwd.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace mf {

class AugmentRandom;
class SpecReader;

/// One image augmentation, applied to a whole batch at once on the batch's device. Operations
/// are immutable once built, so one pipeline can serve a trainer and a preview together.
class AugmentOperation
{
public:
    virtual ~AugmentOperation();

    /// The stable identifier used in JSON ("random_crop").
    virtual std::string name() const = 0;

    /// Chance that a sample gets this operation, drawn per sample.
    double probability() const { return m_probability; }
    /// True for operations applied to every sample whatever the probability (normalisation).
    virtual bool alwaysApplied() const { return false; }

    /// {"op": name, "probability": p, parameter: value...}.
    nlohmann::json toJson() const;
    /// Reads "probability" and the parameters of `spec` (the "op" and "enabled" members are the
    /// pipeline's and skipped). `prefix` starts every key in messages ("operations[2].").
    /// Unknown keys and bad values throw mf::ConfigError.
    void readJson(const nlohmann::json &spec, const std::string &prefix);

    /// batch: float [N, C, H, W], pixel values on the [0, 1] scale, on any device, owned by the
    /// caller's pipeline: modified in place or replaced by the result. applyMask: CPU bool [N], the
    /// samples this operation applies to. rng: row r is sample r of the batch. drawn, when given (N
    /// entries): entry r is set to the parameters drawn for sample r (a JSON object) when the mask
    /// selects it.
    virtual void apply(at::Tensor &batch, const at::Tensor &applyMask, AugmentRandom &rng,
                       std::vector<nlohmann::json> *drawn) const = 0;

protected:
    explicit AugmentOperation(double probability);

    /// Keys of parameters() besides "probability".
    virtual std::vector<std::string> parameterKeys() const = 0;
    /// The operation's parameters as a JSON object.
    virtual nlohmann::json parameters() const = 0;
    /// Replaces the parameters from `reader` (missing keys keep their values) and checks them.
    virtual void readParameters(const SpecReader &reader) = 0;

    /// Throws mf::ConfigError "<key>: must be ..." unless p is in [0, 1].
    void setProbability(double probability, const std::string &key);

    /// Rows of the batch that `applyMask` selects, in order.
    static std::vector<std::int64_t> selectedRows(const at::Tensor &applyMask);
    /// Replaces rows `rows` of `batch` by `transform(those rows)`; `transform` receives
    /// [rows.size(), C, H, W] that it may modify in place, and returns the result. Receives the
    /// batch itself, not a copy, when every row is selected.
    static void transformRows(at::Tensor &batch, const std::vector<std::int64_t> &rows,
                              const std::function<at::Tensor(const at::Tensor &)> &transform);
    /// `values` as a float32 tensor shaped `shape` on the batch's device.
    static at::Tensor valuesOn(const std::vector<float> &values, at::IntArrayRef shape,
                               const at::Tensor &batch);
    /// Sets drawn[row] when `drawn` is given.
    static void record(std::vector<nlohmann::json> *drawn, std::int64_t row, nlohmann::json values);

private:
    double m_probability;
};

} // namespace mf
