#include "distributed/world.h"

#include <cstdlib>
#include <string>

#include "common/error.h"

namespace zsq::distributed {

namespace {

std::optional<std::string> env(const char* name)
{
    const char* v = std::getenv(name);
    if (!v || !*v)
        return std::nullopt;
    return std::string(v);
}

int intFromEnv(const char* name, int fallback, int lo, int hi)
{
    const auto v = env(name);
    if (!v)
        return fallback;
    std::size_t used = 0;
    long long n = 0;
    try {
        n = std::stoll(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v->size() || n < lo || n > hi)
        throw InputError(std::string("environment variable ") + name + "='" + *v + "' is not an integer in [" +
                         std::to_string(lo) + ", " + std::to_string(hi) + "]");
    return static_cast<int>(n);
}

} // namespace

std::optional<World> worldFromEnvironment()
{
    if (!env("WORLD_SIZE"))
        return std::nullopt;
    World w;
    w.size = intFromEnv("WORLD_SIZE", 1, 1, 1 << 20);
    w.rank = intFromEnv("RANK", 0, 0, w.size - 1);
    if (w.size > 1 && !env("RANK"))
        throw InputError("environment variable WORLD_SIZE=" + std::to_string(w.size) + " is set but RANK is not");
    w.localRank = intFromEnv("LOCAL_RANK", w.rank, 0, w.size - 1);
    w.localSize = intFromEnv("LOCAL_WORLD_SIZE", w.size, 1, w.size);
    if (w.localRank >= w.localSize)
        throw InputError("environment variable LOCAL_RANK=" + std::to_string(w.localRank) +
                         " is not below LOCAL_WORLD_SIZE=" + std::to_string(w.localSize));
    w.masterAddr = env("MASTER_ADDR").value_or("127.0.0.1");
    w.masterPort = intFromEnv("MASTER_PORT", 29500, 1, 65535);
    if (w.size > 1 && (!env("MASTER_ADDR") || !env("MASTER_PORT")))
        throw InputError("environment variables MASTER_ADDR and MASTER_PORT must be set for a run with WORLD_SIZE=" +
                         std::to_string(w.size));
    return w;
}

} // namespace zsq::distributed
