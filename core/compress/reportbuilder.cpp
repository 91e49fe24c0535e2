#include "core/compress/reportbuilder.h"

namespace mf {

namespace {

std::vector<LayerDecision> reportedLayers(const std::vector<QuantLayerDecision> &decisions)
{
    std::vector<LayerDecision> layers;
    for (const QuantLayerDecision &d : decisions)
        layers.push_back({d.layer, d.int8 ? "int8" : "fp32", d.int8Millis, d.floatMillis,
                          d.accuracyAlone, d.reason});
    return layers;
}

} // namespace

CompressionReport buildReport(const CompressionResult &result, std::int64_t sourceRun,
                              const MeasurementOptions &options)
{
    CompressionReport report;
    // Every model's accuracy first, then their latencies in turns, so that the speed-ups compare
    // timings taken in the same moments.
    MeasurementOptions measured = options;
    measured.latency = false;
    report.source = measureVariant("run " + std::to_string(sourceRun), result.sourceForward,
                                   result.sampleShape, result.evaluated, result.normalization,
                                   *result.sourceFile, result.sourceTensors, measured);
    std::vector<ForwardFunction> forwards{result.sourceForward};
    for (const CompressionVariant &variant : result.variants) {
        if (variant.file.empty())
            continue;
        ReportedVariant reported;
        reported.technique = variant.technique;
        reported.notes = variant.notes;
        reported.layers = reportedLayers(variant.layers);
        reported.measurement = measureVariant(
            "run " + std::to_string(variant.runId), variant.forward, result.sampleShape,
            result.evaluated, result.normalization, variant.file, variant.tensors, measured);
        report.variants.push_back(std::move(reported));
        forwards.push_back(variant.forward);
    }
    std::vector<VariantMeasurement *> measurements{&report.source};
    for (ReportedVariant &reported : report.variants)
        measurements.push_back(&reported.measurement);
    measureLatenciesInTurn(measurements, forwards, result.sampleShape, result.evaluated, options);
    return report;
}

} // namespace mf
