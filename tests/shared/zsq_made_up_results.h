#pragma once
// Analysis results as a large model and a real t-SNE would give them, made up
// so that the GUI layout suites need neither a data set nor a job.
#include <cmath>
#include <memory>
#include <string>

#include "analysis/layer_analysis.h"
#include "analysis/tsne_job.h"

namespace zsq::test {

// A per-layer result as a ResNet-50 would give: 54 layers with long names,
// before and after fine-tuning.
inline std::shared_ptr<zsq::analysis::LayerAnalysisResult> madeUpLayerResult()
{
    auto r = std::make_shared<zsq::analysis::LayerAnalysisResult>();
    r->arch = "resnet50";
    r->data = "fashion-mnist/test (2000 samples, top-1 against labels)";
    r->sensitivityData = "fashion-mnist/val (2000 samples, top-1 against labels)";
    r->dataSource = {"fashion-mnist", "test", 2000};
    r->sensitivitySource = {"fashion-mnist", "val", 2000};
    r->samples = 2000;
    r->abits = 4;
    for (const char* state : {"before", "after"}) {
        zsq::analysis::LayerStateReport s;
        s.state = state;
        s.fpTop1 = 92.46;
        s.quantTop1 = 90.1;
        s.averageWeightBits = 4;
        for (int i = 0; i < 54; ++i) {
            zsq::analysis::LayerFigures f;
            f.name = "features.stage" + std::to_string(i / 12 + 1) + ".unit" + std::to_string(i % 12 + 1) +
                     ".body.conv" + std::to_string(i % 3 + 1) + ".conv";
            f.kind = "conv";
            f.parameters = 1000 * (i + 1);
            f.bits = 4;
            f.singleTop1 = 92 - 0.01 * i;
            f.cumulativeTop1 = 92 - 0.05 * i;
            f.sqnrDb = 20 + i % 7;
            f.cosine = 0.99;
            f.sensitivity = {{2, 0.5}, {4, 0.05}, {8, 0.001}};
            s.layers.push_back(f);
        }
        r->states.push_back(s);
    }
    return r;
}

// A t-SNE as the screenshot script makes it: the ten Fashion-MNIST classes,
// real test samples and two runs' synthetic sets (three legend shapes), with
// the figures of every source.
inline std::shared_ptr<zsq::analysis::TsneJobResult> madeUpTsneResult()
{
    auto r = std::make_shared<zsq::analysis::TsneJobResult>();
    r->classNames = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                     "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
    r->sourceNames = {"real", "synthetic (lrq)", "synthetic (clusterq)"};
    nlohmann::json sources = nlohmann::json::object();
    int index = 0;
    for (int source = 0; source < 3; ++source) {
        const int samples = source == 0 ? 1000 : 300;
        for (int i = 0; i < samples; ++i, ++index) {
            const int label = i % 10;
            r->points.push_back({source, label, label, i});
            // Ten clusters on a circle, the synthetic sets nearer the middle.
            const float radius = source == 0 ? 40.0f : 15.0f;
            r->embedding.push_back(radius * std::cos(label * 0.628f) + static_cast<float>(i % 7));
            r->embedding.push_back(radius * std::sin(label * 0.628f) + static_cast<float>(i % 5));
        }
        sources[r->sourceNames[source]] = {{"samples", samples},
                                           {"silhouette_features", {{"mean", 0.425}}},
                                           {"silhouette_embedding", {{"mean", 0.56}}},
                                           {"intra_class_angle_deg", {{"mean", 17.9}}},
                                           {"knn_class_agreement_features", 0.89},
                                           {"knn_class_agreement_embedding", 0.889},
                                           {"knn_preservation", 0.632},
                                           {"prediction_matches_label", 0.938}};
    }
    r->figures = {{"points", index},
                  {"kl_divergence", 0.827},
                  {"knn_preservation", 0.551},
                  {"seconds", {{"total", 3.8}}},
                  {"sources", sources}};
    return r;
}

} // namespace zsq::test
