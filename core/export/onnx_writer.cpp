#include "export/onnx_writer.h"

#include "common/error.h"

#if ZSQ_HAVE_ONNX

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>
#include <torch/csrc/jit/ir/constants.h>

#include "models/preprocessing.h"
#include "quant/fake_quant.h"

namespace zsq::exporting {

namespace {

using torch::jit::Node;
using torch::jit::Value;

constexpr int kOpset = 13;

std::string kindOf(const Node* node)
{
    return node->kind().toQualString();
}

// An activation quantizer as it appears in the trace (fake_quant.h):
//   out = x + (((clamp(round(S * detach(x) - Z), qmin, qmax) + Z) / S) - x).detach()
// S and Z are computed in the graph from the frozen range (not constants:
// LibTorch traces `double / tensor` with in-place ops); their values come
// from the student's quantizer in the same order (TracedStudent::activations).
struct FakeQuantMatch {
    Value* input = nullptr;
    double qmin = 0, qmax = 0;
    std::vector<Node*> nodes; // every node of the pattern but the final add
};

std::optional<double> constantNumber(Value* v)
{
    auto iv = torch::jit::toIValue(v);
    if (!iv)
        return std::nullopt;
    if (iv->isDouble())
        return iv->toDouble();
    if (iv->isInt())
        return static_cast<double>(iv->toInt());
    if (iv->isTensor() && iv->toTensor().numel() == 1)
        return iv->toTensor().item<double>();
    return std::nullopt;
}

std::optional<at::Tensor> constantTensor(Value* v)
{
    auto iv = torch::jit::toIValue(v);
    if (iv && iv->isTensor())
        return iv->toTensor();
    return std::nullopt;
}

std::optional<FakeQuantMatch> matchFakeQuant(Node* add)
{
    auto is = [](Node* n, const char* kind) { return kindOf(n) == kind; };
    if (!is(add, "aten::add") || add->inputs().size() < 2)
        return std::nullopt;
    Value* x = add->input(0);
    Node* detach = add->input(1)->node();
    if (!is(detach, "aten::detach"))
        return std::nullopt;
    Node* diff = detach->input(0)->node();
    if (!is(diff, "aten::sub") || diff->input(1) != x)
        return std::nullopt;
    Node* div = diff->input(0)->node();
    if (!is(div, "aten::div"))
        return std::nullopt;
    Node* addZ = div->input(0)->node();
    if (!is(addZ, "aten::add"))
        return std::nullopt;
    Node* clamp = addZ->input(0)->node();
    if (!is(clamp, "aten::clamp"))
        return std::nullopt;
    auto qmin = constantNumber(clamp->input(1));
    auto qmax = constantNumber(clamp->input(2));
    Node* round = clamp->input(0)->node();
    if (!qmin || !qmax || !is(round, "aten::round"))
        return std::nullopt;
    Node* subZ = round->input(0)->node();
    if (!is(subZ, "aten::sub"))
        return std::nullopt;
    Node* mul = subZ->input(0)->node();
    if (!is(mul, "aten::mul"))
        return std::nullopt;
    FakeQuantMatch m;
    m.input = x;
    m.qmin = *qmin;
    m.qmax = *qmax;
    m.nodes = {detach, diff, div, addZ, clamp, round, subZ, mul};
    bool fromX = false;
    for (Value* operand : mul->inputs()) {
        if (operand == x) {
            fromX = true;
        } else if (is(operand->node(), "aten::detach") && operand->node()->input(0) == x) {
            fromX = true;
            m.nodes.push_back(operand->node());
        }
    }
    if (!fromX)
        return std::nullopt;
    return m;
}

// Nodes whose value does not depend on the graph's input: the quantizers'
// scale and zero point computations, which the ONNX graph holds as numbers.
std::set<Node*> inputIndependentNodes(torch::jit::Graph& graph)
{
    std::set<Value*> dependent(graph.inputs().begin(), graph.inputs().end());
    std::set<Node*> independent;
    for (Node* n : graph.nodes()) {
        bool depends = false;
        for (Value* in : n->inputs())
            depends = depends || dependent.count(in) > 0;
        if (depends)
            dependent.insert(n->outputs().begin(), n->outputs().end());
        else if (n->kind() != c10::prim::Constant)
            independent.insert(n);
    }
    return independent;
}

void fillTensor(onnx::TensorProto* t, const std::string& name, const torch::Tensor& value)
{
    const torch::Tensor x = value.detach().to(torch::kCPU).contiguous();
    t->set_name(name);
    for (auto d : x.sizes())
        t->add_dims(d);
    switch (x.scalar_type()) {
    case torch::kFloat: t->set_data_type(onnx::TensorProto::FLOAT); break;
    case torch::kChar: t->set_data_type(onnx::TensorProto::INT8); break;
    case torch::kByte: t->set_data_type(onnx::TensorProto::UINT8); break;
    case torch::kInt: t->set_data_type(onnx::TensorProto::INT32); break;
    case torch::kLong: t->set_data_type(onnx::TensorProto::INT64); break;
    default: throw RuntimeFailure("export: no ONNX type for a " + std::string(c10::toString(x.scalar_type())) + " tensor");
    }
    t->set_raw_data(std::string(static_cast<const char*>(x.data_ptr()), x.numel() * x.element_size()));
}

class GraphBuilder {
public:
    GraphBuilder(onnx::GraphProto* g, const TracedStudent& student) : g_(g), student_(student) {}

