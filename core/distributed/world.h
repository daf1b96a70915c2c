#pragma once
// Who this process is in a data-parallel run: rank, world size and local
// rank, read from the variables torchrun (and `zsq quantize --nproc`, Slurm
// scripts, Kubernetes jobs, mpirun -x ...) export: RANK, WORLD_SIZE,
// LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT. Qt- and torch-free.
#include <optional>
#include <string>

namespace zsq::distributed {

struct World {
    int rank = 0;
    int size = 1;
    int localRank = 0;
    int localSize = 1;          // processes on this host (threads per process = cores / localSize)
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
};

// nullopt when WORLD_SIZE is not set (a plain single-process run).
// InputError naming the variable when one is set but malformed or
// inconsistent (RANK >= WORLD_SIZE, a port outside 1..65535, ...).
std::optional<World> worldFromEnvironment();

} // namespace zsq::distributed
