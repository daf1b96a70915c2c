#pragma once
// The traced student as a TorchScript archive (torch.jit.save's format).
#include <string>

#include "export/traced_student.h"

namespace zsq::exporting {

// The archive's bytes; `preprocessingJson` goes in as the extra file
// "preprocessing.json" (what io/model_file.h reads back).
std::string torchScriptArchive(const TracedStudent& student, const std::string& preprocessingJson);

} // namespace zsq::exporting
