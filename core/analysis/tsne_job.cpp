#include "analysis/tsne_job.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "analysis/embedding_metrics.h"
#include "analysis/feature_extraction.h"
#include "analysis/pca.h"
#include "analysis/vp_tree.h"
#include "common/error.h"
#include "common/progress_meter.h"
#include "data/dataset_registry.h"
#include "io/atomic_file.h"
#include "io/model_file.h"
#include "config/preprocessing_keys.h"
#include "data/model_input.h"

namespace zsq::analysis {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

nlohmann::json perClassJson(const PerClassFigure& f)
{
    nlohmann::json per = nlohmann::json::array();
    for (double v : f.perClass)
        per.push_back(std::isnan(v) ? nlohmann::json() : nlohmann::json(v));
    return {{"mean", f.mean}, {"per_class", per}};
}

// Rows of `x` ([n, dims]) and labels belonging to source `s`.
void selectSource(const std::vector<float>& x, int dims, const std::vector<TsnePoint>& points, int s,
                  std::vector<float>& rows, std::vector<int>& labels)
{
    rows.clear();
    labels.clear();
    for (std::size_t i = 0; i < points.size(); ++i)
        if (points[i].source == s) {
            rows.insert(rows.end(), x.begin() + static_cast<std::ptrdiff_t>(i) * dims,
                        x.begin() + static_cast<std::ptrdiff_t>(i + 1) * dims);
            labels.push_back(points[i].label);
        }
}

} // namespace

