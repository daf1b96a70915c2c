// zsq suggest-bits: per-layer weight bit widths under an average-bit budget
// (knapsack over the per-layer sensitivities), checked against uniform bits
// of the same size, written as a run config for `zsq quantize --config`.
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "analysis/bit_allocation.h"
#include "common/bounded_json.h"
#include "commands.h"
#include "common/error.h"
#include "console_sink.h"
#include "io/atomic_file.h"
#include "layer_options.h"

namespace zsq::cli {

namespace {

// Bit widths the quantizers implement; anything else in a file or option is
// refused before the allocation indexes its tables with it.
constexpr int kMinBits = 1;
constexpr int kMaxBits = 16;

int bitWidthOf(const std::string& text, const std::string& where)
{
    int bits = 0;
    try {
        std::size_t used = 0;
        bits = std::stoi(text, &used);
        if (used != text.size())
            throw std::invalid_argument(text);
    } catch (const std::exception&) {
        throw InputError(where + ": '" + text + "' is not a bit width");
    }
    if (bits < kMinBits || bits > kMaxBits)
        throw InputError(where + ": bit width " + std::to_string(bits) + " is outside " + std::to_string(kMinBits) +
                         ".." + std::to_string(kMaxBits));
    return bits;
}

// Sensitivities of the "before" state of a layers.json written by `zsq layers`.
std::vector<analysis::LayerCost> costsFromFile(const std::string& path, std::vector<std::string>& names)
{
    const std::vector<char> bytes = io::readWholeFile(path, 256u << 20);
    nlohmann::json js;
    try {
        js = parseBoundedJson(bytes.data(), bytes.data() + bytes.size());
        std::vector<analysis::LayerCost> costs;
        for (const auto& l : js.at("states").at(0).at("layers")) {
            analysis::LayerCost c;
            const std::string name = l.at("name").get<std::string>();
            const std::int64_t parameters = l.at("parameters").get<std::int64_t>();
            if (parameters < 0 || parameters > (std::int64_t(1) << 40))
                throw InputError(path + ": layer " + name + " has " + std::to_string(parameters) + " parameters");
            c.parameters = parameters;
            for (const auto& [bits, v] : l.at("sensitivity_kl").items()) {
                const double s = v.get<double>();
                if (!std::isfinite(s))
                    throw InputError(path + ": layer " + name + " has a non-finite sensitivity for " + bits + " bits");
                c.sensitivity[bitWidthOf(bits, path + ": layer " + name)] = s;
            }
            if (c.sensitivity.empty())
                throw InputError(path + ": layer " + name + " has no sensitivities (sensitivity_kl)");
            names.push_back(name);
            costs.push_back(c);
        }
        if (costs.empty())
            throw InputError(path + " lists no layers");
        return costs;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(path + " is not a layers.json written by zsq layers (" + firstLine(e.what()) + ")");
    } catch (const InputError& e) {
        const std::string what = e.what();
        // parseBoundedJson's refusals do not name the file.
        throw InputError(what.rfind(path, 0) == 0 ? what : path + ": " + what);
    }
}

} // namespace

int runSuggestBits(const ArgList& argv)
{
    auto valued = layerValuedOptions();
    valued.insert({"budget", "layers", "output", "method", "sensitivity-data"});
    Args args(argv, valued, layerFlagOptions());
    if (args.flag("help")) {
        std::printf("usage: zsq suggest-bits --budget 4.0 [options] --output RUN.json\n"
                    "Chooses per-layer weight bits from the candidates that minimise the summed KL sensitivity\n"
                    "with an average weight width <= budget, measures the result against uniform bits of the\n"
                    "same size (fully quantized, no fine-tuning), and writes a run config for\n"
                    "`zsq quantize --config RUN.json`.\n%s"
                    "  --budget B          average weight bits (e.g. 4.0)\n"
                    "  --layers FILE       reuse the sensitivities of a layers.json from `zsq layers`\n"
                    "  --sensitivity-data none|NAME  data for the sensitivities: none (default) = ZeroQ-distilled\n"
                    "                      inputs; a dataset name uses its val split (never the test set)\n"
                    "  --method NAME       method written into the run config (default lrq)\n",
                    layerOptionsHelp());
        return 0;
    }
    const auto output = args.get("output");
    if (!output)
        throw InputError("--output RUN.json is required");
    const double budget = args.getDouble("budget", 4.0);
    if (!(budget > 0) || !std::isfinite(budget))
        throw InputError("--budget must be a positive number of average weight bits");
    analysis::LayerAnalysisConfig c = layerConfigFrom(args);
    for (int b : c.candidateBits)
        bitWidthOf(std::to_string(b), "--candidates");
    ConsoleSink sink(args.flag("quiet"));

    std::vector<std::string> names;
    std::vector<analysis::LayerCost> costs;
    std::string sensitivitySource;
    if (auto file = args.get("layers")) {
        costs = costsFromFile(*file, names);
    } else {
        // Sensitivities from ZeroQ-distilled data by default (zero-shot, and
        // never the test set the result is then measured on), or from the
        // validation split of a dataset.
        analysis::LayerAnalysisConfig s = c;
        s.dataset = args.get("sensitivity-data", "none");
        s = analysis::sensitivityConfig(s);
        const analysis::LayerAnalysisResult r = analysis::runLayerAnalysis(s, sink);
        sensitivitySource = r.data;
        for (const auto& l : r.states.at(0).layers) {
            names.push_back(l.name);
            costs.push_back({l.parameters, l.sensitivity});
        }
    }
    const analysis::BitAllocation a = analysis::allocateBits(costs, budget);

    // Uniform bits of at most the same size: the largest candidate <= budget.
    int uniform = 0;
    for (int b : c.candidateBits)
        if (b <= budget + 1e-9)
            uniform = std::max(uniform, b);
    double uniformSensitivity = 0;
    if (uniform)
        for (const auto& l : costs)
            uniformSensitivity += l.sensitivity.count(uniform) ? l.sensitivity.at(uniform) : NAN;

    analysis::LayerAnalysisConfig e = c;
    e.perLayer = false;
    e.sensitivity = false;
    e.quantized.clear();
    for (std::size_t i = 0; i < names.size(); ++i)
        e.layerWbits[names[i]] = a.bits[i];
    const analysis::LayerAnalysisResult mixed = analysis::runLayerAnalysis(e, sink);
    double uniformTop1 = NAN;
    if (uniform) {
        e.layerWbits.clear();
        e.wbits = uniform;
        uniformTop1 = analysis::runLayerAnalysis(e, sink).states.at(0).quantTop1;
    }

    nlohmann::json layerBits = nlohmann::json::object();
    for (std::size_t i = 0; i < names.size(); ++i)
        layerBits[names[i]] = a.bits[i];
    nlohmann::json runConfig = {{"model", c.model},
                                {"method", args.get("method", "lrq")},
                                {"wbits", uniform ? uniform : static_cast<int>(std::floor(budget))},
                                {"abits", c.abits},
                                {"per_channel", c.perChannel},
                                {"layer_bits", layerBits}};
    if (!c.arch.empty())
        runConfig["arch"] = c.arch;
    if (!c.preprocessingJson.empty())
        runConfig["preprocessing"] = nlohmann::json::parse(c.preprocessingJson).at("preprocessing");
    if (c.dataset != "fashion-mnist")
        runConfig["dataset"] = c.dataset;
    io::writeFileAtomically(*output, runConfig.dump(2) + "\n");

    std::printf("budget %.2f average weight bits; sensitivities from %s; accuracy measured on %s\n", budget,
                args.get("layers") ? args.get("layers")->c_str() : sensitivitySource.c_str(), mixed.data.c_str());
    std::printf("%-40s %9s %5s\n", "layer", "params", "bits");
    for (std::size_t i = 0; i < names.size(); ++i)
        std::printf("%-40s %9lld %5d\n", names[i].c_str(), static_cast<long long>(costs[i].parameters), a.bits[i]);
    const auto& m = mixed.states.at(0);
    std::printf("mixed:       %.3f average bits, summed KL sensitivity %.4f, W-mixed A%d top-1 %.2f %%\n",
                a.averageBits, a.sensitivity, c.abits, m.quantTop1);
    if (uniform)
        std::printf("uniform W%d:  %.3f average bits, summed KL sensitivity %.4f, W%dA%d top-1 %.2f %%\n", uniform,
                    static_cast<double>(uniform), uniformSensitivity, uniform, c.abits, uniformTop1);
    std::printf("(no fine-tuning: weights quantized as they are, activation ranges calibrated on %lld samples;"
                " FP %.2f %%)\n",
                static_cast<long long>(std::min(c.calibrationSamples, m.layers.empty() ? 0 : mixed.samples)),
                m.fpTop1);
    std::printf("wrote %s (zsq quantize --config %s)\n", output->c_str(), output->c_str());
    return 0;
}

} // namespace zsq::cli