    std::string name(Value* v)
    {
        if (auto it = names_.find(v); it != names_.end())
            return it->second;
        if (auto t = constantTensor(v))
            return names_[v] = initializer("const", t->to(torch::kFloat));
        if (v->node()->kind() == c10::prim::Constant && torch::jit::toIValue(v) && torch::jit::toIValue(v)->isNone())
            return "";
        return names_[v] = fresh("t");
    }
    void alias(Value* v, const std::string& n) { names_[v] = n; }

    std::string fresh(const std::string& prefix) { return prefix + "_" + std::to_string(counter_++); }

    std::string initializer(const std::string& prefix, const torch::Tensor& t)
    {
        const std::string n = fresh(prefix);
        fillTensor(g_->add_initializer(), n, t);
        return n;
    }
    std::string scalar(const std::string& prefix, float v) { return initializer(prefix, torch::tensor(v)); }

    onnx::NodeProto* node(const std::string& op, const std::vector<std::string>& in, const std::vector<std::string>& out)
    {
        onnx::NodeProto* n = g_->add_node();
        n->set_op_type(op);
        n->set_name(fresh(op));
        for (const auto& i : in)
            n->add_input(i);
        for (const auto& o : out)
            n->add_output(o);
        return n;
    }
    static void attr(onnx::NodeProto* n, const std::string& key, std::int64_t v)
    {
        auto* a = n->add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(v);
    }
    static void attr(onnx::NodeProto* n, const std::string& key, float v)
    {
        auto* a = n->add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::FLOAT);
        a->set_f(v);
    }
    static void attr(onnx::NodeProto* n, const std::string& key, const std::vector<std::int64_t>& v)
    {
        auto* a = n->add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::INTS);
        for (auto x : v)
            a->add_ints(x);
    }

    onnx::GraphProto* g_;
    const TracedStudent& student_;
    std::map<Value*, std::string> names_;
    int counter_ = 0;
};

std::vector<std::int64_t> intList(Value* v)
{
    if (auto iv = torch::jit::toIValue(v)) {
        if (iv->isIntList())
            return iv->toIntVector();
        if (iv->isInt())
            return {iv->toInt()};
    }
    throw RuntimeFailure("export: expected a constant int list for " + kindOf(v->node()));
}

std::int64_t intArg(Value* v)
{
    auto iv = torch::jit::toIValue(v);
    if (!iv || !iv->isInt())
        throw RuntimeFailure("export: expected a constant int for " + kindOf(v->node()));
    return iv->toInt();
}

