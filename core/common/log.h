#pragma once
// Process-wide logging: spdlog when the build has it (Debian's
// libspdlog-dev), plain stderr otherwise (e.g. GPU machines built without
// it). Front ends forward core's EventSink messages here; the GUI installs
// its own spdlog sink to feed its log panel.
#include <string>

#include "common/events.h"

namespace zsq {

void log(LogLevel level, const std::string& message);
// Hides Debug (and Info when quiet) messages.
void setLogVerbosity(bool verbose, bool quiet);

} // namespace zsq
