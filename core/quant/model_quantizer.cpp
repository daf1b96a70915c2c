#include "quant/model_quantizer.h"

#include <cmath>

#include "common/error.h"

namespace zsq::quant {

using models::ActQuantImpl;

namespace {
int checkedBits(int bits, const std::string& what)
{
    if (bits == 0 || bits == 32)
        return 0;
    if (bits < kMinBits || bits > kMaxBits)
        throw InputError(what + ": bit width " + std::to_string(bits) + " is outside 2..8 (0 or 32 = float)");
    return bits;
}

const char* modeName(ActQuantImpl::Mode mode)
{
    switch (mode) {
    case ActQuantImpl::Mode::Off: return "off";
    case ActQuantImpl::Mode::Calibrate: return "calibrate";
    case ActQuantImpl::Mode::Frozen: return "frozen";
    }
    return "off";
}

ActQuantImpl::Mode modeFromName(const std::string& name)
{
    if (name == "calibrate")
        return ActQuantImpl::Mode::Calibrate;
    if (name == "frozen")
        return ActQuantImpl::Mode::Frozen;
    if (name == "off")
        return ActQuantImpl::Mode::Off;
    throw InputError("unknown activation quantizer mode '" + name + "'");
}
} // namespace

void applyQuantConfig(models::ZooModelImpl& model, const QuantConfig& config)
{
    checkedBits(config.wbits, "wbits");
    checkedBits(config.abits, "abits");
    std::map<std::string, int> layerLeft = config.layerWbits, actLeft = config.actAbits;
    const auto& layers = model.quantLayers();
    const std::string firstLayer = layers.empty() ? "" : layers.front().name;
    const std::string lastLayer = layers.empty() ? "" : layers.back().name;
    const std::string lastAct = model.actQuants().empty() ? "" : model.actQuants().back().name;
    if (config.firstLastBits != 0)
        checkedBits(config.firstLastBits, "first_last_bits");
    for (auto& layer : model.quantLayers()) {
        int bits = config.wbits;
        if (config.firstLastBits != 0 && (layer.name == firstLayer || layer.name == lastLayer))
            bits = config.firstLastBits;
        if (auto it = layerLeft.find(layer.name); it != layerLeft.end()) {
            bits = it->second;
            layerLeft.erase(it);
        }
        layer.setting().bits = checkedBits(bits, "layer " + layer.name);
        layer.setting().perChannel = config.perChannel;
        layer.setting().lo = torch::Tensor();
        layer.setting().hi = torch::Tensor();
    }
    for (auto& aq : model.actQuants()) {
        int bits = config.abits;
        if (config.firstLastBits != 0 && aq.name == lastAct)
            bits = config.firstLastBits;
        if (auto it = actLeft.find(aq.name); it != actLeft.end()) {
            bits = it->second;
            actLeft.erase(it);
        }
        aq.act->bits = checkedBits(bits, "activation " + aq.name);
        aq.act->range.reset();
        aq.act->mode = ActQuantImpl::Mode::Calibrate;
    }
    if (!layerLeft.empty())
        throw InputError("layer_bits names no quantizable layer of this model: '" + layerLeft.begin()->first + "'");
    if (!actLeft.empty())
        throw InputError("act_bits names no activation quantizer of this model: '" + actLeft.begin()->first + "'");
}

void removeQuantization(models::ZooModelImpl& model)
{
    for (auto& layer : model.quantLayers()) {
        layer.setting().bits = 0;
        layer.setting().lo = torch::Tensor();
        layer.setting().hi = torch::Tensor();
    }
    for (auto& aq : model.actQuants()) {
        aq.act->bits = 0;
        aq.act->mode = ActQuantImpl::Mode::Off;
        aq.act->range.reset();
    }
}

void setActivationMode(models::ZooModelImpl& model, ActQuantImpl::Mode mode)
{
    for (auto& aq : model.actQuants())
        aq.act->mode = mode;
}

ModelSize modelSize(models::ZooModelImpl& model)
{
    ModelSize size;
    std::int64_t quantWeightElems = 0, quantWeightBits = 0;
    std::map<const void*, bool> quantized;
    for (auto& layer : model.quantLayers()) {
        const torch::Tensor w = layer.weight();
        const int bits = layer.setting().bits;
        quantWeightElems += w.numel();
        if (bits > 0) {
            quantized[w.unsafeGetTensorImpl()] = true;
            const std::int64_t ranges = layer.setting().perChannel ? w.size(0) : 1;
            size.quantizedBits += w.numel() * bits + ranges * 64; // scale + zero point in fp32
            quantWeightBits += w.numel() * bits;
        } else {
            quantWeightBits += w.numel() * 32;
        }
    }
    for (const auto& p : model.named_parameters(true)) {
        size.parameters += p.value().numel();
        size.floatBits += p.value().numel() * 32;
        if (!quantized.count(p.value().unsafeGetTensorImpl()))
            size.quantizedBits += p.value().numel() * 32;
    }
    size.averageWeightBits = quantWeightElems ? static_cast<double>(quantWeightBits) / quantWeightElems : 32.0;
    return size;
}

nlohmann::json quantStateToJson(models::ZooModelImpl& model, bool includeScales)
{
    nlohmann::json layers = nlohmann::json::object();
    for (auto& layer : model.quantLayers()) {
        nlohmann::json entry = {{"kind", layer.kind},
                                {"wbits", layer.setting().bits},
                                {"per_channel", layer.setting().perChannel}};
        if (layer.setting().fixedRange()) {
            // Searched or reconstructed ranges are part of the model.
            const torch::Tensor lo = layer.setting().lo.to(torch::kCPU, torch::kDouble).contiguous();
            const torch::Tensor hi = layer.setting().hi.to(torch::kCPU, torch::kDouble).contiguous();
            entry["w_min"] = std::vector<double>(lo.data_ptr<double>(), lo.data_ptr<double>() + lo.numel());
            entry["w_max"] = std::vector<double>(hi.data_ptr<double>(), hi.data_ptr<double>() + hi.numel());
        }
        if (includeScales && layer.setting().bits > 0) {
            auto [lo, hi] = layer.setting().fixedRange()
                                ? std::make_pair(layer.setting().lo, layer.setting().hi)
                                : weightRange(layer.weight(), layer.setting().perChannel);
            AffineParams p = affineParams(lo, hi, layer.setting().bits);
            torch::Tensor s = p.scale.to(torch::kCPU).to(torch::kDouble).contiguous();
            torch::Tensor z = p.zeroPoint.to(torch::kCPU).to(torch::kDouble).contiguous();
            entry["scale"] = std::vector<double>(s.data_ptr<double>(), s.data_ptr<double>() + s.numel());
            entry["zero_point"] = std::vector<double>(z.data_ptr<double>(), z.data_ptr<double>() + z.numel());
        }
        layers[layer.name] = entry;
    }
    nlohmann::json acts = nlohmann::json::object();
    for (auto& aq : model.actQuants()) {
        double rawLo = 0, rawHi = 0;
        std::int64_t steps = 0;
        aq.act->range.getState(rawLo, rawHi, steps);
        nlohmann::json entry = {{"abits", aq.act->bits},
                                {"mode", modeName(aq.act->mode)},
                                {"momentum", aq.act->range.momentum()},
                                {"ema_raw_min", rawLo},
                                {"ema_raw_max", rawHi},
                                {"ema_steps", steps}};
        if (aq.act->range.initialized()) {
            entry["min"] = aq.act->range.lo().item<double>();
            entry["max"] = aq.act->range.hi().item<double>();
            if (includeScales && aq.act->bits > 0) {
                AffineParams p = affineParams(aq.act->range.lo(), aq.act->range.hi(), aq.act->bits);
                entry["scale"] = p.scale.item<double>();
                entry["zero_point"] = p.zeroPoint.item<double>();
            }
        }
        acts[aq.name] = entry;
    }
    return {{"layers", layers}, {"activations", acts}};
}

void quantStateFromJson(models::ZooModelImpl& model, const nlohmann::json& state)
{
    try {
        const auto& layers = state.at("layers");
        for (auto& layer : model.quantLayers()) {
            if (!layers.contains(layer.name))
                throw InputError("quantizer state lacks layer '" + layer.name + "'");
            const auto& e = layers.at(layer.name);
            layer.setting().bits = checkedBits(e.at("wbits").get<int>(), "layer " + layer.name);
            layer.setting().perChannel = e.at("per_channel").get<bool>();
            layer.setting().lo = torch::Tensor();
            layer.setting().hi = torch::Tensor();
            if (e.contains("w_min") && e.contains("w_max")) {
                const auto lo = e.at("w_min").get<std::vector<double>>();
                const auto hi = e.at("w_max").get<std::vector<double>>();
                const auto channels = static_cast<std::size_t>(layer.weight().size(0));
                if (lo.size() != hi.size() || (lo.size() != 1 && lo.size() != channels))
                    throw InputError("layer '" + layer.name + "': w_min/w_max have " + std::to_string(lo.size()) +
                                     "/" + std::to_string(hi.size()) + " values for " + std::to_string(channels) +
                                     " channels");
                for (std::size_t c = 0; c < lo.size(); ++c)
                    if (!std::isfinite(lo[c]) || !std::isfinite(hi[c]) || hi[c] < lo[c])
                        throw InputError("layer '" + layer.name + "': w_min/w_max are not a finite range");
                layer.setting().lo = torch::tensor(lo, torch::kDouble).to(torch::kFloat);
                layer.setting().hi = torch::tensor(hi, torch::kDouble).to(torch::kFloat);
            }
        }
        const auto& acts = state.at("activations");
        for (auto& aq : model.actQuants()) {
            if (!acts.contains(aq.name))
                throw InputError("quantizer state lacks activation '" + aq.name + "'");
            const auto& e = acts.at(aq.name);
            aq.act->bits = checkedBits(e.at("abits").get<int>(), "activation " + aq.name);
            aq.act->mode = modeFromName(e.at("mode").get<std::string>());
            aq.act->range = RangeEma(e.value("momentum", 0.9));
            aq.act->range.setState(e.at("ema_raw_min").get<double>(), e.at("ema_raw_max").get<double>(),
                                   e.at("ema_steps").get<std::int64_t>());
        }
    } catch (const nlohmann::json::exception& e) {
        throw InputError(std::string("malformed quantizer state: ") + e.what());
    }
}

} // namespace zsq::quant
