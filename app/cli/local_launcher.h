#pragma once
// `zsq quantize --nproc N`: starts N copies of this zsq process as the ranks
// of a data-parallel run on this host, with the torchrun variables (RANK,
// WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR=127.0.0.1 and a free
// MASTER_PORT) set for each. Ctrl-C / SIGTERM are forwarded to every rank
// (they cancel together and rank 0 keeps the checkpoint); when one rank
// fails, one line names it and the others are ended (SIGTERM, then SIGKILL
// after `graceSeconds`). Returns the exit code of the run: the first failing
// rank's (2 for bad input, 1 otherwise), else rank 0's.
#include <string>
#include <vector>

namespace zsq::cli {

int launchLocalRanks(int nproc, const std::vector<std::string>& zsqArgs, double graceSeconds);

} // namespace zsq::cli
