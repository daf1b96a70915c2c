#include "common/error.h"

namespace zsq {

std::string firstLine(const std::string& message)
{
    std::string::size_type start = message.find_first_not_of(" \t\r\n");
    if (start == std::string::npos)
        return {};
    std::string::size_type end = message.find_first_of("\r\n", start);
    std::string line = message.substr(start, end == std::string::npos ? std::string::npos : end - start);
    // c10 appends " (most recent call first):" before its backtrace.
    const std::string tail = " (most recent call first):";
    if (line.size() > tail.size() && line.compare(line.size() - tail.size(), tail.size(), tail) == 0)
        line.resize(line.size() - tail.size());
    return line;
}

} // namespace zsq
