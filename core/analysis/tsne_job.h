#pragma once
// One t-SNE analysis as the CLI (`zsq tsne`) and the GUI's t-SNE view run
// it: penultimate features of a model on real evaluation samples and on any
// number of synthetic sets (folders of images per class, e.g. a run's
// exported synthetic data), embedded together so they can be compared,
// plus the figures that go beside the plot. Torch-free header.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/tsne.h"
#include "common/cancel.h"
#include "common/events.h"

namespace zsq::analysis {

struct TsneSource {
    std::string name;        // "real", or the synthetic set's name (e.g. "lrq")
    std::string dataset;     // dataset name or folder
    std::string split = "test";
    std::int64_t limit = 0;  // 0 = all
};

struct TsneJobConfig {
    std::string model;               // model file ("" or "demo": the shipped one)
    std::string arch;                // "" = detect
    std::string preprocessingJson;   // overrides, run config form ({"preprocessing": {...}}); "" = none
    std::string input = "features";  // "features" (penultimate layer) or "pixels"
    std::vector<TsneSource> sources;
    int pcaDims = 50;                // 0 = no PCA
    TsneOptions tsne;
    std::string device = "auto";
    int neighbours = 10;             // k of the neighbourhood figures
    std::int64_t silhouetteMaxPoints = 3000;  // O(N^2 dims): a strided subset above this
    bool keepImages = false;         // thumbnails for hover previews
};

struct TsnePoint {
    int source = 0;                  // index into sources
    int label = 0;
    int prediction = -1;             // -1 for pixel input
    std::int64_t index = 0;          // index within its source
};

struct TsneJobResult {
    std::vector<TsnePoint> points;
    std::vector<float> embedding;    // [points, 2]
    std::vector<std::string> sourceNames;
    std::vector<std::string> classNames;
    std::vector<float> thumbnails;   // [points, c, h, w] when keepImages
    int channels = 0, height = 0, width = 0;
    nlohmann::json figures;          // KL, times, silhouettes, angles, kNN figures
};

// `onEmbedding` receives the current embedding every options.reportEvery
// iterations (on the calling thread). Progress and messages go to `sink`.
TsneJobResult runTsneJob(const TsneJobConfig& config, EventSink& sink = nullSink(),
                         const CancelToken* cancel = nullptr, const TsneCallback& onEmbedding = {});

// Writes tsne.csv (source, index, label, prediction, x, y) and tsne.json
// (figures and config) into `dir`, atomically.
void writeTsneOutputs(const TsneJobResult& result, const std::string& dir);

} // namespace zsq::analysis
