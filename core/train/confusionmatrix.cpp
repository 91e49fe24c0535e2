#include "core/train/confusionmatrix.h"

#include "core/util/error.h"

namespace mf {

ConfusionMatrix::ConfusionMatrix(std::int64_t classes) : m_classes(classes)
{
    if (classes < 1)
        throw ConfigError("confusion matrix: needs at least one class");
    m_counts.assign(static_cast<std::size_t>(classes * classes), 0);
}

void ConfusionMatrix::add(const torch::Tensor &predicted, const torch::Tensor &target)
{
    if (predicted.numel() != target.numel())
        throw Error("confusion matrix: " + std::to_string(predicted.numel()) + " predictions for " +
                    std::to_string(target.numel()) + " targets");
    const auto pred = predicted.reshape({-1}).to(torch::kCPU, torch::kLong).contiguous();
    const auto truth = target.reshape({-1}).to(torch::kCPU, torch::kLong).contiguous();
    const auto *p = pred.data_ptr<std::int64_t>();
    const auto *t = truth.data_ptr<std::int64_t>();
    const std::int64_t n = pred.numel();
    for (std::int64_t i = 0; i < n; ++i) {
        if (p[i] < 0 || p[i] >= m_classes || t[i] < 0 || t[i] >= m_classes)
            throw Error("confusion matrix: class index out of range (predicted " +
                        std::to_string(p[i]) + ", true " + std::to_string(t[i]) + ", " +
                        std::to_string(m_classes) + " classes)");
    }
    for (std::int64_t i = 0; i < n; ++i)
        ++m_counts[static_cast<std::size_t>(t[i] * m_classes + p[i])];
    m_total += n;
}

double ConfusionMatrix::accuracy() const
{
    if (m_total == 0)
        return 0.0;
    std::int64_t correct = 0;
    for (std::int64_t k = 0; k < m_classes; ++k)
        correct += m_counts[static_cast<std::size_t>(k * m_classes + k)];
    return static_cast<double>(correct) / static_cast<double>(m_total);
}

EvalReport ConfusionMatrix::report(double meanLoss) const
{
    EvalReport report;
    report.loss = meanLoss;
    report.accuracy = accuracy();
    report.samples = m_total;
    const auto c = static_cast<std::size_t>(m_classes);
    report.confusion.assign(c, std::vector<std::int64_t>(c, 0));
    std::vector<std::int64_t> predictedTotal(c, 0), trueTotal(c, 0);
    for (std::size_t t = 0; t < c; ++t) {
        for (std::size_t p = 0; p < c; ++p) {
            const auto count = m_counts[t * c + p];
            report.confusion[t][p] = count;
            trueTotal[t] += count;
            predictedTotal[p] += count;
        }
    }
    for (std::size_t k = 0; k < c; ++k) {
        const auto tp = static_cast<double>(report.confusion[k][k]);
        const double precision =
            predictedTotal[k] > 0 ? tp / static_cast<double>(predictedTotal[k]) : 0.0;
        const double recall = trueTotal[k] > 0 ? tp / static_cast<double>(trueTotal[k]) : 0.0;
        const double f1 =
            precision + recall > 0.0 ? 2.0 * precision * recall / (precision + recall) : 0.0;
        report.precision.push_back(precision);
        report.recall.push_back(recall);
        report.f1.push_back(f1);
    }
    return report;
}

} // namespace mf
