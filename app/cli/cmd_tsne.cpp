// zsq tsne: Barnes-Hut t-SNE of penultimate features (or pixels) of real and
// synthetic samples in one embedding; writes tsne.csv and tsne.json.
#include <cstdio>
#include <set>
#include <sstream>

#include "analysis/tsne_job.h"
#include "args.h"
#include "commands.h"
#include "preprocessing_options.h"
#include "common/error.h"
#include "console_sink.h"

namespace zsq::cli {

namespace {

// "DIR" or "NAME=DIR", comma separated.
std::vector<analysis::TsneSource> syntheticSources(const std::string& list, std::int64_t limit)
{
    std::vector<analysis::TsneSource> out;
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.empty())
            continue;
        analysis::TsneSource s;
        const auto eq = item.find('=');
        s.name = eq == std::string::npos ? "synthetic" + (out.empty() ? std::string() : std::to_string(out.size() + 1))
                                         : item.substr(0, eq);
        s.dataset = eq == std::string::npos ? item : item.substr(eq + 1);
        s.split = "test";
        s.limit = limit;
        out.push_back(s);
    }
    return out;
}

} // namespace

int runTsne(const ArgList& argv)
{
    std::set<std::string> valued = {"model", "arch", "input", "dataset", "split", "limit", "synthetic",
                                    "synthetic-limit", "perplexity", "theta", "iterations",
                                    "exaggeration-iterations", "learning-rate", "pca", "init", "seed", "device",
                                    "threads", "output", "neighbours"};
    valued.insert(preprocessingOptionNames().begin(), preprocessingOptionNames().end());
    Args args(argv, valued, {"help", "quiet"});
    if (args.flag("help")) {
        std::printf(
            "usage: zsq tsne [--model FILE] [--input features|pixels] [--dataset NAME|DIR|none] [--split test]\n"
            "                [--limit N] [--synthetic [NAME=]DIR,...] [--perplexity 30] [--theta 0.5]\n"
            "                [--iterations 1000] [--pca 50] [--init pca|random] [--seed 0] --output DIR\n"
            "  --model       model whose penultimate features are embedded (default: the demo model;\n"
            "                a quantized .zsq gives the student's features)\n"
            "  --input       features (default) or pixels (raw images, the classic benchmark)\n"
            "  --dataset     real evaluation samples (default fashion-mnist; none = synthetic only)\n"
            "  --synthetic   folders of synthetic images in class sub-folders (quantize's\n"
            "                export.synthetic_per_class writes one), embedded with the real samples\n"
            "  --theta       Barnes-Hut accuracy; 0 = exact t-SNE (O(N^2), small N only)\n"
            "  --pca         reduce to this many dimensions first (0 = no PCA)\n"
            "writes DIR/tsne.csv (source,index,label,class,prediction,x,y) and DIR/tsne.json (figures)\n");
        return 0;
    }
    applyThreads(args.getInt("threads", 0));
    analysis::TsneJobConfig c;
    c.model = args.get("model", "");
    c.arch = args.get("arch", "");
    if (const nlohmann::json pre = preprocessingConfigFromArgs(args); !pre.empty())
        c.preprocessingJson = pre.dump();
    c.input = args.get("input", "features");
    c.device = args.get("device", "auto");
    c.pcaDims = static_cast<int>(args.getInt("pca", 50));
    c.neighbours = static_cast<int>(args.getInt("neighbours", 10));
    const std::string dataset = args.get("dataset", "fashion-mnist");
    if (dataset != "none")
        c.sources.push_back({"real", dataset, args.get("split", "test"), args.getInt("limit", 0)});
    for (auto& s : syntheticSources(args.get("synthetic", ""), args.getInt("synthetic-limit", 0)))
        c.sources.push_back(s);
    c.tsne.perplexity = args.getDouble("perplexity", 30);
    c.tsne.theta = args.getDouble("theta", 0.5);
    c.tsne.iterations = static_cast<int>(args.getInt("iterations", 1000));
    c.tsne.exaggerationIterations =
        static_cast<int>(args.getInt("exaggeration-iterations", std::min(250, c.tsne.iterations / 4)));
    c.tsne.learningRate = args.getDouble("learning-rate", 0);
    const std::string init = args.get("init", "pca");
    if (init != "pca" && init != "random")
        throw InputError("--init must be pca or random");
    c.tsne.pcaInit = init == "pca";
    c.tsne.seed = static_cast<std::uint64_t>(args.getInt("seed", 0));
    c.tsne.reportEvery = 50;
    const auto output = args.get("output");
    if (!output)
        throw InputError("--output DIR is required (tsne.csv and tsne.json are written there)");

    ConsoleSink sink(args.flag("quiet"));
    const analysis::TsneJobResult r = analysis::runTsneJob(c, sink);
    analysis::writeTsneOutputs(r, *output);
    const auto& f = r.figures;
    std::printf("points: %lld (%s, %d dims -> PCA %d)\n", f["points"].get<long long>(), c.input.c_str(),
                f["input_dims"].get<int>(), f["pca_dims"].get<int>());
    std::printf("t-SNE: %.2f s (affinities %.2f s, optimisation %.2f s), KL %.4f\n",
                f["seconds"]["tsne"].get<double>(), f["seconds"]["affinities"].get<double>(),
                f["seconds"]["optimisation"].get<double>(), f["kl_divergence"].get<double>());
    std::printf("%d-NN preservation (input space -> embedding): %.4f\n", f["neighbours"].get<int>(),
                f["knn_preservation"].get<double>());
    for (const auto& [name, s] : f["sources"].items()) {
        std::printf("%s: %lld samples", name.c_str(), s["samples"].get<long long>());
        if (s.contains("knn_class_agreement_features"))
            std::printf(", %d-NN class agreement %.2f %% (features) / %.2f %% (embedding)", f["neighbours"].get<int>(),
                        100 * s["knn_class_agreement_features"].get<double>(),
                        100 * s["knn_class_agreement_embedding"].get<double>());
        if (s.contains("silhouette_features"))
            std::printf(", silhouette %.3f / %.3f, intra-class angle %.1f deg",
                        s["silhouette_features"]["mean"].get<double>(),
                        s["silhouette_embedding"]["mean"].get<double>(),
                        s["intra_class_angle_deg"]["mean"].get<double>());
        std::printf("\n");
    }
    std::printf("wrote %s/tsne.csv and tsne.json\n", output->c_str());
    return 0;
}

} // namespace zsq::cli
