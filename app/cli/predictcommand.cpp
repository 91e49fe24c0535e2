#include "app/cli/predictcommand.h"

#include "app/cli/modelargument.h"
#include "app/cli/texttable.h"
#include "core/deploy/imageinput.h"
#include "core/deploy/textlines.h"
#include "core/text/utf8.h"
#include "core/util/error.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <iostream>

namespace mf::cli {

namespace {

/// Texts classified per forward pass: a file may hold many lines.
constexpr std::size_t kTextBatch = 256;

/// The `top` most probable classes of one row of probabilities, most probable first.
nlohmann::json ranked(const torch::Tensor &probabilities, int top,
                      const std::vector<std::string> &classNames)
{
    const auto best = probabilities.topk(top);
    const torch::Tensor probability = std::get<0>(best);
    const torch::Tensor index = std::get<1>(best);
    nlohmann::json entries = nlohmann::json::array();
    for (int k = 0; k < top; ++k) {
        const auto c = index[k].item<std::int64_t>();
        entries.push_back({{"class", c},
                           {"name", classNames[static_cast<std::size_t>(c)]},
                           {"probability", probability[k].item<double>()}});
    }
    return entries;
}

void printRanked(const nlohmann::json &entries)
{
    for (const auto &entry : entries)
        std::cout << "  " << entry["name"].get<std::string>() << " "
                  << formatNumber(entry["probability"].get<double>(), 3);
    std::cout << "\n";
}

/// `text` on one line for the plain output: line breaks as spaces, at most 60 characters
/// (UTF-8 aware), quoted.
std::string quoted(const std::string &text)
{
    constexpr std::size_t kMaxCharacters = 60;
    std::string shown;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0) != 0x80 && ++characters > kMaxCharacters) {
            shown += "…";
            break;
        }
        shown += byte == '\n' || byte == '\r' || byte == '\t' ? ' ' : text[i];
    }
    return "\"" + shown + "\"";
}

/// "run 3" for a run id, else the model file as given.
std::string modelName(const std::string &argument)
{
    return runIdArgument(argument) ? "run " + argument : argument;
}

bool isBlank(const std::string &text)
{
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::isspace(c) != 0; });
}

} // namespace

PredictCommand::PredictCommand(CLI::App &root, const CliContext &context) : m_context(context)
{
    m_command = root.add_subcommand(
        "predict", "Classify image files or texts with a run's model or an exported model file");
    m_command->add_option("model", m_model, "Run id, or a model file written by export-model")
        ->required();
    CLI::Option *images =
        m_command->add_option("images", m_images, "Image files (PNG, JPEG, BMP, GIF, PGM, TGA)");
    CLI::Option *texts = m_command->add_option(
        "--text", m_texts, "A text to classify with a text model (repeat for several)");
    CLI::Option *file = m_command->add_option(
        "--file", m_file, "A file of texts to classify with a text model, one per line");
    images->excludes(texts)->excludes(file);
    texts->excludes(file);
    m_command->add_option("--top", m_top, "How many classes to list per image or text")
        ->check(CLI::Range(1, 1000));
}

bool PredictCommand::selected() const
{
    return m_command->parsed();
}

int PredictCommand::execute()
{
    if (!m_texts.empty() || !m_file.empty())
        return predictTexts();
    if (m_images.empty())
        throw ConfigError("predict: give image files, --text TEXT or --file FILE to classify");
    return predictImages();
}

int PredictCommand::predictImages()
{
    const DeployedModel model = loadModelArgument(m_model, m_context.workspace);
    const ModelBundleMeta &meta = model.meta();
    if (meta.textInputs)
        throw ConfigError("The model of " + modelName(m_model) +
                          " classifies texts: give them with --text or --file, not image files");
    if (meta.tableInputs)
        throw ConfigError("predict classifies image files; the model of " + modelName(m_model) +
                          " takes table rows");
    const int top = std::min(m_top, static_cast<int>(meta.classNames.size()));
    nlohmann::json results = nlohmann::json::array();
    for (const std::string &file : m_images) {
        bool resized = false;
        const torch::Tensor image = readImageForModel(file, meta.sampleShape, &resized);
        const nlohmann::json best = ranked(model.probabilities(image)[0], top, meta.classNames);
        if (!m_context.json) {
            std::cout << file << (resized ? " (resized)" : "") << ":";
            printRanked(best);
        }
        results.push_back({{"file", file}, {"resized", resized}, {"top", best}});
    }
    if (m_context.json)
        std::cout << nlohmann::json{{"model", m_model}, {"predictions", results}}.dump(2)
                  << std::endl;
    return ExitOk;
}

int PredictCommand::predictTexts()
{
    std::vector<TextLine> documents;
    if (!m_file.empty()) {
        documents = readTextLines(m_file);
    } else {
        for (std::size_t i = 0; i < m_texts.size(); ++i) {
            if (isBlank(m_texts[i]))
                throw ConfigError("predict: --text number " + std::to_string(i + 1) +
                                  " is empty; give the words to classify");
            // Arguments come in the terminal's encoding: JSON output needs valid UTF-8.
            documents.push_back({0, utf8::sanitize(m_texts[i])});
        }
    }
    const DeployedModel model = loadModelArgument(m_model, m_context.workspace);
    const ModelBundleMeta &meta = model.meta();
    if (!meta.textInputs)
        throw ConfigError("predict --text and --file classify texts; the model of " +
                          modelName(m_model) + " takes " +
                          (meta.tableInputs ? "table rows" : "images"));
    const int top = std::min(m_top, static_cast<int>(meta.classNames.size()));
    nlohmann::json results = nlohmann::json::array();
    for (std::size_t begin = 0; begin < documents.size(); begin += kTextBatch) {
        const std::size_t end = std::min(documents.size(), begin + kTextBatch);
        std::vector<std::string> texts;
        for (std::size_t i = begin; i < end; ++i)
            texts.push_back(documents[i].text);
        const torch::Tensor probabilities = model.textProbabilities(texts);
        for (std::size_t i = begin; i < end; ++i) {
            const TextLine &document = documents[i];
            const nlohmann::json best =
                ranked(probabilities[static_cast<std::int64_t>(i - begin)], top, meta.classNames);
            if (!m_context.json) {
                if (!m_file.empty())
                    std::cout << m_file << ":" << document.line << " ";
                std::cout << quoted(document.text) << ":";
                printRanked(best);
            }
            nlohmann::json result = {{"text", document.text}, {"top", best}};
            if (!m_file.empty()) {
                result["file"] = m_file;
                result["line"] = document.line;
            }
            results.push_back(std::move(result));
        }
    }
    if (m_context.json)
        std::cout << nlohmann::json{{"model", m_model}, {"predictions", results}}.dump(2)
                  << std::endl;
    return ExitOk;
}

} // namespace mf::cli
