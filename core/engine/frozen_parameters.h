#pragma once
// Turns every parameter's gradient off for a scope (a refinement learns only
// its rounding variables and ranges; a distillation only its images or
// generator) and gives each its flag back however the scope ends.
#include <utility>
#include <vector>

#include <torch/torch.h>

namespace zsq::engine {

class FrozenParameters {
public:
    explicit FrozenParameters(torch::nn::Module& model)
    {
        for (auto& p : model.parameters()) {
            saved_.emplace_back(p, p.requires_grad());
            p.set_requires_grad(false);
        }
    }
    ~FrozenParameters()
    {
        for (auto& [p, flag] : saved_)
            p.set_requires_grad(flag);
    }
    FrozenParameters(const FrozenParameters&) = delete;
    FrozenParameters& operator=(const FrozenParameters&) = delete;

private:
    std::vector<std::pair<torch::Tensor, bool>> saved_;
};

} // namespace zsq::engine