std::vector<std::int64_t> concreteSizes(Value* v)
{
    if (auto t = v->type()->cast<c10::TensorType>())
        if (auto sizes = t->sizes().concrete_sizes())
            return *sizes;
    throw RuntimeFailure("export: the trace did not record a shape the ONNX graph needs");
}

// Which 8-bit type and zero point represent the integers n in [nmin, nmax]
// (value n / S) as y = n + zp with y and zp both in the type's range.
struct EightBitGrid {
    bool isSigned = true;
    std::int64_t zeroPoint = 0;
};
std::optional<EightBitGrid> eightBitGrid(std::int64_t nmin, std::int64_t nmax, std::int64_t preferredZp)
{
    for (bool isSigned : {true, false}) {
        const std::int64_t lo = isSigned ? -128 : 0, hi = isSigned ? 127 : 255;
        const std::int64_t zlo = std::max(lo, lo - nmin), zhi = std::min(hi, hi - nmax);
        if (zlo > zhi)
            continue;
        return EightBitGrid{isSigned, std::clamp(preferredZp, zlo, zhi)};
    }
    return std::nullopt;
}

// A layer's weight as int8 k-bit integers + DequantizeLinear; float layers
// keep their float weight.
std::string emitWeight(GraphBuilder& b, const TracedLayer& layer, std::vector<std::string>& notes)
{
    if (layer.bits <= 0)
        return b.initializer(layer.name + ".weight", layer.weight);
    const torch::Tensor w = layer.floatWeight.to(torch::kFloat);
    auto [lo, hi] = quant::broadcastRange(w, layer.lo.to(torch::kFloat), layer.hi.to(torch::kFloat));
    const quant::AffineParams p = quant::affineParams(lo, hi, layer.bits);
    const double half = std::pow(2.0, layer.bits - 1);
    // The student's own integers (fake_quant.h), so the file holds what it used.
    const torch::Tensor q = torch::clamp(torch::round(p.scale * w - p.zeroPoint), -half, half - 1);
    const torch::Tensor dequant = (q + p.zeroPoint) / p.scale;
    // The student adds (dequant - w) to w (straight-through), which may differ
    // from dequant in the last bit; anything more is a wrong grid.
    if (!torch::allclose(dequant, layer.weight, 1e-5, 1e-6))
        throw RuntimeFailure("export: the integer weights of " + layer.name + " do not reproduce the student's");
    const bool perChannel = layer.lo.numel() > 1;
    const torch::Tensor scale = (1.0f / p.scale.reshape({-1}).to(torch::kFloat));
    const torch::Tensor zp = (-p.zeroPoint.reshape({-1})).to(torch::kLong);
    std::string qName, zpName;
    const bool fitsInt8 = zp.min().item<std::int64_t>() >= -128 && zp.max().item<std::int64_t>() <= 127;
    if (fitsInt8) {
        qName = b.initializer(layer.name + ".weight_q", q.to(torch::kChar));
        zpName = b.initializer(layer.name + ".weight_zero_point",
                               perChannel ? zp.to(torch::kChar) : zp.to(torch::kChar).reshape({}));
    } else {
        // A channel whose range lies far from zero has a zero point beyond
        // int8; its integers n = q + zp are then stored as int32 (zero point 0).
        qName = b.initializer(layer.name + ".weight_q", (q + p.zeroPoint).to(torch::kInt));
        notes.push_back("layer " + layer.name + ": a zero point outside int8, weights stored as int32");
    }
    const std::string scaleName = b.initializer(layer.name + ".weight_scale", perChannel ? scale : scale.reshape({}));
    const std::string out = b.fresh(layer.name + ".weight");
    std::vector<std::string> in{qName, scaleName};
    if (!zpName.empty())
        in.push_back(zpName);
    auto* n = b.node("DequantizeLinear", in, {out});
    if (perChannel)
        GraphBuilder::attr(n, "axis", std::int64_t{0});
    return out;
}

