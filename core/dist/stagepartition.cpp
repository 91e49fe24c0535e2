#include "core/dist/stagepartition.h"

#include "core/util/error.h"

#include <algorithm>
#include <limits>
#include <string>

namespace mf {

StageStarts balancedStageStarts(const std::vector<double> &costs, int stages)
{
    const std::size_t layers = costs.size();
    const auto k = static_cast<std::size_t>(std::max(stages, 1));
    if (layers < k)
        throw ConfigError("A pipeline of " + std::to_string(stages) + " stages needs at least " +
                          std::to_string(stages) + " layers; the model has " +
                          std::to_string(layers));
    std::vector<double> prefix(layers + 1, 0.0);
    for (std::size_t i = 0; i < layers; ++i)
        prefix[i + 1] = prefix[i] + costs[i];
    constexpr double kNone = std::numeric_limits<double>::infinity();
    // best[s][n]: the smallest largest-stage cost of the first n layers in s stages;
    // cut[s][n]: where the last of those stages begins.
    std::vector<std::vector<double>> best(k + 1, std::vector<double>(layers + 1, kNone));
    std::vector<std::vector<std::size_t>> cut(k + 1, std::vector<std::size_t>(layers + 1, 0));
    best[0][0] = 0.0;
    for (std::size_t s = 1; s <= k; ++s)
        for (std::size_t n = s; n <= layers; ++n)
            for (std::size_t start = s - 1; start < n; ++start) {
                const double cost = std::max(best[s - 1][start], prefix[n] - prefix[start]);
                if (cost < best[s][n]) {
                    best[s][n] = cost;
                    cut[s][n] = start;
                }
            }
    StageStarts starts(k, 0);
    std::size_t end = layers;
    for (std::size_t s = k; s >= 1; --s) {
        starts[s - 1] = cut[s][end];
        end = cut[s][end];
    }
    return starts;
}

StageStarts stageStartsFrom(const std::vector<std::size_t> &boundaries, std::size_t layers,
                            int stages)
{
    if (static_cast<int>(boundaries.size()) != stages - 1)
        throw ConfigError("A pipeline of " + std::to_string(stages) + " stages needs " +
                          std::to_string(stages - 1) + " stage boundaries; " +
                          std::to_string(boundaries.size()) + " were given");
    StageStarts starts{0};
    for (const std::size_t boundary : boundaries) {
        if (boundary <= starts.back() || boundary >= layers)
            throw ConfigError("Stage boundary " + std::to_string(boundary) +
                              " does not leave every stage at least one of the model's " +
                              std::to_string(layers) +
                              " layers (boundaries are increasing layer indices from 1 to " +
                              std::to_string(layers - 1) + ")");
        starts.push_back(boundary);
    }
    return starts;
}

} // namespace mf
