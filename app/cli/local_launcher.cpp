#include "local_launcher.h"

#include <arpa/inet.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "common/error.h"

namespace zsq::cli {

namespace {

volatile std::sig_atomic_t g_signals = 0;
extern "C" void onLauncherSignal(int)
{
    g_signals = g_signals + 1;
}

// A port the kernel just handed out on loopback; the rank-0 store binds it a
// moment later (the same race torchrun's --standalone accepts).
int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        throw RuntimeFailure(std::string("cannot open a socket to find a free port: ") + std::strerror(errno));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof(addr);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        throw RuntimeFailure("cannot find a free port on 127.0.0.1: " + why);
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

std::string describeExit(int status)
{
    if (WIFSIGNALED(status))
        return std::string("was killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    return "exited with code " + std::to_string(WEXITSTATUS(status));
}

bool failed(int status)
{
    return WIFSIGNALED(status) || WEXITSTATUS(status) != 0;
}

} // namespace

int launchLocalRanks(int nproc, const std::vector<std::string>& zsqArgs, double graceSeconds)
{
    const int port = freeLoopbackPort();
    std::vector<std::string> argvStrings{"zsq"};
    argvStrings.insert(argvStrings.end(), zsqArgs.begin(), zsqArgs.end());
    std::vector<char*> argv;
    for (auto& a : argvStrings)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    struct sigaction sa{};
    sa.sa_handler = onLauncherSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);

    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t launcher = ::getpid();
    std::vector<pid_t> pids(static_cast<std::size_t>(nproc), -1);
    for (int rank = 0; rank < nproc; ++rank) {
        const pid_t pid = ::fork();
        if (pid < 0)
            throw RuntimeFailure(std::string("cannot start rank ") + std::to_string(rank) + ": " + std::strerror(errno));
        if (pid == 0) {
            // Its own process group: a terminal's Ctrl-C reaches the
            // launcher only, which forwards it once to every rank. Ranks
            // die with the launcher.
            ::setpgid(0, 0);
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != launcher)
                ::_exit(1);
            std::signal(SIGINT, SIG_DFL);
            std::signal(SIGTERM, SIG_DFL);
            ::setenv("RANK", std::to_string(rank).c_str(), 1);
            ::setenv("LOCAL_RANK", std::to_string(rank).c_str(), 1);
            ::setenv("WORLD_SIZE", std::to_string(nproc).c_str(), 1);
            ::setenv("LOCAL_WORLD_SIZE", std::to_string(nproc).c_str(), 1);
            ::setenv("MASTER_ADDR", "127.0.0.1", 1);
            ::setenv("MASTER_PORT", std::to_string(port).c_str(), 1);
            // c10d logs connection errors through glog on top of the one-line
            // error each rank prints; quiet unless the user asked otherwise.
            ::setenv("GLOG_minloglevel", "3", 0);
            ::setenv("ZSQ_LOCAL_LAUNCHER", "1", 1);
            ::execv("/proc/self/exe", argv.data());
            std::fprintf(stderr, "zsq quantize: rank %d could not start: %s\n", rank, std::strerror(errno));
            ::_exit(127);
        }
        pids[static_cast<std::size_t>(rank)] = pid;
    }
    std::string started;
    for (int rank = 0; rank < nproc; ++rank)
        started += (rank ? ", rank " : "rank ") + std::to_string(rank) + " pid " + std::to_string(pids[rank]);
    std::fprintf(stderr, "zsq quantize: started %d processes on 127.0.0.1:%d (%s)\n", nproc, port, started.c_str());

    int alive = nproc;
    int exitCode = 0;
    bool failureSeen = false;
    int forwarded = 0;
    auto sendAll = [&](int sig) {
        for (pid_t p : pids)
            if (p > 0)
                ::kill(p, sig);
    };
    std::chrono::steady_clock::time_point killAt = std::chrono::steady_clock::time_point::max();
    while (alive > 0) {
        // Forward each Ctrl-C/SIGTERM: the first cancels the run (rank 0
        // checkpoints), a second one ends the ranks at once.
        const int signals = g_signals;
        if (signals > forwarded) {
            sendAll(signals == 1 ? SIGINT : SIGKILL);
            forwarded = signals;
        }
        int status = 0;
        const pid_t done = ::waitpid(-1, &status, WNOHANG);
        if (done > 0) {
            int rank = -1;
            for (int r = 0; r < nproc; ++r)
                if (pids[r] == done) {
                    rank = r;
                    pids[r] = -1;
                }
            if (rank < 0)
                continue;
            --alive;
            if (failed(status) && !failureSeen) {
                failureSeen = true;
                // Ranks that ended in the same moment (a survivor whose
                // collective failed) are not counted as still running.
                for (int r = 0; r < nproc; ++r) {
                    int other = 0;
                    if (pids[r] > 0 && ::waitpid(pids[r], &other, WNOHANG) == pids[r]) {
                        pids[r] = -1;
                        --alive;
                        if (r == 0)
                            exitCode = 1;
                    }
                }
                exitCode = WIFEXITED(status) && WEXITSTATUS(status) == 2 ? 2 : 1;
                if (alive > 0 && forwarded == 0) {
                    std::fprintf(stderr, "zsq quantize: rank %d (pid %d) %s; stopping the other %d rank%s\n", rank,
                                 static_cast<int>(done), describeExit(status).c_str(), alive, alive == 1 ? "" : "s");
                    sendAll(SIGTERM);
                    killAt = std::chrono::steady_clock::now() +
                             std::chrono::milliseconds(static_cast<std::int64_t>(graceSeconds * 1000));
                }
            } else if (rank == 0 && !failureSeen) {
                exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
            }
            continue;
        }
        if (std::chrono::steady_clock::now() >= killAt) {
            sendAll(SIGKILL);
            killAt = std::chrono::steady_clock::time_point::max();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return exitCode;
}

} // namespace zsq::cli
