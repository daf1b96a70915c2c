#pragma once
// JSON from files a user hands over (run configs, preprocessing sidecars, a
// checkpoint's metadata), parsed with a bound on nesting. nlohmann's parser
// keeps its own stack, but copying, dump() and our walks over a document
// recurse once per level: a 16 MiB run config of "[[[[..." or {"a":{"a":...
// (200 000 levels) overflowed the stack (found by fuzz_run_config).
#include <string>

#include <nlohmann/json.hpp>

namespace zsq {

// Far deeper than any document of the project (a run config has 3 levels, a
// checkpoint's metadata fewer than 10), far shallower than a stack overflow.
constexpr int kMaxJsonDepth = 100;

// nlohmann::json::parse, but a document nested deeper than kMaxJsonDepth,
// or holding a number no double can hold (8e9090), throws InputError
// ("nested deeper than 100 levels", "a number out of range", without a file
// name: callers add it). Syntax errors still throw nlohmann::json::parse_error.
nlohmann::json parseBoundedJson(const char* begin, const char* end);
nlohmann::json parseBoundedJson(const std::string& text);

} // namespace zsq
