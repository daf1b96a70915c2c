#pragma once
// Mixed-precision bit allocation (`zsq suggest-bits`): per-layer weight bit
// widths from a candidate set that minimise the summed sensitivity
// (ZeroQ's Pareto-frontier objective; HAWQ's with a Hessian-based one) under
// a budget on the average weight bits, i.e. on the model's weight size:
//   minimise   sum_l S_l(b_l)   subject to   sum_l n_l b_l <= budget * sum_l n_l
// A multiple-choice knapsack, solved exactly by dynamic programming over the
// size in units of `resolution` of the budget (sizes rounded up, so the
// result never exceeds the budget). Torch-free.
#include <cstdint>
#include <map>
#include <vector>

namespace zsq::analysis {

struct LayerCost {
    std::int64_t parameters = 0;
    std::map<int, double> sensitivity;    // candidate bits -> cost
};

struct BitAllocation {
    std::vector<int> bits;                // per layer
    double sensitivity = 0;               // summed
    double averageBits = 0;               // parameter-weighted
};

// Throws InputError when even the smallest candidates exceed the budget.
BitAllocation allocateBits(const std::vector<LayerCost>& layers, double averageBitsBudget, int resolution = 20000);

} // namespace zsq::analysis
