#include "common/log.h"

#include <cstdio>

#ifdef ZSQ_HAVE_SPDLOG
#include <spdlog/spdlog.h>
#endif

namespace zsq {

namespace {
LogLevel g_threshold = LogLevel::Info;
}

void setLogVerbosity(bool verbose, bool quiet)
{
    g_threshold = verbose ? LogLevel::Debug : quiet ? LogLevel::Warning : LogLevel::Info;
#ifdef ZSQ_HAVE_SPDLOG
    spdlog::set_level(verbose ? spdlog::level::debug : quiet ? spdlog::level::warn : spdlog::level::info);
    spdlog::set_pattern("[%H:%M:%S] %^%l%$: %v");
#endif
}

void log(LogLevel level, const std::string& message)
{
    if (level < g_threshold)
        return;
#ifdef ZSQ_HAVE_SPDLOG
    switch (level) {
    case LogLevel::Debug: spdlog::debug(message); break;
    case LogLevel::Info: spdlog::info(message); break;
    case LogLevel::Warning: spdlog::warn(message); break;
    case LogLevel::Error: spdlog::error(message); break;
    }
#else
    static const char* names[] = {"debug", "info", "warning", "error"};
    std::fprintf(stderr, "%s: %s\n", names[static_cast<int>(level)], message.c_str());
#endif
}

} // namespace zsq
