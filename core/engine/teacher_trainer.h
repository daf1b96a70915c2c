#pragma once
// `zsq train-teacher`: trains a full-precision classifier from scratch on a
// real dataset. This is how the shipped Fashion-MNIST demo model was made;
// zero-shot methods never use it.
#include <string>

#include <nlohmann/json.hpp>

#include "common/cancel.h"
#include "common/events.h"
#include "models/model.h"

namespace zsq::engine {

struct TeacherTrainConfig {
    std::string arch = "fmnist";
    std::string dataset = "fashion-mnist";
    int epochs = 12;
    std::int64_t batchSize = 128;
    double lr = 0.1;             // peak of a one-epoch linear warm-up then cosine decay
    double momentum = 0.9;       // SGD, Nesterov
    double weightDecay = 5e-4;
    bool augment = true;         // random 2-pixel shifts (zero padded) + horizontal flips
    std::uint64_t seed = 0;
    std::string device = "auto";

    nlohmann::json toJson() const;
};

struct TeacherTrainResult {
    models::ModelPtr model;
    double testTop1 = 0;
    double seconds = 0;
    nlohmann::json history;     // per epoch: train loss, train acc, test acc, seconds
};

TeacherTrainResult trainTeacher(const TeacherTrainConfig& config, EventSink& sink = nullSink(),
                                const CancelToken* cancel = nullptr);

// Random shifts by up to `pad` pixels and horizontal flips, per sample.
torch::Tensor augmentShiftFlip(const torch::Tensor& images, std::int64_t pad);

} // namespace zsq::engine