TsneJobResult runTsneJob(const TsneJobConfig& config, EventSink& sink, const CancelToken* cancel,
                         const TsneCallback& onEmbedding)
{
    if (config.sources.empty())
        throw InputError("t-SNE: no samples to embed (give a dataset or a synthetic folder)");
    if (config.input != "features" && config.input != "pixels")
        throw InputError("t-SNE: --input must be 'features' or 'pixels', not '" + config.input + "'");
    const auto start = Clock::now();
    const io::LoadOptions options =
        config::loadOptionsFromJsonText(config.arch, config.preprocessingJson, "command line");
    io::LoadedModel loaded = io::loadModel(
        config.model.empty() || config.model == "demo" ? io::demoModelPath() : config.model, options);
    const models::ModelInfo& info = loaded.model->info();

    TsneJobResult result;
    std::vector<float> x;
    int dims = 0;
    for (std::size_t s = 0; s < config.sources.size(); ++s) {
        const TsneSource& src = config.sources[s];
        data::DatasetRequest dataRequest = data::datasetRequestFor(src.dataset, src.split, info);
        dataRequest.cancel = cancel;
        data::DatasetPtr ds = data::openDataset(dataRequest);
        if (ds->numClasses() != info.numClasses)
            throw InputError(src.name + ": the dataset has " + std::to_string(ds->numClasses()) +
                             " classes but the model has " + std::to_string(info.numClasses));
        sink.onMessage(LogLevel::Info, "t-SNE: " + std::string(config.input) + " of " + src.name + " (" + src.dataset +
                                           ")");
        FeatureSet f;
        if (config.input == "pixels") {
            f = pixelFeatures(*ds, src.limit);
        } else {
            FeatureRequest request;
            request.limit = src.limit;
            request.device = config.device;
            request.keepImages = config.keepImages;
            f = extractFeatures(*loaded.model, *ds, request, cancel);
        }
        if (dims && f.dims != dims)
            throw InputError(src.name + ": " + std::to_string(f.dims) + " feature dimensions, expected " +
                             std::to_string(dims));
        dims = f.dims;
        x.insert(x.end(), f.values.begin(), f.values.end());
        for (std::int64_t i = 0; i < f.n; ++i)
            result.points.push_back({static_cast<int>(s), f.labels[i], f.predictions.empty() ? -1 : f.predictions[i], i});
        result.thumbnails.insert(result.thumbnails.end(), f.thumbnails.begin(), f.thumbnails.end());
        result.channels = f.channels;
        result.height = f.height;
        result.width = f.width;
        result.sourceNames.push_back(src.name);
        if (result.classNames.empty())
            result.classNames = ds->classNames;
    }
    const auto n = static_cast<std::int64_t>(result.points.size());
    const double featureSeconds = since(start);
    checkpoint(cancel);

    // PCA first (the paper's and scikit-learn's usual pipeline): the VP tree
    // is fast in 50 dimensions, and noise directions are dropped.
    const auto pcaStart = Clock::now();
    std::vector<float> reduced;
    int reducedDims = dims;
    double explained = 1;
    if (config.pcaDims > 0 && dims > config.pcaDims) {
        PcaResult pca = principalComponents(x.data(), n, dims, config.pcaDims);
        reduced = std::move(pca.projected);
        reducedDims = pca.components;
        explained = pca.explainedVarianceRatio;
    } else {
        reduced = x;
    }
    const double pcaSeconds = since(pcaStart);

    ProgressMeter meter(sink, "t-SNE", config.tsne.iterations);
    TsneOptions tsneOptions = config.tsne;
    const TsneResult t = runTsne(
        reduced.data(), n, reducedDims, tsneOptions,
        [&](const TsneProgress& p) {
            meter.update(p.iteration, p.iteration == p.total);
            if (onEmbedding)
                onEmbedding(p);
        },
        cancel);
    result.embedding = t.embedding;

    // Figures beside the plot.
    const auto figStart = Clock::now();
    std::vector<int> labels(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
        labels[i] = result.points[i].label;
    const int classes = static_cast<int>(info.numClasses);
    const int k = static_cast<int>(std::min<std::int64_t>(config.neighbours, n - 1));
    nlohmann::json sources = nlohmann::json::object();
    // Neighbourhood figures are computed in the space t-SNE saw (after
    // PCA): a VP tree is fast there, while in hundreds of raw dimensions it
    // degenerates to a brute-force scan. Silhouettes and angles use the full
    // feature space.
    std::vector<float> rows, rowsReduced, rowsEmbedded;
    std::vector<int> sourceLabels;
    double onlySourcePreservation = -1;  // with one source, the overall figure is the same
    for (std::size_t s = 0; s < result.sourceNames.size(); ++s) {
        checkpoint(cancel);
        selectSource(x, dims, result.points, static_cast<int>(s), rows, sourceLabels);
        selectSource(reduced, reducedDims, result.points, static_cast<int>(s), rowsReduced, sourceLabels);
        selectSource(result.embedding, 2, result.points, static_cast<int>(s), rowsEmbedded, sourceLabels);
        const auto m = static_cast<std::int64_t>(sourceLabels.size());
        std::int64_t agree = 0;
        for (const auto& p : result.points)
            agree += p.source == static_cast<int>(s) && p.prediction == p.label;
        // Where the points came from, so that a kept embedding can be
        // computed again from the same sets (the GUI ticks them on restore).
        nlohmann::json js = {{"samples", m}, {"dataset", config.sources[s].dataset}, {"split", config.sources[s].split}};
        if (config.input == "features")
            js["prediction_matches_label"] = m ? static_cast<double>(agree) / static_cast<double>(m) : 0.0;
        if (m >= 2) {
            js["silhouette_features"] =
                perClassJson(silhouette(rows.data(), m, dims, sourceLabels, classes, config.silhouetteMaxPoints));
            js["silhouette_embedding"] = perClassJson(
                silhouette(rowsEmbedded.data(), m, 2, sourceLabels, classes, config.silhouetteMaxPoints));
            js["intra_class_angle_deg"] = perClassJson(intraClassAngle(rows.data(), m, dims, sourceLabels, classes));
        }
        if (m > k + 1) {
            const KnnGraph high = knnGraph(rowsReduced.data(), m, reducedDims, k);
            const KnnGraph low = knnGraph(rowsEmbedded.data(), m, 2, k);
            js["knn_class_agreement_features"] = knnClassAgreement(high, sourceLabels);
            js["knn_class_agreement_embedding"] = knnClassAgreement(low, sourceLabels);
            js["knn_preservation"] = knnPreservation(high, low);
            if (result.sourceNames.size() == 1)
                onlySourcePreservation = js["knn_preservation"].get<double>();
        }
        sources[result.sourceNames[s]] = js;
    }
    checkpoint(cancel);
    const double preservation =
        onlySourcePreservation >= 0 ? onlySourcePreservation
        : n > k + 1 ? knnPreservation(knnGraph(reduced.data(), n, reducedDims, k), knnGraph(result.embedding.data(), n, 2, k))
                    : 0;
    nlohmann::json klHistory = nlohmann::json::array();
    for (const auto& [iter, kl] : t.klHistory)
        klHistory.push_back({iter, kl});
    result.figures = {{"points", n},
                      {"input", config.input},
                      {"input_dims", dims},
                      {"pca_dims", reducedDims},
                      {"pca_explained_variance", explained},
                      {"perplexity", config.tsne.perplexity},
                      {"theta", config.tsne.theta},
                      {"iterations", t.iterations},
                      {"seed", config.tsne.seed},
                      {"kl_divergence", t.kl},
                      {"kl_history", klHistory},
                      {"neighbours", k},
                      {"neighbour_space", reducedDims < dims ? "pca" : "input"},
                      {"knn_preservation", preservation},
                      {"classes", result.classNames},
                      {"sources", sources},
                      {"seconds",
                       {{"features", featureSeconds},
                        {"pca", pcaSeconds},
                        {"affinities", t.affinitySeconds},
                        {"optimisation", t.optimiseSeconds},
                        {"tsne", t.affinitySeconds + t.optimiseSeconds},
                        {"figures", since(figStart)},
                        {"total", since(start)}}}};
    return result;
}

void writeTsneOutputs(const TsneJobResult& result, const std::string& dir)
{
    std::filesystem::create_directories(dir);
    std::ostringstream csv;
    csv << "source,index,label,class,prediction,x,y\n";
    csv.precision(7);
    for (std::size_t i = 0; i < result.points.size(); ++i) {
        const TsnePoint& p = result.points[i];
        const std::string cls =
            p.label >= 0 && p.label < static_cast<int>(result.classNames.size()) ? result.classNames[p.label] : "";
        csv << result.sourceNames[p.source] << ',' << p.index << ',' << p.label << ",\"" << cls << "\","
            << p.prediction << ',' << result.embedding[2 * i] << ',' << result.embedding[2 * i + 1] << '\n';
    }
    io::writeFileAtomically((std::filesystem::path(dir) / "tsne.csv").string(), csv.str());
    io::writeFileAtomically((std::filesystem::path(dir) / "tsne.json").string(), result.figures.dump(2) + "\n");
}

} // namespace zsq::analysis
