#pragma once

namespace mf {

/// A TCP port on the loopback interface that was free a moment ago (the kernel's pick for a
/// socket bound to port 0): the rendezvous port of a job on this machine.
int freeLoopbackPort();

} // namespace mf
