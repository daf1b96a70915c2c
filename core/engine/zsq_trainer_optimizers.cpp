#include "engine/zsq_trainer_optimizers.h"

#include <cmath>
#include <set>
#include <sstream>
#include <type_traits>

#include "common/error.h"

namespace zsq::engine {

namespace {

// The key of a parameter in Optimizer::state(): LibTorch 1.13 uses the text
// of the TensorImpl pointer (c10::guts::to_string), 2.x the pointer itself.
template <class Map>
typename Map::key_type stateKey(const Map&, const torch::Tensor& p)
{
    using Key = typename Map::key_type;
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream os;
        os << p.unsafeGetTensorImpl(); // what c10::guts::to_string writes
        return os.str();
    } else {
        return static_cast<Key>(p.unsafeGetTensorImpl());
    }
}

std::string slot(std::size_t group, std::size_t param)
{
    return std::to_string(group) + "." + std::to_string(param);
}

// Reads the record's pieces, each refusal naming what is wrong.
class RecordReader {
public:
    RecordReader(const nlohmann::json& meta, const io::TensorMap& tensors, const std::string& what)
        : meta_(meta), tensors_(tensors), what_(what)
    {
        if (!meta_.is_object() || !meta_.contains("groups") || !meta_.at("groups").is_array())
            fail("has no list of parameter groups");
    }

    const nlohmann::json& group(std::size_t g, std::size_t expectedParams) const
    {
        const nlohmann::json& groups = meta_.at("groups");
        if (groups.size() != groupCount_)
            fail("has " + std::to_string(groups.size()) + " parameter groups, the run " + std::to_string(groupCount_));
        const nlohmann::json& entry = groups.at(g);
        if (!entry.is_object() || !entry.contains("params") || !entry.at("params").is_number_unsigned() ||
            entry.at("params").get<std::uint64_t>() != expectedParams)
            fail("group " + std::to_string(g) + " is not for the run's " + std::to_string(expectedParams) +
                 " parameters");
        return entry;
    }
    void setGroupCount(std::size_t n) { groupCount_ = n; }

    double number(const nlohmann::json& group, const char* key) const
    {
        if (!group.contains(key) || !group.at(key).is_number())
            fail("option " + std::string(key) + " is missing or not a number");
        const double v = group.at(key).get<double>();
        if (!std::isfinite(v) || v < 0)
            fail("option " + std::string(key) + " is " + group.at(key).dump());
        return v;
    }

    bool flag(const nlohmann::json& group, const char* key) const
    {
        if (!group.contains(key) || !group.at(key).is_boolean())
            fail("option " + std::string(key) + " is missing or not true/false");
        return group.at(key).get<bool>();
    }

    bool has(const std::string& name) const { return tensors_.count(name) > 0; }

    // The tensor `name`, shaped and typed like `param`, on its device.
    torch::Tensor tensor(const std::string& name, const torch::Tensor& param)
    {
        auto it = tensors_.find(name);
        if (it == tensors_.end())
            fail("tensor " + name + " is missing");
        used_.insert(name);
        const torch::Tensor& t = it->second;
        if (t.sizes() != param.sizes() || t.scalar_type() != param.scalar_type())
            fail("tensor " + name + " is " + c10::str(t.scalar_type(), t.sizes()) + ", its parameter " +
                 c10::str(param.scalar_type(), param.sizes()));
        if (!torch::isfinite(t).all().item<bool>())
            fail("tensor " + name + " holds NaN or infinite values");
        return t.to(param.device()).clone();
    }

    std::int64_t step(const std::string& name) const
    {
        const nlohmann::json steps = meta_.value("steps", nlohmann::json::object());
        if (!steps.is_object() || !steps.contains(name) || !steps.at(name).is_number_integer())
            fail("the step count of " + name + " is missing");
        const std::int64_t s = steps.at(name).get<std::int64_t>();
        if (s < 1 || s > (std::int64_t{1} << 53))
            fail("the step count of " + name + " is " + std::to_string(s));
        return s;
    }

