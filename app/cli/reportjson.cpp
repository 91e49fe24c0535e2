#include "app/cli/reportjson.h"

#include "core/store/runexport.h"

#include "app/cli/texttable.h"

#include <cmath>

namespace mf::cli {

namespace {

std::string className(const std::vector<std::string> &names, std::size_t index)
{
    return index < names.size() ? names[index] : std::to_string(index);
}

} // namespace

nlohmann::json toJson(const EvalReport &report)
{
    const auto &classNames = report.classNames;
    nlohmann::json classes = nlohmann::json::array();
    for (std::size_t c = 0; c < report.precision.size(); ++c)
        classes.push_back({{"class", className(classNames, c)},
                           {"precision", report.precision[c]},
                           {"recall", report.recall[c]},
                           {"f1", report.f1[c]}});
    nlohmann::json out{{"loss", report.loss},
                       {"accuracy", report.accuracy},
                       {"samples", report.samples},
                       {"classes", classes},
                       {"confusion", report.confusion}};
    if (!report.tokenObjective.empty())
        out["objective"] = report.tokenObjective;
    return out;
}

nlohmann::json toJson(const RunRecord &run)
{
    return runRecordJson(run);
}

nlohmann::json toJson(const EpochMetrics &epoch)
{
    return {{"epoch", epoch.epoch},
            {"step", epoch.step},
            {"train_loss", epoch.trainLoss},
            {"train_accuracy", epoch.trainAccuracy},
            {"val_loss", epoch.valLoss},
            {"val_accuracy", epoch.valAccuracy},
            {"learning_rate", epoch.learningRate},
            {"samples_per_second", epoch.samplesPerSecond},
            {"epoch_seconds", epoch.epochSeconds}};
}

nlohmann::json toJson(const KernelChoice &kernels)
{
    nlohmann::json ops = nlohmann::json::array();
    for (const KernelOpChoice &op : kernels.ops) {
        nlohmann::json timings = nlohmann::json::object();
        for (const KernelTiming &timing : op.decision.timings)
            timings[timing.candidate] = timing.millis;
        ops.push_back({{"op", op.op},
                       {"shape", op.shape},
                       {"chosen", op.decision.chosen},
                       {"cached", op.decision.cached},
                       {"timings_ms", timings},
                       {"failed", op.decision.failed}});
    }
    nlohmann::json json = {{"plan", kernels.plan},
                           {"processor", kernels.processor},
                           {"capability", kernels.capability},
                           {"threads", kernels.threads},
                           {"measure_seconds", kernels.measureSeconds},
                           {"choices", ops}};
    if (!kernels.note.empty())
        json["note"] = kernels.note;
    return json;
}

nlohmann::json toJson(const StepPhaseTimes &phases)
{
    const double perStep = phases.steps > 0 ? 1000.0 / static_cast<double>(phases.steps) : 0.0;
    return {{"steps", phases.steps},
            {"data", phases.data * perStep},
            {"forward", phases.forward * perStep},
            {"backward", phases.backward * perStep},
            {"optimizer", phases.optimizer * perStep},
            {"recording", phases.recording * perStep},
            {"total", phases.total() * perStep}};
}

const char *outcomeName(TrainOutcome outcome)
{
    switch (outcome) {
    case TrainOutcome::Finished:
        return "finished";
    case TrainOutcome::EarlyStopped:
        return "early_stopped";
    case TrainOutcome::Stopped:
        return "stopped";
    case TrainOutcome::Failed:
        return "failed";
    }
    return "unknown";
}

void printEvalReport(std::ostream &out, const EvalReport &report)
{
    const auto &classNames = report.classNames;
    if (report.tokenObjective == "masked_tokens") {
        out << "masked-token loss " << formatNumber(report.loss, 4) << "  accuracy "
            << formatNumber(report.accuracy, 4) << "  (" << report.samples << " documents)\n";
        return;
    }
    if (report.tokenObjective == "next_token") {
        out << "next-token loss " << formatNumber(report.loss, 4) << "  perplexity "
            << formatNumber(std::exp(report.loss), 2) << "  accuracy "
            << formatNumber(report.accuracy, 4) << "  (" << report.samples << " documents)\n";
        return;
    }
    out << "loss " << formatNumber(report.loss, 4) << "  accuracy "
        << formatNumber(report.accuracy, 4) << "  (" << report.samples << " samples)\n\n";
    TextTable perClass({"class", "precision", "recall", "f1"});
    for (std::size_t c = 0; c < report.precision.size(); ++c)
        perClass.addRow({className(classNames, c), formatNumber(report.precision[c], 4),
                         formatNumber(report.recall[c], 4), formatNumber(report.f1[c], 4)});
    perClass.print(out);
    out << "\nconfusion matrix (rows: true class, columns: predicted)\n";
    std::vector<std::string> header{"true \\ pred"};
    for (std::size_t c = 0; c < report.confusion.size(); ++c)
        header.push_back(std::to_string(c));
    TextTable confusion(header);
    for (std::size_t r = 0; r < report.confusion.size(); ++r) {
        std::vector<std::string> row{std::to_string(r) + " " + className(classNames, r)};
        for (auto count : report.confusion[r])
            row.push_back(std::to_string(count));
        confusion.addRow(row);
    }
    confusion.print(out);
}

} // namespace mf::cli
