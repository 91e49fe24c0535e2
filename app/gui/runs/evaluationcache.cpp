#include "app/gui/runs/evaluationcache.h"

#include "core/util/atomicfile.h"
#include "core/util/error.h"

#include <filesystem>

namespace mf {

std::string EvaluationCache::fileName(bool testSplit)
{
    return testSplit ? "eval-test.json" : "eval-validation.json";
}

nlohmann::json EvaluationCache::toJson(const EvalReport &report)
{
    nlohmann::json mistakes = nlohmann::json::array();
    for (const Misclassification &mistake : report.mistakes)
        mistakes.push_back({{"index", mistake.index},
                            {"true", mistake.trueLabel},
                            {"predicted", mistake.predicted},
                            {"confidence", mistake.confidence}});
    return {{"loss", report.loss},
            {"accuracy", report.accuracy},
            {"samples", report.samples},
            {"precision", report.precision},
            {"recall", report.recall},
            {"f1", report.f1},
            {"confusion", report.confusion},
            {"class_names", report.classNames},
            {"mistakes", std::move(mistakes)},
            {"token_objective", report.tokenObjective}};
}

EvalReport EvaluationCache::fromJson(const nlohmann::json &json)
{
    EvalReport report;
    report.loss = json.at("loss").get<double>();
    report.accuracy = json.at("accuracy").get<double>();
    report.samples = json.at("samples").get<std::int64_t>();
    report.precision = json.at("precision").get<std::vector<double>>();
    report.recall = json.at("recall").get<std::vector<double>>();
    report.f1 = json.at("f1").get<std::vector<double>>();
    report.confusion = json.at("confusion").get<std::vector<std::vector<std::int64_t>>>();
    report.classNames = json.at("class_names").get<std::vector<std::string>>();
    report.tokenObjective = json.value("token_objective", std::string());
    for (const nlohmann::json &mistake : json.at("mistakes"))
        report.mistakes.push_back(
            {mistake.at("index").get<std::int64_t>(), mistake.at("true").get<std::int64_t>(),
             mistake.at("predicted").get<std::int64_t>(), mistake.at("confidence").get<double>()});
    const std::size_t classes = report.confusion.size();
    for (const auto &row : report.confusion)
        if (row.size() != classes)
            throw Error("The cached confusion matrix is not square");
    if (report.precision.size() != classes || report.recall.size() != classes ||
        report.f1.size() != classes)
        throw Error("The cached per-class figures do not match the confusion matrix");
    return report;
}

std::optional<EvalReport> EvaluationCache::read(const std::string &path,
                                                const std::string &checkpointSha256)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        return std::nullopt;
    try {
        const nlohmann::json document = nlohmann::json::parse(readWholeFile(path));
        if (document.at("format").get<int>() != kFormatVersion ||
            document.at("checkpoint_sha256").get<std::string>() != checkpointSha256)
            return std::nullopt;
        return fromJson(document.at("report"));
    } catch (const std::exception &) {
        // A damaged cache is no error: the run is evaluated again and the file rewritten.
        return std::nullopt;
    }
}

void EvaluationCache::write(const std::string &path, const EvalReport &report,
                            const Artifact &checkpoint, const std::string &dataset)
{
    const nlohmann::json document = {{"format", kFormatVersion},
                                     {"checkpoint_sha256", checkpoint.sha256},
                                     {"checkpoint_path", checkpoint.path},
                                     {"checkpoint_epoch", checkpoint.epoch},
                                     {"dataset", dataset},
                                     {"report", toJson(report)}};
    std::error_code error;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
    writeFileAtomically(path,
                        document.dump(1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace mf
