#pragma once
// Errors that cross core's boundary. The CLI maps them to exit codes
// (InputError -> 2, everything else -> 1) and the GUI to dialogs, so every
// message is written to stand alone on one line.
#include <stdexcept>
#include <string>

namespace zsq {

// The user's input is wrong: a file that is not a model, a missing dataset,
// an unknown config key, a value out of range.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The input was fine but the work failed (NaN loss, disk full, ...).
class RuntimeFailure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The user cancelled a long operation; not an error to report as such.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled by the user") {}
};

// Collapses a multi-line message (LibTorch's c10::Error carries a backtrace)
// to its first meaningful line.
std::string firstLine(const std::string& message);

} // namespace zsq
