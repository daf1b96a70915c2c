#pragma once
// Reads torch.save files (zip format, pickle protocol 2..5) without Python,
// tolerating what LibTorch's own torch::pickle_load rejects:
//   - collections.OrderedDict (every torch.save(model.state_dict()); LibTorch
//     unpickles it as None), with its _metadata state (BUILD);
//   - SETITEM (Python's pickler writes a one-item dict with it);
//   - objects of unknown classes (argparse.Namespace, numpy scalars, ...),
//     which come back as None instead of failing the whole file.
// Tensors (torch._utils._rebuild_tensor_v2 / _rebuild_parameter) are rebuilt
// on the CPU with their storages shared as in the file.
#include <vector>

#include <ATen/core/ivalue.h>

namespace zsq::io {

// Throws std::runtime_error (or c10::Error) for anything it cannot read.
c10::IValue readTorchSave(const std::vector<char>& bytes);

} // namespace zsq::io
