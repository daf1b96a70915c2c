#pragma once
// A data-parallel process group over torch.distributed's c10d engine: the
// rendezvous goes through a c10d::TCPStore (rank 0 hosts it at
// MASTER_ADDR:MASTER_PORT), the collectives through ProcessGroupGloo (CPU
// tensors) or ProcessGroupNCCL (CUDA tensors, only in CUDA builds of
// LibTorch). c10d stays out of this header: callers see tensors only.
//
// Every collective must be called by every rank in the same order. A
// collective that fails (a peer died, the timeout passed) throws
// RuntimeFailure with one line naming this rank, so a run never hangs.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "distributed/world.h"

namespace zsq::distributed {

enum class Backend { Gloo, Nccl };
enum class ReduceOp { Sum, Min, Max };

// "auto" (Gloo on CPU, NCCL on CUDA), "gloo" or "nccl"; InputError for
// anything else, or for a backend this build of LibTorch does not have.
Backend parseBackend(const std::string& name, const torch::Device& device);
std::string backendName(Backend backend);
bool glooAvailable();
bool ncclAvailable();

class Communicator {
public:
    // Connects to the run's store and builds the process group; throws
    // RuntimeFailure when the other ranks do not show up within `timeout`.
    Communicator(const World& world, Backend backend, std::chrono::milliseconds timeout);
    ~Communicator();
    Communicator(const Communicator&) = delete;
    Communicator& operator=(const Communicator&) = delete;

    int rank() const { return world_.rank; }
    int size() const { return world_.size; }
    const World& world() const { return world_; }
    Backend backend() const { return backend_; }

    // In place, over every rank. The tensors must be contiguous, on the
    // backend's device, and have the same shapes on every rank.
    void allReduce(std::vector<torch::Tensor>& tensors, ReduceOp op);
    void allReduce(torch::Tensor& tensor, ReduceOp op);
    void broadcast(std::vector<torch::Tensor>& tensors, int root = 0);
    void barrier();

private:
    struct Impl;
    World world_;
    Backend backend_;
    std::unique_ptr<Impl> impl_;
};

} // namespace zsq::distributed
