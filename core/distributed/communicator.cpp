#include "distributed/communicator.h"

#include <csignal>
#include <cstdlib>
#include <sstream>

#include "common/error.h"

// c10d's Gloo bindings are compiled only when the gloo headers are there
// (Debian: libgloo-dev; LibTorch's own archives ship them). The symbols
// are in libtorch_cpu either way.
#if __has_include(<gloo/config.h>) && __has_include(<torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>)
#define ZSQ_HAVE_C10D_GLOO 1
#ifndef USE_C10D_GLOO
#define USE_C10D_GLOO
#endif
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
// NCCL: the header is installed even in CPU-only LibTorch, the symbols are
// not; CMake defines ZSQ_WITH_C10D_NCCL when LibTorch has CUDA.
#if defined(ZSQ_WITH_C10D_NCCL) && __has_include(<torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>)
#define ZSQ_HAVE_C10D_NCCL 1
#ifndef USE_C10D_NCCL
#define USE_C10D_NCCL
#endif
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

namespace zsq::distributed {

namespace {

std::string firstLine(const std::string& text)
{
    const auto end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

[[maybe_unused]] bool isLoopback(const std::string& addr)
{
    return addr == "localhost" || addr.rfind("127.", 0) == 0 || addr == "::1";
}

} // namespace

bool glooAvailable()
{
#ifdef ZSQ_HAVE_C10D_GLOO
    return true;
#else
    return false;
#endif
}

bool ncclAvailable()
{
#ifdef ZSQ_HAVE_C10D_NCCL
    return true;
#else
    return false;
#endif
}

std::string backendName(Backend backend)
{
    return backend == Backend::Nccl ? "nccl" : "gloo";
}

Backend parseBackend(const std::string& name, const torch::Device& device)
{
    Backend b;
    if (name.empty() || name == "auto")
        b = device.is_cuda() ? Backend::Nccl : Backend::Gloo;
    else if (name == "gloo")
        b = Backend::Gloo;
    else if (name == "nccl")
        b = Backend::Nccl;
    else
        throw InputError("unknown distributed backend '" + name + "' (auto, gloo, nccl)");
    if (b == Backend::Gloo && !glooAvailable())
        throw InputError("distributed backend gloo is not in this build (the gloo headers were missing at build "
                         "time; on Debian install libgloo-dev and rebuild)");
    if (b == Backend::Nccl && !ncclAvailable())
        throw InputError("distributed backend nccl needs a CUDA build of LibTorch; this one is CPU-only "
                         "(use --dist-backend gloo)");
    if (b == Backend::Nccl && !device.is_cuda())
        throw InputError("distributed backend nccl needs --device cuda");
    return b;
}

struct Communicator::Impl {
    c10::intrusive_ptr<c10d::Store> store;
#ifdef ZSQ_HAVE_C10D_GLOO
    c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
#endif
#ifdef ZSQ_HAVE_C10D_NCCL
    c10::intrusive_ptr<c10d::ProcessGroupNCCL> nccl;
#endif

