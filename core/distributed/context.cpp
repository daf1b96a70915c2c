#include "distributed/context.h"

#include "distributed/communicator.h"

namespace zsq::distributed {

namespace {
// One training loop per process: a process is one rank.
Communicator* g_active = nullptr;
} // namespace

Communicator* active()
{
    return g_active;
}

ActiveScope::ActiveScope(Communicator* communicator) : previous_(g_active)
{
    g_active = communicator && communicator->size() > 1 ? communicator : nullptr;
}

ActiveScope::~ActiveScope()
{
    g_active = previous_;
}

} // namespace zsq::distributed