    void checkAllUsed() const
    {
        for (const auto& [name, t] : tensors_)
            if (!used_.count(name))
                fail("has an unexpected tensor " + name);
    }

    [[noreturn]] void fail(const std::string& what) const { throw InputError(what_ + " " + what); }

private:
    const nlohmann::json& meta_;
    const io::TensorMap& tensors_;
    std::string what_;
    std::size_t groupCount_ = 0;
    std::set<std::string> used_;
};

torch::Tensor cpuCopy(const torch::Tensor& t)
{
    return t.detach().to(torch::kCPU).contiguous().clone();
}

} // namespace

OptimizerRecord saveAdamState(torch::optim::Adam& optimizer)
{
    OptimizerRecord r;
    r.meta = {{"groups", nlohmann::json::array()}, {"steps", nlohmann::json::object()}};
    auto& state = optimizer.state();
    for (std::size_t g = 0; g < optimizer.param_groups().size(); ++g) {
        auto& group = optimizer.param_groups()[g];
        const auto& o = static_cast<const torch::optim::AdamOptions&>(group.options());
        r.meta["groups"].push_back({{"params", group.params().size()},
                                    {"lr", o.lr()},
                                    {"betas", {std::get<0>(o.betas()), std::get<1>(o.betas())}},
                                    {"eps", o.eps()},
                                    {"weight_decay", o.weight_decay()},
                                    {"amsgrad", o.amsgrad()}});
        for (std::size_t i = 0; i < group.params().size(); ++i) {
            auto it = state.find(stateKey(state, group.params()[i]));
            if (it == state.end())
                continue;
            const auto& s = static_cast<const torch::optim::AdamParamState&>(*it->second);
            const std::string name = slot(g, i);
            r.meta["steps"][name] = s.step();
            r.tensors[name + ".exp_avg"] = cpuCopy(s.exp_avg());
            r.tensors[name + ".exp_avg_sq"] = cpuCopy(s.exp_avg_sq());
            if (s.max_exp_avg_sq().defined())
                r.tensors[name + ".max_exp_avg_sq"] = cpuCopy(s.max_exp_avg_sq());
        }
    }
    return r;
}

OptimizerRecord saveSgdState(torch::optim::SGD& optimizer)
{
    OptimizerRecord r;
    r.meta = {{"groups", nlohmann::json::array()}};
    auto& state = optimizer.state();
    for (std::size_t g = 0; g < optimizer.param_groups().size(); ++g) {
        auto& group = optimizer.param_groups()[g];
        const auto& o = static_cast<const torch::optim::SGDOptions&>(group.options());
        r.meta["groups"].push_back({{"params", group.params().size()},
                                    {"lr", o.lr()},
                                    {"momentum", o.momentum()},
                                    {"dampening", o.dampening()},
                                    {"weight_decay", o.weight_decay()},
                                    {"nesterov", o.nesterov()}});
        for (std::size_t i = 0; i < group.params().size(); ++i) {
            auto it = state.find(stateKey(state, group.params()[i]));
            if (it == state.end())
                continue;
            const auto& s = static_cast<const torch::optim::SGDParamState&>(*it->second);
            if (s.momentum_buffer().defined())
                r.tensors[slot(g, i) + ".momentum_buffer"] = cpuCopy(s.momentum_buffer());
        }
    }
    return r;
}

