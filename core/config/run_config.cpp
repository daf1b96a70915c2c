#include "config/run_config.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include "common/error.h"

namespace zsq::config {

namespace {

ParamSpec intParam(std::string key, long long def, double lo, double hi, std::string help, bool advanced = false)
{
    return {std::move(key), ParamType::Int, def, lo, hi, {}, std::move(help), advanced};
}
ParamSpec doubleParam(std::string key, double def, double lo, double hi, std::string help, bool advanced = true)
{
    return {std::move(key), ParamType::Double, def, lo, hi, {}, std::move(help), advanced};
}
ParamSpec stringParam(std::string key, std::string def, std::string help, bool advanced = false)
{
    return {std::move(key), ParamType::String, def, 0, 0, {}, std::move(help), advanced};
}
ParamSpec choiceParam(std::string key, std::string def, std::vector<std::string> choices, std::string help)
{
    return {std::move(key), ParamType::Choice, def, 0, 0, std::move(choices), std::move(help), false};
}

const ParamSpec* findSpec(const std::string& key)
{
    for (const auto& spec : runConfigSchema())
        if (spec.key == key)
            return &spec;
    return nullptr;
}

bool isGroup(const std::string& key)
{
    const std::string prefix = key + ".";
    for (const auto& spec : runConfigSchema())
        if (spec.key.compare(0, prefix.size(), prefix) == 0)
            return true;
    return false;
}

std::string fmt(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

[[noreturn]] void fail(const std::string& key, const std::string& why)
{
    throw InputError("config key '" + key + "': " + why);
}

void checkValue(const ParamSpec& spec, const nlohmann::json& v)
{
    switch (spec.type) {
    case ParamType::Bool:
        if (!v.is_boolean())
            fail(spec.key, "must be true or false");
        break;
    case ParamType::Int: {
        if (!v.is_number_integer())
            fail(spec.key, "must be an integer");
        const double x = v.get<double>();
        if (x < spec.min || x > spec.max)
            fail(spec.key, "must be within [" + fmt(spec.min) + ", " + fmt(spec.max) + "], got " + v.dump());
        break;
    }
    case ParamType::Double: {
        if (!v.is_number())
            fail(spec.key, "must be a number");
        const double x = v.get<double>();
        if (!std::isfinite(x) || x < spec.min || x > spec.max)
            fail(spec.key, "must be within [" + fmt(spec.min) + ", " + fmt(spec.max) + "], got " + v.dump());
        break;
    }
    case ParamType::String:
        if (!v.is_string())
            fail(spec.key, "must be a string");
        break;
    case ParamType::Choice: {
        if (!v.is_string())
            fail(spec.key, "must be a string");
        const std::string s = v.get<std::string>();
        if (std::find(spec.choices.begin(), spec.choices.end(), s) == spec.choices.end()) {
            std::string list;
            for (const auto& c : spec.choices)
                list += (list.empty() ? "" : ", ") + c;
            fail(spec.key, "must be one of " + list + ", got '" + s + "'");
        }
        break;
    }
    case ParamType::BitsMap:
        if (!v.is_object())
            fail(spec.key, "must be an object of name -> bits");
        for (const auto& [name, bits] : v.items()) {
            if (!bits.is_number_integer())
                fail(spec.key + "." + name, "must be an integer bit width");
            const int b = bits.get<int>();
            if (!(b == 0 || b == 32 || (b >= 2 && b <= 8)))
                fail(spec.key + "." + name, "must be 2..8 (or 0/32 for float), got " + std::to_string(b));
        }
        break;
    }
}

nlohmann::json::json_pointer pointerOf(const std::string& dotted)
{
    std::string p = "/" + dotted;
    std::replace(p.begin(), p.end(), '.', '/');
    return nlohmann::json::json_pointer(p);
}

} // namespace

const std::vector<ParamSpec>& runConfigSchema()
{
    static const std::vector<ParamSpec> schema = {
        stringParam("model", "demo", "model file (TorchScript, state_dict or ZSQ checkpoint); 'demo' = the shipped Fashion-MNIST model"),
        stringParam("arch", "", "architecture when it cannot be detected from the file (resnet18, resnet34, resnet50, mobilenet_v2, resnet20, fmnist)", true),
        choiceParam("method", "ptq", {"ptq"}, "quantization method"),
        intParam("wbits", 4, 2, 8, "weight bit width"),
        intParam("abits", 4, 2, 8, "activation bit width"),
        {"per_channel", ParamType::Bool, true, 0, 0, {}, "weights quantized per output channel (else per tensor)", true},
        {"layer_bits", ParamType::BitsMap, nlohmann::json::object(), 0, 0, {}, "per-layer weight bit overrides: {layer name: bits}", true},
        {"act_bits", ParamType::BitsMap, nlohmann::json::object(), 0, 0, {}, "per-quantizer activation bit overrides: {name: bits}", true},
        choiceParam("profile", "quick", {"quick", "paper", "custom"}, "schedule profile: quick (2-core CPU), paper (published schedules), custom"),
        intParam("seed", 0, 0, 2147483647, "random seed (CPU runs repeat exactly)"),
        stringParam("device", "auto", "auto, cpu, cuda or cuda:N"),
        intParam("threads", 0, 0, 1024, "LibTorch threads (0 = all cores)", true),
        stringParam("output", "", "output folder (default runs/<method>-w<W>a<A>-<time>)"),
        stringParam("dataset", "fashion-mnist", "evaluation dataset: fashion-mnist, mnist, cifar10, cifar100 or a folder"),
        choiceParam("eval_split", "test", {"test", "val", "train", "fit"}, "split used for the reported accuracy"),
        intParam("eval_batch", 500, 1, 100000, "evaluation batch size", true),
        intParam("ptq.batch_size", 64, 1, 4096, "ZeroQ: distilled images", true),
        intParam("ptq.iterations", 500, 1, 100000, "ZeroQ: optimisation steps on the distilled batch", true),
        doubleParam("ptq.lr", 0.5, 1e-6, 10, "ZeroQ: Adam learning rate on the images"),
    };
    return schema;
}

nlohmann::json defaultRunConfig()
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto& spec : runConfigSchema())
        out[pointerOf(spec.key)] = spec.defaultValue;
    return out;
}