// ONNX Runtime's WeightBiasQuantization (optimisation level basic and up)
// rewrites a Conv/Gemm whose input comes from a per-tensor DequantizeLinear:
// a float weight becomes int8 and a float bias int32 on the grid
// input scale x weight scale. A layer the student keeps in float (mixed
// precision, bits 0), and the float bias of any layer, would then not be what
// the student computes. Such an input's DequantizeLinear is written per
// channel (axis 1, every channel the same scale and zero point: the same
// numbers), which that optimiser leaves alone.
bool hasBias(Node* layer)
{
    auto bias = torch::jit::toIValue(layer->input(2));
    return !(bias && bias->isNone());
}

bool feedsFloatLayer(Value* v, const std::map<Node*, const TracedLayer*>& layerOf)
{
    for (const torch::jit::Use& use : v->uses()) {
        Node* user = use.user;
        const std::string kind = kindOf(user);
        if (kind == "aten::dropout" || kind == "aten::detach") {
            if (feedsFloatLayer(user->output(0), layerOf))
                return true;
        } else if (auto it = layerOf.find(user);
                   it != layerOf.end() && use.offset == 0 && (it->second->bits <= 0 || hasBias(user))) {
            return true;
        }
    }
    return false;
}

void emitFakeQuant(GraphBuilder& b, const FakeQuantMatch& m, const TracedActivation& act, const std::string& out,
                   std::int64_t perChannelOf)
{
    const double half = std::pow(2.0, act.bits - 1);
    if (m.qmin != -half || m.qmax != half - 1)
        throw RuntimeFailure("export: the quantizer " + act.name + " in the trace does not have " +
                             std::to_string(act.bits) + " bits");
    const auto nmin = static_cast<std::int64_t>(m.qmin + act.zeroPoint);
    const auto nmax = static_cast<std::int64_t>(m.qmax + act.zeroPoint);
    const auto grid = eightBitGrid(nmin, nmax, static_cast<std::int64_t>(-act.zeroPoint));
    if (!grid)
        throw InputError("the range of activation " + act.name + " lies too far from zero for an 8-bit QuantizeLinear");
    // The grid's ends as the student dequantizes them: (q + Z) / S in float.
    const float clipLo = (static_cast<float>(m.qmin) + act.zeroPoint) / act.scale;
    const float clipHi = (static_cast<float>(m.qmax) + act.zeroPoint) / act.scale;
    const std::string x = b.name(m.input);
    const std::string clipped = b.fresh(act.name + ".clipped");
    b.node("Clip", {x, b.scalar(act.name + ".lo", clipLo), b.scalar(act.name + ".hi", clipHi)}, {clipped});
    const std::string scale = b.scalar(act.name + ".scale", 1.0f / act.scale);
    const torch::Tensor zp = grid->isSigned ? torch::tensor(static_cast<std::int8_t>(grid->zeroPoint))
                                            : torch::tensor(static_cast<std::uint8_t>(grid->zeroPoint));
    const std::string zpName = b.initializer(act.name + ".zero_point", zp);
    const std::string q = b.fresh(act.name + ".q");
    b.node("QuantizeLinear", {clipped, scale, zpName}, {q});
    if (perChannelOf <= 0) {
        b.node("DequantizeLinear", {q, scale, zpName}, {out});
        return;
    }
    const std::string scales = b.initializer(act.name + ".scale", torch::full({perChannelOf}, 1.0f / act.scale));
    const std::string zps = b.initializer(act.name + ".zero_point", zp.reshape({1}).repeat({perChannelOf}));
    auto* dq = b.node("DequantizeLinear", {q, scales, zps}, {out});
    GraphBuilder::attr(dq, "axis", std::int64_t{1});
}

} // namespace

