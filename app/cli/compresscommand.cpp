#include "app/cli/compresscommand.h"

#include "app/cli/progressreporter.h"
#include "app/cli/readonlynote.h"
#include "app/cli/stopsignals.h"
#include "app/cli/texttable.h"
#include "core/compress/compressionjob.h"
#include "core/compress/compressionreport.h"
#include "core/compress/reportbuilder.h"
#include "core/store/workspace.h"
#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "core/util/torchthreads.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace mf::cli {

namespace {

void printReport(std::ostream &out, const CompressionReport &report)
{
    TextTable table({"model", "params", "non-zero", "file KiB", "b1 ms (p95)", "b64 ms (p95)",
                     "samples/s", "accuracy", "delta", "size", "speed-up b64"});
    const auto row = [&](const VariantMeasurement &m, const std::string &technique) {
        const VariantDelta delta = m.deltaAgainst(report.source);
        table.addRow(
            {technique, std::to_string(m.parameters), std::to_string(m.nonZeroParameters),
             formatNumber(double(m.fileBytes) / 1024.0, 0),
             formatNumber(m.batch1.medianMs, 2) + " (" + formatNumber(m.batch1.p95Ms, 2) + ")",
             formatNumber(m.batch64.medianMs, 2) + " (" + formatNumber(m.batch64.p95Ms, 2) + ")",
             formatNumber(m.throughput, 0), formatNumber(m.accuracy * 100.0, 2) + "%",
             formatNumber(delta.accuracyPoints, 2), formatNumber(delta.sizeRatio, 3),
             formatNumber(delta.speedupBatch64, 2) + "x"});
    };
    row(report.source, CompressionReport::kSourceTechnique);
    for (const ReportedVariant &variant : report.variants)
        row(variant.measurement, variant.technique);
    out << "measured on " << report.source.processor << ", " << report.source.threads
        << " thread(s); latency is the median (p95) of forward passes after warm-up\n";
    table.print(out);
    for (const ReportedVariant &variant : report.variants) {
        for (const std::string &note : variant.notes)
            out << "  " << variant.technique << ": " << note << "\n";
        for (const LayerDecision &layer : variant.layers)
            out << "  " << variant.technique << ": " << layer.layer << " " << layer.precision
                << " (" << layer.reason << ")\n";
    }
}

} // namespace

CompressCommand::CompressCommand(CLI::App &root, const CliContext &context) : m_context(context)
{
    m_compress = root.add_subcommand(
        "compress",
        "Quantise, prune or distil a finished run; each variant becomes a run under it");
    m_compress->add_option("run", m_run, "Run id of the source")->required();
    m_compress->add_option("--quantize", m_quantize, "int8: dynamic (linear layers) or static")
        ->check(CLI::IsMember({"dynamic", "static"}));
    m_compress
        ->add_option("--calibration-batches", m_calibrationBatches,
                     "Training batches of 64 that calibrate static int8")
        ->check(CLI::Range(1, 1000));
    m_compress->add_option("--observer", m_observer, "Calibration: minmax or histogram")
        ->check(CLI::IsMember({"minmax", "histogram"}));
    m_compress->add_option("--accuracy-budget", m_accuracyBudget,
                           "Points of accuracy one int8 layer alone may cost");
    m_compress->add_option("--prune-sparsity", m_sparsity,
                           "Unstructured magnitude pruning to this fraction, then fine-tuning");
    m_compress->add_option("--prune-channels", m_channels,
                           "Remove this fraction of every layer's channels, then fine-tune");
    m_compress->add_option("--channel-norm", m_channelNorm, "Channel importance: l1 or l2")
        ->check(CLI::IsMember({"l1", "l2"}));
    m_compress
        ->add_option("--prune-scope", m_pruneScope,
                     "Rank weights for --prune-sparsity over all layers (global) or within "
                     "each (layer)")
        ->check(CLI::IsMember({"global", "layer"}));
    m_compress->add_option("--distill", m_student,
                           "Train a student: a model spec (JSON file), or \"suggested\" for the "
                           "teacher's spec narrowed to at most 1/8 of its parameters");
    m_compress->add_option("--temperature", m_temperature, "Distillation temperature (default 2)");
    m_compress->add_option("--alpha", m_alpha,
                           "Weight of the teacher's soft targets (default 0.5)");
    m_compress->add_flag("--distill-control", m_distillControl,
                         "Also train the student on the labels alone, same epochs: the control "
                         "that shows what distillation added");
    m_compress->add_option("--epochs", m_epochs, "Epochs of fine-tuning and of the student");
    m_compress->add_option("--threads", m_threads, "Intra-op threads (0: all cores)");
    m_compress->add_option("--report-json", m_reportJson, "Write the report as JSON here");
    m_compress->add_option("--report-csv", m_reportCsv, "Write the report as CSV here");
}

bool CompressCommand::selected() const
{
    return m_compress->parsed();
}

int CompressCommand::execute()
{
    CompressionRequest request;
    request.sourceRun = m_run;
    if (!m_quantize.empty())
        request.quantize = m_quantize == "static" ? QuantMode::Static : QuantMode::Dynamic;
    request.calibrationBatches = m_calibrationBatches;
    request.observer = m_observer == "histogram" ? ObserverKind::Histogram : ObserverKind::MinMax;
    request.accuracyBudget = m_accuracyBudget;
    if (m_compress->count("--prune-sparsity") > 0)
        request.pruneSparsity = m_sparsity;
    if (m_compress->count("--prune-channels") > 0)
        request.pruneChannels = m_channels;
    request.channelNorm = m_channelNorm == "l2" ? ChannelNorm::L2 : ChannelNorm::L1;
    request.pruneScope = m_pruneScope == "layer" ? PruningScope::PerLayer : PruningScope::Global;
    if (m_student == "suggested") {
        request.distillStudent = nlohmann::json::object();
    } else if (!m_student.empty()) {
        const nlohmann::json student =
            nlohmann::json::parse(readWholeFile(m_student), nullptr, false);
        if (student.is_discarded() || !student.is_object())
            throw ConfigError(m_student + ": not a JSON model spec (an object with \"type\")");
        request.distillStudent = student;
    }
    request.temperature = m_temperature;
    request.alpha = m_alpha;
    request.distillControl = m_distillControl;
    request.epochs = m_epochs;

    SessionOptions options;
    options.workspaceDir = m_context.workspace;
    noteIfReadOnly(Workspace{m_context.workspace}.databasePath());
    setTorchThreads(m_threads);
    CompressionJob job(request, options);
    const ScopedStopHandler stop(*m_context.stopSignals, [&job] { job.requestStop(); });
    ProgressReporter progress(m_epochs, m_context.json);
    job.addObserver(&progress);
    const CompressionResult result = job.run();
    progress.finish();

    const CompressionReport report = buildReport(result, m_run);
    bool stopped = false;
    for (const CompressionVariant &variant : result.variants)
        stopped = stopped || variant.file.empty();
    if (!m_reportJson.empty())
        report.writeJson(m_reportJson);
    if (!m_reportCsv.empty())
        report.writeCsv(m_reportCsv);
    if (m_context.json)
        std::cout << report.toJson().dump(2) << std::endl;
    else
        printReport(std::cout, report);
    if (stopped)
        std::cerr << "stopped: the variant in training was kept as a STOPPED run; no further "
                     "variants were made\n";
    return stopped ? ExitRunFailed : ExitOk;
}

} // namespace mf::cli
