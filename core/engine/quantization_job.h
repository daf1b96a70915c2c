#pragma once
// One quantization run as described by a resolved run config: load the
// model, run the method, evaluate float and quantized models, write the
// outputs (quantized.zsq, quant_params.json, config.json, result.json, and
// for generative methods run.ckpt). The CLI and the GUI both call this.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/cancel.h"
#include "common/events.h"

namespace zsq::engine {

struct JobOutcome {
    nlohmann::json result;     // what result.json holds
    std::string outputDir;
    bool evaluated = false;    // false with dataset "none"
    double fpTop1 = 0;
    double quantTop1 = 0;
    bool cancelled = false;
    // In a data-parallel run (torchrun-style environment, see
    // distributed/world.h) every rank calls this; only rank 0 logs, writes
    // the outputs and fills `result`. Others return with worker = true.
    bool worker = false;
    int rank = 0;
    int worldSize = 1;
};

// `config` is a resolved run config (config::resolveRunConfig); `givenKeys`
// are the keys the user set, which the profile does not override.
JobOutcome runQuantizationJob(nlohmann::json config, const std::vector<std::string>& givenKeys,
                              EventSink& sink = nullSink(), const CancelToken* cancel = nullptr);

} // namespace zsq::engine
