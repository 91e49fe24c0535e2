#pragma once
// Torch-free on purpose: the CLI's train command joins a job without compiling torch.

#include "core/dist/distenvironment.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace mf {

class DataParallel;
class PipelineParallel;

/// Joins the job `environment` describes (Collectives::connect(): TCPStore rendezvous, Gloo
/// group) as a data-parallel rank: what SessionOptions::dataParallel takes. mf::Error when the
/// rendezvous fails within `timeout`, or as soon as `abandoned` says so while rank 0 waits.
std::shared_ptr<DataParallel> joinDataParallel(const DistEnvironment &environment,
                                               std::chrono::milliseconds timeout,
                                               const std::function<bool()> &abandoned = {});

/// The same, as a stage of a pipeline of `microBatches` micro-batches, cut at `boundaries`
/// (empty: balanced by measured layer time), run on `schedule` ("gpipe" or "1f1b", see
/// PipelineSchedule): what SessionOptions::pipeline takes. mf::ConfigError for another schedule.
std::shared_ptr<PipelineParallel> joinPipelineParallel(const DistEnvironment &environment,
                                                       std::chrono::milliseconds timeout,
                                                       int microBatches,
                                                       std::vector<std::size_t> boundaries,
                                                       const std::string &schedule = "gpipe",
                                                       const std::function<bool()> &abandoned = {});

} // namespace mf
