#pragma once
// Writes files so that a reader (or a crash) never sees half of one: the data
// goes to a temporary file beside the target, is flushed, and is renamed over
// the target. A full disk leaves the old file intact and raises RuntimeFailure.
// The temporary file is created with O_EXCL (PATH.tmp-PID, or PATH.tmp-PID-N
// when that name is taken): an existing file or a planted symbolic link is
// never written through.
#include <cstdint>
#include <string>
#include <vector>

namespace zsq::io {

void writeFileAtomically(const std::string& path, const std::string& bytes);
void writeFileAtomically(const std::string& path, const std::vector<char>& bytes);
// The most readWholeFile reads unless told otherwise: 4 GiB (the largest
// model file the project expects is ~0.6 GB; a sparse or runaway file is
// refused before anything is allocated).
constexpr std::uint64_t kMaxInputFileBytes = 4ull << 30;

// Whole file into memory. InputError when it is missing, a folder, not a
// regular file (FIFOs, devices and sockets are refused without blocking) or
// larger than maxBytes.
std::vector<char> readWholeFile(const std::string& path, std::uint64_t maxBytes = kMaxInputFileBytes);

// Opens a regular file for reading (same refusals as readWholeFile, without
// blocking on a FIFO); returns the descriptor and its size in *size.
int openRegularFile(const std::string& path, std::uint64_t* size);

} // namespace zsq::io
