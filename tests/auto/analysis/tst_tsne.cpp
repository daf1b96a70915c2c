// Barnes-Hut t-SNE and the class/neighbourhood figures: the building blocks
// against brute force, BH against exact t-SNE, neighbourhoods of real
// Fashion-MNIST teacher features kept, determinism, callbacks, cancellation
// and bad input.
#include <cmath>
#include <random>

#include "analysis/embedding_metrics.h"
#include "analysis/feature_extraction.h"
#include "analysis/pca.h"
#include "analysis/quadtree.h"
#include "analysis/tsne.h"
#include "analysis/tsne_job.h"
#include "analysis/vp_tree.h"
#include "common/cancel.h"
#include "common/runtime.h"
#include "data/dataset_registry.h"
#include "io/model_file.h"
#include "zsq_test_util.h"

using namespace zsq;
using namespace zsq::analysis;

namespace {

std::vector<float> randomMatrix(std::int64_t n, int dims, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    std::vector<float> x(static_cast<std::size_t>(n * dims));
    for (auto& v : x)
        v = normal(rng);
    return x;
}

// Teacher (demo model) features of the first n Fashion-MNIST test images.
FeatureSet teacherFeatures(std::int64_t n)
{
    io::LoadedModel m = io::loadModel(io::demoModelPath());
    data::DatasetPtr ds = data::openDataset({"fashion-mnist", "test", m.model->info().inputSize});
    FeatureRequest r;
    r.limit = n;
    r.device = "cpu";
    return extractFeatures(*m.model, *ds, r);
}

} // namespace

