#include "core/compress/studentsuggestion.h"

#include "core/models/modelfactory.h"
#include "core/models/modelspec.h"

#include <algorithm>

namespace mf {

namespace {

std::vector<std::int64_t> divided(const std::vector<std::int64_t> &widths, std::int64_t by)
{
    std::vector<std::int64_t> result;
    for (std::int64_t width : widths)
        result.push_back(std::max<std::int64_t>(1, width / by));
    return result;
}

std::int64_t parametersOf(const nlohmann::json &spec, const std::vector<std::int64_t> &shape,
                          std::int64_t classes)
{
    return parameterCount(*buildModel(spec, shape, classes, 0));
}

} // namespace

nlohmann::json suggestStudent(const nlohmann::json &teacher,
                              const std::vector<std::int64_t> &inputShape, std::int64_t numClasses,
                              double fraction)
{
    const ModelSpec spec = parseModelSpec(teacher);
    const std::int64_t budget = static_cast<std::int64_t>(
        fraction * static_cast<double>(parametersOf(teacher, inputShape, numClasses)));
    nlohmann::json student = teacher;
    // Divisors about 25% apart: the largest student that fits, not only a power of two.
    for (std::int64_t by = 2; by <= 1024; by = std::max(by + 1, by * 5 / 4)) {
        if (isTextModelType(spec.type)) {
            // The embedding table is most of a text model: narrower tokens and states. A
            // transformer's width stays a multiple of its heads.
            const std::int64_t width = std::max<std::int64_t>(1, spec.embeddingDim / by);
            student["embedding_dim"] = spec.type == "transformer"
                                           ? std::max(spec.heads, width / spec.heads * spec.heads)
                                           : width;
            if (spec.type == "rnn" || spec.type == "gru" || spec.type == "lstm")
                student["hidden_size"] = std::max<std::int64_t>(1, spec.hiddenSize / by);
            else if (spec.type == "textcnn")
                student["filters"] = std::max<std::int64_t>(1, spec.filters / by);
            else if (spec.type == "transformer")
                student["ff_dim"] = std::max<std::int64_t>(1, spec.ffDim / by);
        } else if (spec.type == "mlp") {
            student["hidden"] = divided(spec.hidden, by);
        } else if (spec.type == "resnet") {
            student["channels"] = divided(spec.channels, by);
        } else {
            student["conv"] = divided(spec.conv, by);
            student["fc"] = divided(spec.fc, by);
        }
        if (parametersOf(student, inputShape, numClasses) <= budget)
            break;
    }
    return student;
}

} // namespace mf
