#include "common/bounded_json.h"

#include "common/error.h"

namespace zsq {

nlohmann::json parseBoundedJson(const char* begin, const char* end)
{
    // The callback sees every value with its depth before it is added; a
    // throw from it unwinds the parser (nothing deeper is ever built).
    try {
        return nlohmann::json::parse(begin, end, [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
            if (depth > kMaxJsonDepth)
                throw InputError("the JSON is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
            return true;
        });
    } catch (const nlohmann::json::out_of_range& e) {
        // A number like 8e9090 (no double holds it) is not a parse_error
        // but out_of_range 406 (found by fuzz_run_config). The token can be
        // megabytes long: the message keeps its start.
        std::string what = e.what();
        const auto bracket = what.find("] ");
        if (bracket != std::string::npos)
            what = what.substr(bracket + 2);
        if (what.size() > 100)
            what = what.substr(0, 100) + "...";
        throw InputError("the JSON holds a number out of range: " + what);
    }
}

nlohmann::json parseBoundedJson(const std::string& text)
{
    return parseBoundedJson(text.data(), text.data() + text.size());
}

} // namespace zsq