class TestTsne : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureThreads(0); }

    void vpTreeFindsTheExactNeighbours()
    {
        const std::int64_t n = 600;
        const int dims = 7, k = 9;
        const std::vector<float> x = randomMatrix(n, dims, 1);
        const KnnGraph g = knnGraph(x.data(), n, dims, k, 3);
        for (std::int64_t i = 0; i < n; ++i) {
            std::vector<std::pair<double, std::int64_t>> all;
            for (std::int64_t j = 0; j < n; ++j) {
                if (j == i)
                    continue;
                double s = 0;
                for (int d = 0; d < dims; ++d)
                    s += std::pow(double(x[i * dims + d]) - x[j * dims + d], 2);
                all.emplace_back(std::sqrt(s), j);
            }
            std::sort(all.begin(), all.end());
            for (int m = 0; m < k; ++m) {
                QCOMPARE(g.indices[i * k + m], all[m].second);
                QVERIFY(std::abs(g.distances[i * k + m] - all[m].first) < 1e-9);
            }
        }
    }

    void quadTreeWithThetaZeroIsExactAndBarnesHutIsClose()
    {
        const std::int64_t n = 500;
        std::vector<float> f = randomMatrix(n, 2, 2);
        std::vector<double> y(f.begin(), f.end());
        y[2] = y[0];  // a duplicate point must not break the tree
        y[3] = y[1];
        const QuadTree tree(y.data(), n);
        double worst = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            double exactF[2] = {0, 0}, z = 0;
            for (std::int64_t j = 0; j < n; ++j) {
                if (j == i)
                    continue;
                const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                const double q = 1 / (1 + dx * dx + dy * dy);
                z += q;
                exactF[0] += q * q * dx;
                exactF[1] += q * q * dy;
            }
            double f0[2] = {0, 0};
            const double z0 = tree.repulsion(i, y.data(), 0.0, f0);
            QVERIFY(std::abs(z0 - z) < 1e-9 * z);
            QVERIFY(std::abs(f0[0] - exactF[0]) < 1e-9 && std::abs(f0[1] - exactF[1]) < 1e-9);
            double f5[2] = {0, 0};
            const double z5 = tree.repulsion(i, y.data(), 0.5, f5);
            worst = std::max(worst, std::abs(z5 - z) / z);
        }
        QVERIFY2(worst < 0.02, qPrintable(QString::number(worst)));
    }

    void pcaRecoversTheDominantDirection()
    {
        // Points along (3, 4)/5 with small noise: the first component is that
        // direction (sign fixed: largest loading positive).
        const std::int64_t n = 400;
        std::vector<float> x(static_cast<std::size_t>(n * 2));
        std::mt19937 rng(4);
        std::normal_distribution<float> normal;
        for (std::int64_t i = 0; i < n; ++i) {
            const float t = normal(rng) * 10, e = normal(rng) * 0.1f;
            x[2 * i] = 0.6f * t - 0.8f * e + 5;
            x[2 * i + 1] = 0.8f * t + 0.6f * e - 2;
        }
        const PcaResult p = principalComponents(x.data(), n, 2, 1);
        QCOMPARE(p.components, 1);
        QVERIFY(p.explainedVarianceRatio > 0.999);
        double dot = 0, nx = 0, np = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            const double t = (x[2 * i] - 5) * 0.6 + (x[2 * i + 1] + 2) * 0.8;
            dot += t * p.projected[i];
            nx += t * t;
            np += double(p.projected[i]) * p.projected[i];
        }
        QVERIFY(dot / std::sqrt(nx * np) > 0.999);
    }

    void metricsOnSeparatedAndMixedClusters()
    {
        // Two tight far-apart clusters: silhouette near 1, perfect agreement.
        const std::int64_t n = 200;
        std::vector<float> x = randomMatrix(n, 3, 5);
        std::vector<int> labels(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) {
            labels[i] = i % 2;
            for (int d = 0; d < 3; ++d)
                x[i * 3 + d] = x[i * 3 + d] * 0.05f + (labels[i] ? 10.0f : 0.0f);
        }
        const PerClassFigure s = silhouette(x.data(), n, 3, labels, 2);
        QVERIFY(s.mean > 0.95);
        QCOMPARE(knnClassAgreement(x.data(), n, 3, labels, 5), 1.0);
        QCOMPARE(knnPreservation(x.data(), 3, x.data(), 3, n, 5), 1.0);
        // Random labels on one blob: silhouette near 0 or below, agreement ~0.5.
        std::vector<float> blob = randomMatrix(n, 3, 6);
        const PerClassFigure mixed = silhouette(blob.data(), n, 3, labels, 2);
        QVERIFY(mixed.mean < 0.05);
        // Angle to the class mean: points at 0 and 90 degrees around (1, 1).
        std::vector<float> two{1, 0, 0, 1};
        const PerClassFigure a = intraClassAngle(two.data(), 2, 2, {0, 0}, 1);
        QVERIFY(std::abs(a.mean - 45.0) < 1e-6);
    }

    void barnesHutMatchesExactTsneOn2000Points()
    {
        const FeatureSet f = teacherFeatures(2000);
        TsneOptions o;
        o.seed = 1;
        o.theta = 0.5;
        const TsneResult bh = runTsne(f.values.data(), f.n, f.dims, o);
        o.theta = 0;
        const TsneResult exact = runTsne(f.values.data(), f.n, f.dims, o);
        // One objective for both: KL against the dense (exact) affinities.
        const double klBh = tsneKl(f.values.data(), f.n, f.dims, bh.embedding, o.perplexity, true);
        const double klExact = tsneKl(f.values.data(), f.n, f.dims, exact.embedding, o.perplexity, true);
        qInfo("2000 teacher features, KL against dense P: exact t-SNE %.4f (%.1f s), Barnes-Hut %.4f (%.1f s; "
              "%.4f against its own sparse P)",
              klExact, exact.affinitySeconds + exact.optimiseSeconds, klBh, bh.affinitySeconds + bh.optimiseSeconds,
              bh.kl);
        QVERIFY2(std::abs(klBh - klExact) / klExact < 0.05, qPrintable(QString::number(klBh / klExact)));
        QVERIFY(std::abs(exact.kl - klExact) < 1e-9);
    }

    void embeddingKeepsTheClassNeighbourhoodsOfRealFeatures()
    {
        const FeatureSet f = teacherFeatures(5000);
        TsneOptions o;
        o.seed = 3;
        const TsneResult r = runTsne(f.values.data(), f.n, f.dims, o);
        const double inFeatures = knnClassAgreement(f.values.data(), f.n, f.dims, f.labels, 10);
        const double inEmbedding = knnClassAgreement(r.embedding.data(), f.n, 2, f.labels, 10);
        qInfo("5000 teacher features: 10-NN class agreement %.2f %% in feature space, %.2f %% in the embedding, KL %.3f",
              100 * inFeatures, 100 * inEmbedding, r.kl);
        QVERIFY(inFeatures > 0.85);
        QVERIFY2(inEmbedding > inFeatures - 0.02, qPrintable(QString::number(inEmbedding)));
        // The KL estimates along the way decrease after early exaggeration.
        QVERIFY(r.klHistory.back().second < r.klHistory[5].second);
    }

    void deterministicForASeedWhateverTheThreadCount()
    {
        const std::vector<float> x = randomMatrix(800, 10, 7);
        TsneOptions o;
        o.iterations = 300;
        o.exaggerationIterations = 100;
        o.seed = 11;
        o.pcaInit = false;
        configureThreads(1);
        const TsneResult one = runTsne(x.data(), 800, 10, o);
        configureThreads(2);
        const TsneResult two = runTsne(x.data(), 800, 10, o);
        configureThreads(0);
        QVERIFY(one.embedding == two.embedding);
        o.seed = 12;
        const TsneResult other = runTsne(x.data(), 800, 10, o);
        QVERIFY(other.embedding != one.embedding);
    }

    void callbackSeesTheEmbeddingAndCancellationStopsPromptly()
    {
        const std::vector<float> x = randomMatrix(1500, 10, 8);
        TsneOptions o;
        o.reportEvery = 5;
        CancelToken token;
        int calls = 0, lastIteration = 0;
        bool shapeOk = true;
        bool cancelled = false;
        try {
            runTsne(x.data(), 1500, 10, o,
                    [&](const TsneProgress& p) {
                        ++calls;
                        lastIteration = p.iteration;
                        shapeOk = shapeOk && p.embedding && p.embedding->size() == 3000 && p.total == 1000;
                        if (p.iteration == 20)
                            token.cancel();
                    },
                    &token);
        } catch (const Cancelled&) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        QVERIFY(shapeOk);
        QCOMPARE(calls, 4);          // iterations 5, 10, 15, 20
        QCOMPARE(lastIteration, 20); // nothing ran past the next iteration's check
    }

    void badInputIsAnInputError()
    {
        std::string msg;
        std::vector<float> x = randomMatrix(50, 3, 9);
        ZSQ_EXPECT_INPUT_ERROR(runTsne(x.data(), 3, 3, TsneOptions{}), msg);
        TsneOptions big;
        big.perplexity = 60;  // above the 49 neighbours 50 points have
        ZSQ_EXPECT_INPUT_ERROR(runTsne(x.data(), 50, 3, big), msg);
        QVERIFY2(msg.find("perplexity") != std::string::npos, msg.c_str());
        x[7] = std::nanf("");
        TsneOptions small;
        small.perplexity = 5;
        ZSQ_EXPECT_INPUT_ERROR(runTsne(x.data(), 50, 3, small), msg);
        QVERIFY2(msg.find("NaN") != std::string::npos, msg.c_str());
    }

    void jobEmbedsRealSamplesAndWritesItsFiles()
    {
        TsneJobConfig c;
        c.sources.push_back({"real", "fashion-mnist", "test", 600});
        c.tsne.iterations = 300;
        c.tsne.exaggerationIterations = 100;
        c.device = "cpu";
        const TsneJobResult r = runTsneJob(c);
        QCOMPARE(r.points.size(), std::size_t(600));
        QCOMPARE(r.embedding.size(), std::size_t(1200));
        QCOMPARE(r.classNames.size(), std::size_t(10));
        const auto& s = r.figures["sources"]["real"];
        QVERIFY(s["prediction_matches_label"].get<double>() > 0.85);  // the demo teacher's accuracy
        QCOMPARE(s["silhouette_features"]["per_class"].size(), std::size_t(10));
        QVERIFY(s["intra_class_angle_deg"]["mean"].get<double>() > 0);
        QCOMPARE(s["dataset"].get<std::string>(), std::string("fashion-mnist"));
        QCOMPARE(s["split"].get<std::string>(), std::string("test"));
        QTemporaryDir dir;
        writeTsneOutputs(r, dir.path().toStdString());
        QFile csv(dir.filePath("tsne.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 601);
        QVERIFY(QFile::exists(dir.filePath("tsne.json")));
    }
};

QTEST_GUILESS_MAIN(TestTsne)
#include "tst_tsne.moc"
