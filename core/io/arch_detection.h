#pragma once
// Which zoo architecture a file's tensors belong to, from their names and
// shapes alone (no code from the file runs): pytorchcv CIFAR ResNets,
// torchvision ResNets, MobileNets and VGG.
#include "io/state_dict.h"
#include "models/model.h"

namespace zsq::io {

// Guesses the zoo architecture, class count and input channels from the keys.
// InputError (naming what was recognised and what was not) when no zoo
// architecture fits.
models::ModelInfo detectArchitecture(const TensorMap& tensors);

} // namespace zsq::io
