#include "export/traced_student.h"

#include <torch/csrc/jit/frontend/tracer.h>
#include <torch/csrc/jit/passes/constant_propagation.h>
#include <torch/csrc/jit/passes/dead_code_elimination.h>

#include "common/error.h"

namespace zsq::exporting {

namespace {

bool isWeightedNode(const torch::jit::Node* node)
{
    const auto kind = node->kind().toQualString();
    return std::string(kind) == "aten::_convolution" || std::string(kind) == "aten::conv2d" ||
           std::string(kind) == "aten::linear";
}

// The layers in the order their forward ran (which is the graph's order).
std::vector<TracedLayer> layersInCallOrder(models::ZooModelImpl& model,
                                           const std::vector<std::pair<const torch::nn::Module*, torch::Tensor>>& calls)
{
    std::vector<TracedLayer> out;
    for (const auto& call : calls) {
        for (auto& layer : model.quantLayers()) {
            const torch::nn::Module* m = layer.conv ? static_cast<const torch::nn::Module*>(layer.conv)
                                                    : static_cast<const torch::nn::Module*>(layer.linear);
            if (m != call.first)
                continue;
            TracedLayer t;
            t.name = layer.name;
            t.kind = layer.kind;
            t.bits = layer.setting().bits;
            t.floatWeight = layer.weight().detach().clone();
            t.weight = (layer.conv ? layer.conv->effectiveWeight() : layer.linear->effectiveWeight()).detach().clone();
            if (t.bits > 0) {
                if (layer.setting().fixedRange()) {
                    t.lo = layer.setting().lo.detach().to(torch::kFloat).reshape({-1});
                    t.hi = layer.setting().hi.detach().to(torch::kFloat).reshape({-1});
                } else {
                    std::tie(t.lo, t.hi) = quant::weightRange(layer.weight(), layer.setting().perChannel);
                }
            }
            out.push_back(std::move(t));
        }
    }
    return out;
}

} // namespace

TracedStudent traceStudent(models::ZooModelImpl& model, std::int64_t inputSize)
{
    const models::ModelInfo& info = model.info();
    if (inputSize < 1)
        throw InputError("model " + info.arch + " does not fix its input size; give one (--input-size)");
    torch::NoGradGuard noGrad;
    model.eval();
    for (auto& aq : model.actQuants()) {
        if (aq.act->bits <= 0 || aq.act->mode == models::ActQuantImpl::Mode::Off)
            continue;
        if (!aq.act->range.initialized())
            throw InputError("activation quantizer '" + aq.name + "' has " + std::to_string(aq.act->bits) +
                             " bits but no range (the run never calibrated it)");
        aq.act->mode = models::ActQuantImpl::Mode::Frozen; // tracing must not move the ranges
    }
    // The tracer bakes tensors it did not see created in as constants, which
    // it refuses for tensors that require grad.
    for (auto& p : model.parameters())
        p.set_requires_grad(false);

    TracedStudent traced;
    traced.inputShape = {1, info.inChannels, inputSize, inputSize};
    const torch::Tensor example = torch::rand(traced.inputShape);
    models::LayerInputRecorder calls;
    auto result = torch::jit::tracer::trace(
        {example},
        [&](torch::jit::Stack inputs) -> torch::jit::Stack {
            return {model.forward(inputs.at(0).toTensor())};
        },
        [](const torch::autograd::Variable&) { return std::string(); },
        /*strict=*/false);
    traced.graph = result.first->graph;

    std::vector<std::pair<const torch::nn::Module*, torch::Tensor>> layerCalls;
    for (const auto& call : calls.inputs) {
        if (dynamic_cast<const models::QConv2dImpl*>(call.first) || dynamic_cast<const models::QLinearImpl*>(call.first))
            layerCalls.push_back(call);
        for (auto& aq : model.actQuants()) {
            if (aq.act != call.first || aq.act->bits <= 0 || aq.act->mode == models::ActQuantImpl::Mode::Off)
                continue;
            // The same computation the quantizer's forward did.
            const quant::AffineParams p = quant::affineParams(aq.act->range.lo(), aq.act->range.hi(), aq.act->bits);
            traced.activations.push_back(
                {aq.name, aq.act->bits, p.scale.item<float>(), p.zeroPoint.item<float>()});
        }
    }
    traced.layers = layersInCallOrder(model, layerCalls);

    // Each weighted node's weight input becomes its layer's effective weight.
    std::size_t next = 0;
    for (torch::jit::Node* node : traced.graph->nodes()) {
        if (!isWeightedNode(node))
            continue;
        if (next >= traced.layers.size())
            throw RuntimeFailure("export: the traced graph has more weighted nodes than the model has layers");
        torch::jit::WithInsertPoint guard(node);
        torch::jit::Value* w = traced.graph->insertConstant(traced.layers[next].weight);
        node->replaceInput(1, w);
        ++next;
    }
    if (next != traced.layers.size())
        throw RuntimeFailure("export: " + std::to_string(traced.layers.size()) + " layers ran but the trace has " +
                             std::to_string(next) + " weighted nodes");
    torch::jit::EliminateDeadCode(traced.graph);
    torch::jit::ConstantPropagation(traced.graph);
    torch::jit::EliminateDeadCode(traced.graph);
    return traced;
}

} // namespace zsq::exporting