void loadAdamState(torch::optim::Adam& optimizer, const nlohmann::json& meta, const io::TensorMap& tensors)
{
    RecordReader in(meta, tensors, "the generator's optimizer state");
    in.setGroupCount(optimizer.param_groups().size());
    // Everything is read and checked before the optimizer is touched.
    std::vector<torch::optim::AdamOptions> options;
    std::vector<std::pair<torch::Tensor, std::unique_ptr<torch::optim::AdamParamState>>> states;
    for (std::size_t g = 0; g < optimizer.param_groups().size(); ++g) {
        const auto& params = optimizer.param_groups()[g].params();
        const nlohmann::json& entry = in.group(g, params.size());
        if (!entry.contains("betas") || !entry.at("betas").is_array() || entry.at("betas").size() != 2 ||
            !entry.at("betas")[0].is_number() || !entry.at("betas")[1].is_number())
            in.fail("option betas is not two numbers");
        const double b1 = entry.at("betas")[0].get<double>(), b2 = entry.at("betas")[1].get<double>();
        if (!(b1 >= 0 && b1 < 1) || !(b2 >= 0 && b2 < 1))
            in.fail("option betas is " + entry.at("betas").dump());
        options.push_back(torch::optim::AdamOptions(in.number(entry, "lr"))
                              .betas(std::make_tuple(b1, b2))
                              .eps(in.number(entry, "eps"))
                              .weight_decay(in.number(entry, "weight_decay"))
                              .amsgrad(in.flag(entry, "amsgrad")));
        for (std::size_t i = 0; i < params.size(); ++i) {
            const std::string name = slot(g, i);
            if (!in.has(name + ".exp_avg") && !in.has(name + ".exp_avg_sq"))
                continue; // no step taken for this parameter yet
            auto s = std::make_unique<torch::optim::AdamParamState>();
            s->step(in.step(name));
            s->exp_avg(in.tensor(name + ".exp_avg", params[i]));
            s->exp_avg_sq(in.tensor(name + ".exp_avg_sq", params[i]));
            if (options.back().amsgrad())
                s->max_exp_avg_sq(in.tensor(name + ".max_exp_avg_sq", params[i]));
            states.emplace_back(params[i], std::move(s));
        }
    }
    in.checkAllUsed();
    auto& state = optimizer.state();
    state.clear();
    for (std::size_t g = 0; g < options.size(); ++g) {
        auto& o = static_cast<torch::optim::AdamOptions&>(optimizer.param_groups()[g].options());
        o.lr(options[g].lr()).betas(options[g].betas()).eps(options[g].eps());
        o.weight_decay(options[g].weight_decay()).amsgrad(options[g].amsgrad());
    }
    for (auto& [param, s] : states)
        state[stateKey(state, param)] = std::move(s);
}

void loadSgdState(torch::optim::SGD& optimizer, const nlohmann::json& meta, const io::TensorMap& tensors)
{
    RecordReader in(meta, tensors, "the student's optimizer state");
    in.setGroupCount(optimizer.param_groups().size());
    std::vector<torch::optim::SGDOptions> options;
    std::vector<std::pair<torch::Tensor, std::unique_ptr<torch::optim::SGDParamState>>> states;
    for (std::size_t g = 0; g < optimizer.param_groups().size(); ++g) {
        const auto& params = optimizer.param_groups()[g].params();
        const nlohmann::json& entry = in.group(g, params.size());
        options.push_back(torch::optim::SGDOptions(in.number(entry, "lr"))
                              .momentum(in.number(entry, "momentum"))
                              .dampening(in.number(entry, "dampening"))
                              .weight_decay(in.number(entry, "weight_decay"))
                              .nesterov(in.flag(entry, "nesterov")));
        for (std::size_t i = 0; i < params.size(); ++i) {
            const std::string name = slot(g, i) + ".momentum_buffer";
            if (!in.has(name))
                continue;
            auto s = std::make_unique<torch::optim::SGDParamState>();
            s->momentum_buffer(in.tensor(name, params[i]));
            states.emplace_back(params[i], std::move(s));
        }
    }
    in.checkAllUsed();
    auto& state = optimizer.state();
    state.clear();
    for (std::size_t g = 0; g < options.size(); ++g) {
        auto& o = static_cast<torch::optim::SGDOptions&>(optimizer.param_groups()[g].options());
        o.lr(options[g].lr()).momentum(options[g].momentum()).dampening(options[g].dampening());
        o.weight_decay(options[g].weight_decay()).nesterov(options[g].nesterov());
    }
    for (auto& [param, s] : states)
        state[stateKey(state, param)] = std::move(s);
}

} // namespace zsq::engine