nlohmann::json resolveRunConfig(const nlohmann::json& user)
{
    nlohmann::json out = defaultRunConfig();
    if (!user.is_object())
        throw InputError("a run config must be a JSON object");
    // Validate each leaf and write it over the defaults.
    std::function<void(const nlohmann::json&, const std::string&)> visit = [&](const nlohmann::json& node,
                                                                              const std::string& prefix) {
        for (const auto& [name, value] : node.items()) {
            const std::string key = prefix.empty() ? name : prefix + "." + name;
            if (const ParamSpec* spec = findSpec(key)) {
                checkValue(*spec, value);
                out[pointerOf(key)] = value;
            } else if (isGroup(key)) {
                if (!value.is_object())
                    fail(key, "must be an object");
                visit(value, key);
            } else {
                fail(key, "unknown key");
            }
        }
    };
    visit(user, "");
    return out;
}

nlohmann::json loadRunConfigFile(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw InputError("cannot open config file " + path);
    nlohmann::json user;
    try {
        user = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError("config file " + path + " is not valid JSON: " + e.what());
    }
    return resolveRunConfig(user);
}

void setFromString(nlohmann::json& config, const std::string& key, const std::string& value)
{
    const ParamSpec* spec = findSpec(key);
    if (!spec)
        fail(key, "unknown key");
    nlohmann::json v;
    try {
        switch (spec->type) {
        case ParamType::Bool:
            if (value != "true" && value != "false")
                fail(key, "must be true or false, got '" + value + "'");
            v = value == "true";
            break;
        case ParamType::Int: {
            std::size_t used = 0;
            v = std::stoll(value, &used);
            if (used != value.size())
                fail(key, "must be an integer, got '" + value + "'");
            break;
        }
        case ParamType::Double: {
            std::size_t used = 0;
            v = std::stod(value, &used);
            if (used != value.size())
                fail(key, "must be a number, got '" + value + "'");
            break;
        }
        case ParamType::BitsMap:
            v = nlohmann::json::parse(value);
            break;
        default:
            v = value;
        }
    } catch (const InputError&) {
        throw;
    } catch (const std::exception&) {
        fail(key, "cannot parse '" + value + "'");
    }
    checkValue(*spec, v);
    config[pointerOf(key)] = v;
}

} // namespace zsq::config
