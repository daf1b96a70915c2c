#pragma once
#include <memory>

#include "methods/method.h"

namespace zsq::methods {

// LRQ (Luo et al., Neural Networks 2023): long-range generator (large-kernel
// attention), Adversarial Margin Add in the generator loss, decoupled KD.
std::unique_ptr<Method> makeLrq(const MethodOptions& options);

} // namespace zsq::methods
