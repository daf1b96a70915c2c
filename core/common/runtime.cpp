#include "common/runtime.h"

#include <thread>

#include "common/error.h"
#include "common/host_allocator.h"

namespace zsq {

torch::Device resolveDevice(const std::string& request)
{
    const bool cudaAvailable = torch::cuda::is_available();
    if (request.empty() || request == "auto")
        return cudaAvailable ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (request == "cpu")
        return torch::Device(torch::kCPU);
    if (request.rfind("cuda", 0) == 0) {
        if (!cudaAvailable)
            throw InputError("device '" + request + "' requested but no CUDA GPU is available to LibTorch");
        int index = 0;
        if (request.size() > 5 && request[4] == ':') {
            try {
                index = std::stoi(request.substr(5));
            } catch (const std::exception&) {
                throw InputError("bad device '" + request + "': expected cuda:N");
            }
        } else if (request != "cuda") {
            throw InputError("bad device '" + request + "': expected auto, cpu, cuda or cuda:N");
        }
        if (index < 0 || index >= static_cast<int>(torch::cuda::device_count()))
            throw InputError("device '" + request + "' does not exist (" +
                             std::to_string(torch::cuda::device_count()) + " CUDA devices)");
        return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
    }
    throw InputError("bad device '" + request + "': expected auto, cpu, cuda or cuda:N");
}

std::string describeAvailableDevices()
{
    std::string text = "cpu (" + std::to_string(std::thread::hardware_concurrency()) + " cores, " +
                       std::to_string(torch::get_num_threads()) + " LibTorch threads)";
    if (torch::cuda::is_available())
        text += ", cuda (" + std::to_string(torch::cuda::device_count()) + " GPUs)";
    else
        text += ", no CUDA GPU";
    return text;
}

void configureThreads(int threads)
{
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    keepFreedMemoryForReuse();
}

void seedEverything(std::uint64_t seed)
{
    torch::manual_seed(seed);
    if (torch::cuda::is_available())
        torch::cuda::manual_seed_all(seed);
}

} // namespace zsq
