#include "app/cli/predictcommand.h"

#include "app/cli/modelargument.h"
#include "app/cli/texttable.h"
#include "core/deploy/imageinput.h"
#include "core/util/error.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

namespace mf::cli {

PredictCommand::PredictCommand(CLI::App &root, const CliContext &context) : m_context(context)
{
    m_command = root.add_subcommand(
        "predict", "Classify image files with a run's model or an exported model file");
    m_command->add_option("model", m_model, "Run id, or a model file written by export-model")
        ->required();
    m_command->add_option("images", m_images, "Image files (PNG, JPEG, BMP, GIF, PGM, TGA)")
        ->required();
    m_command->add_option("--top", m_top, "How many classes to list per image")
        ->check(CLI::Range(1, 1000));
}

bool PredictCommand::selected() const
{
    return m_command->parsed();
}

int PredictCommand::execute()
{
    const DeployedModel model = loadModelArgument(m_model, m_context.workspace);
    const ModelBundleMeta &meta = model.meta();
    if (meta.tableInputs)
        throw ConfigError("predict classifies image files; the model of " + m_model +
                          " takes table rows");
    const auto classes = static_cast<int>(meta.classNames.size());
    const int top = std::min(m_top, classes);
    nlohmann::json results = nlohmann::json::array();
    for (const std::string &file : m_images) {
        bool resized = false;
        const torch::Tensor image = readImageForModel(file, meta.sampleShape, &resized);
        const auto best = model.probabilities(image)[0].topk(top);
        const torch::Tensor probability = std::get<0>(best);
        const torch::Tensor index = std::get<1>(best);
        nlohmann::json ranked = nlohmann::json::array();
        for (int k = 0; k < top; ++k) {
            const auto c = index[k].item<std::int64_t>();
            ranked.push_back({{"class", c},
                              {"name", meta.classNames[static_cast<std::size_t>(c)]},
                              {"probability", probability[k].item<double>()}});
        }
        if (!m_context.json) {
            std::cout << file << (resized ? " (resized)" : "") << ":";
            for (const auto &entry : ranked)
                std::cout << "  " << entry["name"].get<std::string>() << " "
                          << formatNumber(entry["probability"].get<double>(), 3);
            std::cout << "\n";
        }
        results.push_back({{"file", file}, {"resized", resized}, {"top", ranked}});
    }
    if (m_context.json)
        std::cout << nlohmann::json{{"model", m_model}, {"predictions", results}}.dump(2)
                  << std::endl;
    return ExitOk;
}

} // namespace mf::cli
