#include "common/bounded_json.h"

#include "common/error.h"

namespace zsq {

nlohmann::json parseBoundedJson(const char* begin, const char* end)
{
    // The callback sees every value with its depth before it is added; a
    // throw from it unwinds the parser (nothing deeper is ever built).
    return nlohmann::json::parse(begin, end, [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        if (depth > kMaxJsonDepth)
            throw InputError("the JSON is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        return true;
    });
}

nlohmann::json parseBoundedJson(const std::string& text)
{
    return parseBoundedJson(text.data(), text.data() + text.size());
}

} // namespace zsq
