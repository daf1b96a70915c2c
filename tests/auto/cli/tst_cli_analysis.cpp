// The analysis commands as a user runs them: zsq tsne, zsq layers and
// zsq suggest-bits write their files, the suggested config is accepted by
// zsq quantize, and bad input is a one-line error with exit code 2.
#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include "zsq_test_util.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "zsq_cli_runner.h"

using zsq::test::expectOneLineError;
using zsq::test::runZsq;

namespace {
nlohmann::json readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return nlohmann::json::parse(f.readAll().toStdString());
}
} // namespace

class TestCliAnalysis : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp;

private slots:
    void tsneWritesEmbeddingAndFigures()
    {
        const auto r = runZsq({"tsne", "--limit", "400", "--iterations", "200", "--output", tmp.filePath("tsne"),
                               "--quiet"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("10-NN class agreement"));
        QFile csv(tmp.filePath("tsne/tsne.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 401);
        const auto js = readJson(tmp.filePath("tsne/tsne.json"));
        QCOMPARE(js["points"].get<int>(), 400);
        QVERIFY(js["kl_divergence"].get<double>() > 0);
        expectOneLineError(runZsq({"tsne", "--limit", "50", "--perplexity", "60", "--output", tmp.filePath("x")}), 2,
                           "perplexity");
        expectOneLineError(runZsq({"tsne", "--limit", "50"}), 2, "--output");
    }

    void layersThenSuggestBitsThenQuantize()
    {
        const auto r = runZsq({"layers", "--limit", "250", "--candidates", "2,4,8", "--output", tmp.filePath("layers"),
                               "--quiet"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("features.init_block.conv"));
        const auto js = readJson(tmp.filePath("layers/layers.json"));
        QCOMPARE(js["states"][0]["layers"].size(), std::size_t(11));

        const QString cfg = tmp.filePath("mixed.json");
        const auto s = runZsq({"suggest-bits", "--budget", "4", "--layers", tmp.filePath("layers/layers.json"),
                               "--candidates", "2,4,8", "--limit", "250", "--output", cfg, "--quiet"});
        QVERIFY2(s.code == 0, qPrintable(s.err));
        QVERIFY(s.out.contains("uniform W4"));
        const auto run = readJson(cfg);
        QCOMPARE(run["layer_bits"].size(), std::size_t(11));
        double bits = 0, params = 0;
        for (const auto& l : js["states"][0]["layers"]) {
            bits += l["parameters"].get<double>() * run["layer_bits"][l["name"].get<std::string>()].get<int>();
            params += l["parameters"].get<double>();
        }
        QVERIFY(bits / params <= 4.0 + 1e-9);

        // zsq quantize takes the suggested config as it is.
        const auto q = runZsq({"quantize", "--config", cfg, "--method", "ptq", "--set",
                               "ptq.iterations=3,ptq.batch_size=8", "--output", tmp.filePath("q"), "--quiet"});
        QVERIFY2(q.code == 0, qPrintable(q.err));
        const auto params_ = readJson(tmp.filePath("q/quant_params.json"));
        QVERIFY(!params_.empty());

        expectOneLineError(runZsq({"layers", "--candidates", "2,x", "--output", tmp.filePath("y")}), 2, "2,x");
        expectOneLineError(runZsq({"suggest-bits", "--budget", "1", "--layers", tmp.filePath("layers/layers.json"),
                                   "--output", tmp.filePath("z.json")}),
                           2, "budget");
    }
};

QTEST_GUILESS_MAIN(TestCliAnalysis)
#include "tst_cli_analysis.moc"
