#pragma once
// Reading torch.save files that hold data rather than a model: a single
// tensor (`zsq infer` inputs, a synthetic folder's images.pt/labels.pt,
// calibration.pt) or any pickle (run.ckpt). Kept apart from model_file.h so
// that the readers of data files (and their fuzz targets, tests/fuzz/) do not
// depend on the model zoo. model_file.h declares the same functions for its
// existing users.
#include <string>
#include <vector>

#include <ATen/core/ivalue.h>

namespace zsq::io {

// True when the bytes start like a zip archive (every torch.save file since
// PyTorch 1.6 and every torch.jit.save archive).
bool isTorchZip(const std::vector<char>& bytes);

// Reads a torch.save file's bytes with io's own reader (torch_save_reader.h);
// every refusal is an InputError naming `path` and `what` was expected.
c10::IValue readTorchSaveFile(const std::vector<char>& bytes, const std::string& path, const std::string& what);

// Reads a torch.save file written by LibTorch's pickler (tensors, our
// checkpoints); InputError naming `what` when it is not one.
c10::IValue readPickleFile(const std::string& path, const std::string& what);

// A file holding one tensor; floating-point values must be finite.
at::Tensor readTensorFile(const std::string& path);

} // namespace zsq::io
