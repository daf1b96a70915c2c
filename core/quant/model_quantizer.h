#pragma once
// Turns a zoo model into its fake-quantized twin and back: bit widths per
// layer (mixed precision through overrides), activation quantizer modes, the
// model's size in bits, and the quantizer state as JSON for checkpoints.
#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "models/model.h"

namespace zsq::quant {

struct QuantConfig {
    int wbits = 4;
    int abits = 4;
    bool perChannel = true;
    // Overrides by name: quantizable layer -> weight bits; activation
    // quantizer -> activation bits. 0 (or 32) keeps that one in float.
    std::map<std::string, int> layerWbits;
    std::map<std::string, int> actAbits;
    // GENIE's / BRECQ's protocol: the first and last quantized layer's
    // weights and the last activation quantizer (the classifier's input in
    // the zoo's models) at this width, unless layerWbits / actAbits name them
    // (0 = off, every layer at wbits/abits).
    int firstLastBits = 0;
};

// Sets every layer's weight setting and every activation quantizer's bits.
// Activation quantizers start in Calibrate mode with empty ranges. Unknown
// names in the overrides are InputErrors.
void applyQuantConfig(models::ZooModelImpl& model, const QuantConfig& config);
// Back to full precision (weights untouched).
void removeQuantization(models::ZooModelImpl& model);
void setActivationMode(models::ZooModelImpl& model, models::ActQuantImpl::Mode mode);

struct ModelSize {
    std::int64_t parameters = 0;
    std::int64_t floatBits = 0;      // all parameters at 32 bits
    std::int64_t quantizedBits = 0;  // quantized weights + fp32 scale/zp per range + float remainder
    double averageWeightBits = 0;    // over the quantizable layers' weights
};
ModelSize modelSize(models::ZooModelImpl& model);

// Per-layer bits, per-channel scales and zero points, activation ranges (raw
// EMA state included so that checkpoints resume bit for bit).
nlohmann::json quantStateToJson(models::ZooModelImpl& model, bool includeScales = false);
void quantStateFromJson(models::ZooModelImpl& model, const nlohmann::json& state);

} // namespace zsq::quant
