#pragma once
// Writes files so that a reader (or a crash) never sees half of one: the data
// goes to a temporary file beside the target, is flushed, and is renamed over
// the target. A full disk leaves the old file intact and raises RuntimeFailure.
#include <string>
#include <vector>

namespace zsq::io {

void writeFileAtomically(const std::string& path, const std::string& bytes);
void writeFileAtomically(const std::string& path, const std::vector<char>& bytes);
// Whole file into memory; InputError when it cannot be opened.
std::vector<char> readWholeFile(const std::string& path);

} // namespace zsq::io
