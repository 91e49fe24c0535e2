#pragma once
// Torch-free on purpose: the CLI's train command joins a job without compiling torch.

#include "core/dist/distenvironment.h"

#include <chrono>
#include <memory>

namespace mf {

class DataParallel;

/// Joins the data-parallel job `environment` describes (Collectives::connect(): TCPStore
/// rendezvous, Gloo group) and returns what SessionOptions::dataParallel takes. mf::Error when
/// the rendezvous fails within `timeout`.
std::shared_ptr<DataParallel> joinDataParallel(const DistEnvironment &environment,
                                               std::chrono::milliseconds timeout);

} // namespace mf
