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
    report.source = measureVariant("run " + std::to_string(sourceRun), result.sourceForward,
                                   result.sampleShape, result.evaluated, result.normalization,
                                   *result.sourceFile, result.sourceTensors, options);
    for (const CompressionVariant &variant : result.variants) {
        if (variant.file.empty())
            continue;
        ReportedVariant reported;
        reported.technique = variant.technique;
        reported.notes = variant.notes;
        reported.layers = reportedLayers(variant.layers);
        reported.measurement = measureVariant(
            "run " + std::to_string(variant.runId), variant.forward, result.sampleShape,
            result.evaluated, result.normalization, variant.file, variant.tensors, options);
        report.variants.push_back(std::move(reported));
    }
    return report;
}

} // namespace mf