    // Runs `op` on whichever group this run uses; any c10d/Gloo/NCCL
    // failure becomes one line naming the rank.
    template <class Op>
    void run(const World& world, const char* what, Op&& op)
    {
        try {
#ifdef ZSQ_HAVE_C10D_GLOO
            if (gloo) {
                op(*gloo);
                return;
            }
#endif
#ifdef ZSQ_HAVE_C10D_NCCL
            if (nccl) {
                op(*nccl);
                return;
            }
#endif
        } catch (const std::exception& e) {
            throw RuntimeFailure("distributed " + std::string(what) + " failed on rank " + std::to_string(world.rank) +
                                 " of " + std::to_string(world.size) +
                                 " (another rank ended or the timeout passed): " + firstLine(e.what()));
        }
        throw RuntimeFailure("no distributed process group");
    }
};

Communicator::Communicator(const World& world, Backend backend, std::chrono::milliseconds timeout)
    : world_(world), backend_(backend), impl_(std::make_unique<Impl>())
{
    const std::string where = world.masterAddr + ":" + std::to_string(world.masterPort);
    // A peer that dies closes its sockets; writing to one must become an
    // error naming this rank (below), not a silent death by SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    // torchrun's agent already hosts a TCPStore at MASTER_ADDR:MASTER_PORT
    // and says so; the ranks are then all clients of it (as PyTorch's own
    // workers are), under a prefix of their own.
    const char* agent = std::getenv("TORCHELASTIC_USE_AGENT_STORE");
    const bool agentStore = agent && std::string(agent) == "True";
    try {
        c10d::TCPStoreOptions so;
        so.port = static_cast<std::uint16_t>(world.masterPort);
        so.isServer = world.rank == 0 && !agentStore;
        so.numWorkers = static_cast<std::size_t>(world.size);
        so.timeout = timeout;
        so.waitWorkers = true; // clients register, the server waits for all of them
        c10::intrusive_ptr<c10d::Store> tcp = c10::make_intrusive<c10d::TCPStore>(world.masterAddr, so);
        impl_->store = c10::make_intrusive<c10d::PrefixStore>("zsq", tcp);
    } catch (const std::exception& e) {
        throw RuntimeFailure("rank " + std::to_string(world.rank) + " of " + std::to_string(world.size) +
                             ": rendezvous at " + where + " failed within " + std::to_string(timeout.count() / 1000) +
                             " s: " + firstLine(e.what()));
    }
    try {
        if (backend == Backend::Gloo) {
#ifdef ZSQ_HAVE_C10D_GLOO
            auto options = c10d::ProcessGroupGloo::Options::create(timeout);
            // Loopback runs stay on loopback; across hosts, GLOO_SOCKET_IFNAME
            // picks the interface as it does for PyTorch, else the address
            // this host's name resolves to.
            if (const char* ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname && *ifname)
                options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
            else if (isLoopback(world.masterAddr))
                options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
            else
                options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
            options->threads = 2;
            impl_->gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(impl_->store, world.rank, world.size, options);
#endif
        } else {
#ifdef ZSQ_HAVE_C10D_NCCL
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = timeout;
            impl_->nccl = c10::make_intrusive<c10d::ProcessGroupNCCL>(impl_->store, world.rank, world.size, options);
#endif
        }
    } catch (const std::exception& e) {
        throw RuntimeFailure("rank " + std::to_string(world.rank) + " of " + std::to_string(world.size) + ": the " +
                             backendName(backend) + " process group could not connect: " + firstLine(e.what()));
    }
}

Communicator::~Communicator() = default;

namespace {

// c10d reads a vector of tensors as one tensor per local device; several
// tensors of one rank travel as one flat buffer instead (one message).
torch::Tensor flatten(const std::vector<torch::Tensor>& tensors)
{
    if (tensors.size() == 1)
        return tensors.front().is_contiguous() ? tensors.front() : tensors.front().contiguous();
    std::vector<torch::Tensor> flat;
    flat.reserve(tensors.size());
    for (const auto& t : tensors) {
        TORCH_CHECK(t.scalar_type() == tensors.front().scalar_type(), "a collective's tensors must share one dtype");
        flat.push_back(t.reshape({-1}));
    }
    return torch::cat(flat);
}

void unflatten(const torch::Tensor& flat, std::vector<torch::Tensor>& tensors)
{
    if (tensors.size() == 1 && flat.is_same(tensors.front()))
        return;
    std::int64_t offset = 0;
    torch::NoGradGuard noGrad;
    for (auto& t : tensors) {
        t.copy_(flat.narrow(0, offset, t.numel()).view_as(t));
        offset += t.numel();
    }
}

} // namespace

void Communicator::allReduce(std::vector<torch::Tensor>& tensors, ReduceOp op)
{
    if (tensors.empty())
        return;
    c10d::AllreduceOptions o;
    o.reduceOp = op == ReduceOp::Sum ? c10d::ReduceOp::SUM : op == ReduceOp::Min ? c10d::ReduceOp::MIN
                                                                                  : c10d::ReduceOp::MAX;
    std::vector<torch::Tensor> one{flatten(tensors)};
    impl_->run(world_, "all-reduce", [&](auto& group) { group.allreduce(one, o)->wait(); });
    unflatten(one.front(), tensors);
}

void Communicator::allReduce(torch::Tensor& tensor, ReduceOp op)
{
    std::vector<torch::Tensor> one{tensor};
    allReduce(one, op);
}

void Communicator::broadcast(std::vector<torch::Tensor>& tensors, int root)
{
    if (tensors.empty())
        return;
    c10d::BroadcastOptions o;
    o.rootRank = root;
    std::vector<torch::Tensor> one{flatten(tensors)};
    impl_->run(world_, "broadcast", [&](auto& group) { group.broadcast(one, o)->wait(); });
    unflatten(one.front(), tensors);
}

void Communicator::barrier()
{
    impl_->run(world_, "barrier", [&](auto& group) { group.barrier()->wait(); });
}

} // namespace zsq::distributed
