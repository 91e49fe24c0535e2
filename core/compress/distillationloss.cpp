#include "core/compress/distillationloss.h"

#include "core/util/error.h"

#include <string>

namespace mf {

torch::Tensor DistillationLoss::operator()(const torch::Tensor &student,
                                           const torch::Tensor &teacher,
                                           const torch::Tensor &labels) const
{
    if (!(temperature > 0.0))
        throw ConfigError("distillation temperature " + std::to_string(temperature) +
                          ": it must be above 0");
    if (!(alpha >= 0.0 && alpha <= 1.0))
        throw ConfigError("distillation alpha " + std::to_string(alpha) +
                          ": it must be between 0 and 1");
    const torch::Tensor logStudent = torch::log_softmax(student / temperature, 1);
    const torch::Tensor logTeacher = torch::log_softmax(teacher.detach() / temperature, 1);
    const torch::Tensor kl = (logTeacher.exp() * (logTeacher - logStudent)).sum(1).mean();
    const torch::Tensor hard = torch::nn::functional::cross_entropy(student, labels);
    return alpha * temperature * temperature * kl + (1.0 - alpha) * hard;
}

} // namespace mf