OnnxBuildResult buildOnnxModel(const TracedStudent& student, const models::ModelInfo& info)
{
    OnnxBuildResult result;
    onnx::ModelProto model;
    model.set_ir_version(onnx::IR_VERSION);
    model.set_producer_name("zsq-studio");
    model.set_producer_version(ZSQ_VERSION);
    model.set_model_version(1);
    model.set_doc_string("ZSQ Studio fake-quantized " + info.arch + " in QDQ form");
    auto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOpset);
    onnx::GraphProto* g = model.mutable_graph();
    g->set_name("zsq_" + info.arch);
    GraphBuilder b(g, student);

    torch::jit::Graph& graph = *student.graph;
    if (graph.inputs().size() != 1 || graph.outputs().size() != 1)
        throw RuntimeFailure("export: the traced graph must have one input and one output");
    b.alias(graph.inputs()[0], "input");
    b.alias(graph.outputs()[0], "logits");

    // Activation quantizers first, so that their inner nodes are skipped.
    std::map<Node*, std::pair<FakeQuantMatch, const TracedActivation*>> quantizers;
    std::set<Node*> inner = inputIndependentNodes(graph);
    for (Node* n : graph.nodes())
        if (auto m = matchFakeQuant(n)) {
            if (quantizers.size() >= student.activations.size())
                throw RuntimeFailure("export: the trace holds more activation quantizers than the model ran");
            inner.insert(m->nodes.begin(), m->nodes.end());
            const TracedActivation* act = &student.activations[quantizers.size()];
            quantizers.emplace(n, std::make_pair(std::move(*m), act));
        }
    if (quantizers.size() != student.activations.size())
        throw RuntimeFailure("export: " + std::to_string(student.activations.size()) +
                             " activation quantizers ran but the trace shows " + std::to_string(quantizers.size()));

    std::map<Node*, const TracedLayer*> layerOf;
    {
        std::size_t i = 0;
        for (Node* n : graph.nodes())
            if (kindOf(n) == "aten::_convolution" || kindOf(n) == "aten::conv2d" || kindOf(n) == "aten::linear")
                layerOf[n] = &student.layers.at(i++);
    }

    std::size_t layerIndex = 0;
    for (Node* n : graph.nodes()) {
        const std::string kind = kindOf(n);
        if (kind == "prim::Constant" || kind == "prim::ListConstruct" || inner.count(n))
            continue;
        if (auto it = quantizers.find(n); it != quantizers.end()) {
            const std::int64_t channels =
                feedsFloatLayer(n->output(), layerOf) ? concreteSizes(n->output()).at(1) : 0;
            emitFakeQuant(b, it->second.first, *it->second.second, b.name(n->output()), channels);
            ++result.activationQuantizers;
            continue;
        }
        const std::string out = b.name(n->output(0));
        if (kind == "aten::_convolution" || kind == "aten::conv2d") {
            const TracedLayer& layer = student.layers.at(layerIndex++);
            const std::string w = emitWeight(b, layer, result.notes);
            std::vector<std::string> in{b.name(n->input(0)), w};
            const std::string bias = b.name(n->input(2));
            if (!bias.empty())
                in.push_back(bias);
            auto* conv = b.node("Conv", in, {out});
            const auto stride = intList(n->input(3)), pad = intList(n->input(4)), dil = intList(n->input(5));
            const std::int64_t groups = intArg(n->input(kind == "aten::conv2d" ? 6 : 8));
            if (kind == "aten::_convolution" && torch::jit::toIValue(n->input(6))->toBool())
                throw InputError("export: transposed convolutions are not supported");
            auto two = [](std::vector<std::int64_t> v) { return v.size() == 1 ? std::vector<std::int64_t>{v[0], v[0]} : v; };
            const auto p = two(pad);
            GraphBuilder::attr(conv, "kernel_shape", std::vector<std::int64_t>{layer.weight.size(2), layer.weight.size(3)});
            GraphBuilder::attr(conv, "strides", two(stride));
            GraphBuilder::attr(conv, "pads", std::vector<std::int64_t>{p[0], p[1], p[0], p[1]});
            GraphBuilder::attr(conv, "dilations", two(dil));
            GraphBuilder::attr(conv, "group", groups);
        } else if (kind == "aten::linear") {
            const TracedLayer& layer = student.layers.at(layerIndex++);
            const std::string w = emitWeight(b, layer, result.notes);
            std::vector<std::string> in{b.name(n->input(0)), w};
            const std::string bias = b.name(n->input(2));
            if (!bias.empty())
                in.push_back(bias);
            auto* gemm = b.node("Gemm", in, {out});
            GraphBuilder::attr(gemm, "transB", std::int64_t{1});
        } else if (kind == "aten::batch_norm") {
            const std::int64_t channels = concreteSizes(n->input(0)).at(1);
            auto param = [&](int i, float fill) {
                const std::string name = b.name(n->input(i));
                return name.empty() ? b.initializer("bn", torch::full({channels}, fill)) : name;
            };
            auto* bn = b.node("BatchNormalization",
                              {b.name(n->input(0)), param(1, 1.0f), param(2, 0.0f), b.name(n->input(3)), b.name(n->input(4))},
                              {out});
            GraphBuilder::attr(bn, "epsilon", static_cast<float>(*constantNumber(n->input(7))));
        } else if (kind == "aten::relu") {
            b.node("Relu", {b.name(n->input(0))}, {out});
        } else if (kind == "aten::clamp") {
            auto lo = constantNumber(n->input(1)), hi = constantNumber(n->input(2));
            b.node("Clip", {b.name(n->input(0)), lo ? b.scalar("clip_lo", static_cast<float>(*lo)) : "",
                            hi ? b.scalar("clip_hi", static_cast<float>(*hi)) : ""},
                   {out});
        } else if (kind == "aten::hardsigmoid" || kind == "aten::hardswish") {
            // torch: relu6(x + 3) / 6; ONNX HardSigmoid: clamp(x/6 + 1/2, 0, 1).
            const std::string x = b.name(n->input(0));
            const std::string hs = kind == "aten::hardsigmoid" ? out : b.fresh("hardsigmoid");
            auto* node = b.node("HardSigmoid", {x}, {hs});
            GraphBuilder::attr(node, "alpha", 1.0f / 6.0f);
            GraphBuilder::attr(node, "beta", 0.5f);
            if (kind == "aten::hardswish")
                b.node("Mul", {x, hs}, {out});
        } else if (kind == "aten::add" || kind == "aten::mul") {
            if (kind == "aten::add" && constantNumber(n->input(2)).value_or(1.0) != 1.0)
                throw InputError("export: an add with alpha other than 1 is not supported");
            b.node(kind == "aten::add" ? "Add" : "Mul", {b.name(n->input(0)), b.name(n->input(1))}, {out});
        } else if (kind == "aten::adaptive_avg_pool2d") {
            const auto in = concreteSizes(n->input(0));
            const auto size = intList(n->input(1));
            const std::int64_t oh = size.at(0), ow = size.size() > 1 ? size[1] : size[0];
            if (oh == 1 && ow == 1) {
                b.node("GlobalAveragePool", {b.name(n->input(0))}, {out});
            } else if (in.at(2) % oh == 0 && in.at(3) % ow == 0) {
                auto* pool = b.node("AveragePool", {b.name(n->input(0))}, {out});
                GraphBuilder::attr(pool, "kernel_shape", std::vector<std::int64_t>{in[2] / oh, in[3] / ow});
                GraphBuilder::attr(pool, "strides", std::vector<std::int64_t>{in[2] / oh, in[3] / ow});
            } else {
                throw InputError("export: adaptive pooling from " + std::to_string(in[2]) + "x" + std::to_string(in[3]) +
                                 " to " + std::to_string(oh) + "x" + std::to_string(ow) +
                                 " has no ONNX equivalent; export at another --input-size");
            }
        } else if (kind == "aten::max_pool2d") {
            const auto kernel = intList(n->input(1));
            auto stride = intList(n->input(2));
            if (stride.empty())
                stride = kernel;
            const auto pad = intList(n->input(3)), dil = intList(n->input(4));
            auto two = [](std::vector<std::int64_t> v) { return v.size() == 1 ? std::vector<std::int64_t>{v[0], v[0]} : v; };
            const auto p = two(pad);
            auto* pool = b.node("MaxPool", {b.name(n->input(0))}, {out});
            GraphBuilder::attr(pool, "kernel_shape", two(kernel));
            GraphBuilder::attr(pool, "strides", two(stride));
            GraphBuilder::attr(pool, "pads", std::vector<std::int64_t>{p[0], p[1], p[0], p[1]});
            GraphBuilder::attr(pool, "dilations", two(dil));
            GraphBuilder::attr(pool, "ceil_mode", std::int64_t{torch::jit::toIValue(n->input(5))->toBool() ? 1 : 0});
        } else if (kind == "aten::flatten") {
            if (intArg(n->input(1)) != 1 || (intArg(n->input(2)) != -1 && intArg(n->input(2)) != 3))
                throw InputError("export: only flatten(1) is supported");
            auto* f = b.node("Flatten", {b.name(n->input(0))}, {out});
            GraphBuilder::attr(f, "axis", std::int64_t{1});
        } else if (kind == "aten::dropout" || kind == "aten::detach") {
            b.node("Identity", {b.name(n->input(0))}, {out});
        } else {
            throw InputError("export: the operator " + kind + " has no ONNX translation here");
        }
    }
    if (layerIndex != student.layers.size())
        throw RuntimeFailure("export: the ONNX graph used " + std::to_string(layerIndex) + " of " +
                             std::to_string(student.layers.size()) + " layers");

    const models::ModelInfo& i = info;
    auto tensorType = [](onnx::ValueInfoProto* v, const std::string& name, const std::vector<std::int64_t>& dims) {
        v->set_name(name);
        auto* t = v->mutable_type()->mutable_tensor_type();
        t->set_elem_type(onnx::TensorProto::FLOAT);
        auto* shape = t->mutable_shape();
        shape->add_dim()->set_dim_param("batch");
        for (std::size_t d = 1; d < dims.size(); ++d)
            shape->add_dim()->set_dim_value(dims[d]);
    };
    tensorType(g->add_input(), "input", student.inputShape);
    tensorType(g->add_output(), "logits", {1, i.numClasses});

    auto meta = [&](const std::string& key, const std::string& value) {
        auto* p = model.add_metadata_props();
        p->set_key(key);
        p->set_value(value);
    };
    meta("arch", i.arch);
    meta("input_name", "input");
    meta("input_shape", "[batch, " + std::to_string(student.inputShape[1]) + ", " +
                            std::to_string(student.inputShape[2]) + ", " + std::to_string(student.inputShape[3]) + "]");
    meta("mean", nlohmann::json(i.mean).dump());
    meta("std", nlohmann::json(i.stdev).dump());
    meta("input_size", std::to_string(student.inputShape[2]));
    meta("class_names", nlohmann::json(i.classNames).dump());
    meta("preprocessing", models::preprocessingToJson(i).dump());
    meta("quantization", "QDQ: int8 initialisers hold k-bit weights; activations Clip->QuantizeLinear->DequantizeLinear");

    try {
        onnx::checker::check_model(model);
        onnx::shape_inference::InferShapes(model, onnx::OpSchemaRegistry::Instance(),
                                           onnx::ShapeInferenceOptions(true, 1, false));
    } catch (const std::exception& e) {
        throw RuntimeFailure(std::string("export: the ONNX model fails its check: ") + e.what());
    }
    if (!model.SerializeToString(&result.bytes))
        throw RuntimeFailure("export: cannot serialize the ONNX model");
    return result;
}

} // namespace zsq::exporting

#else // no libonnx-dev at configure time

namespace zsq::exporting {

OnnxBuildResult buildOnnxModel(const TracedStudent&, const models::ModelInfo&)
{
    throw InputError("this build of ZSQ Studio has no ONNX support (install libonnx-dev and reconfigure); "
                     "--format torchscript works");
}

} // namespace zsq::exporting

#endif
