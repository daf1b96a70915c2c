// The generative pipeline: losses against hand-computed values, each method
// runs, cancel + resume reproduces the uninterrupted run bit for bit on the
// CPU, and a diverging run stops cleanly keeping its last good checkpoint.
#include <torch/torch.h>

#include "common/host_allocator.h"
#include "common/runtime.h"
#include "engine/zsq_trainer.h"
#include "io/atomic_file.h"
#include "io/model_file.h"
#include "methods/clusterq.h"
#include "methods/losses.h"
#include "models/zoo.h"
#include "zsq_test_util.h"

#include <QTemporaryDir>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <QtTest>

using namespace zsq;

namespace {

engine::TrainerConfig tinyConfig()
{
    engine::TrainerConfig c;
    c.epochs = 2;
    c.iterationsPerEpoch = 4;
    c.batchSize = 16;
    c.warmupEpochs = 1;
    c.calibrationEpochs = 1;
    c.studentLr = 1e-3;
    c.lrSteps = {1};
    c.imageEvery = 2;
    return c;
}

quant::QuantConfig w4a4()
{
    quant::QuantConfig q;
    q.wbits = 4;
    q.abits = 4;
    return q;
}

// Cancels the run once it has reported `stopAt` iterations.
class CancelAfter : public EventSink {
public:
    CancelAfter(CancelToken& token, std::int64_t stopAt) : token_(token), stopAt_(stopAt) {}
    void onLosses(std::int64_t iteration, const std::map<std::string, double>& values) override
    {
        for (const auto& [name, v] : values)
            if (!std::isfinite(v))
                ++nonFinite;
        losses.insert(values.begin(), values.end());
        if (iteration + 1 == stopAt_)
            token_.cancel();
    }
    void onImages(const ImageBatch& b) override { ++images; lastImages = b; }
    int images = 0;
    int nonFinite = 0;
    ImageBatch lastImages;
    std::map<std::string, double> losses;

private:
    CancelToken& token_;
    std::int64_t stopAt_;
};

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private:
    models::ModelPtr teacher;

    std::unique_ptr<engine::ZsqTrainer> makeTrainer(const std::string& method, const engine::TrainerConfig& c,
                                                    EventSink& sink, const CancelToken* cancel)
    {
        return std::make_unique<engine::ZsqTrainer>(models::cloneModel(*teacher), models::cloneModel(*teacher),
                                                    methods::makeMethod(method, methods::MethodOptions{}), w4a4(), c,
                                                    torch::kCPU, nullptr, sink, cancel);
    }

private slots:
    void initTestCase()
    {
        configureThreads(0);
        teacher = io::loadModel(io::demoModelPath()).model;
    }

    void kdAndDkdAgainstHandValues()
    {
        // Equal logits: no distillation signal.
        torch::Tensor s = torch::tensor({{1.0, 2.0, 0.5}}), y = torch::tensor({1}, torch::kLong);
        QVERIFY(methods::kdLoss(s, s, 4, methods::KlReduction::BatchMean).item<double>() < 1e-9);
        methods::DkdTerms same = methods::dkdLoss(s, s, y, 4);
        QVERIFY(same.tckd.item<double>() < 1e-9 && same.nckd.item<double>() < 1e-9);
        // T = 1, student uniform over 3 classes, teacher logits (ln 2, ln 4, ln 2): p_t = (.25, .5, .25).
        torch::Tensor su = torch::zeros({1, 3});
        torch::Tensor t = torch::tensor({{std::log(2.0), std::log(4.0), std::log(2.0)}});
        // TCKD: KL([.5, .5] || [1/3, 2/3]); NCKD: KL([.5, .5] || [.5, .5]) = 0.
        const double tckd = 0.5 * std::log(0.5 / (1.0 / 3)) + 0.5 * std::log(0.5 / (2.0 / 3));
        methods::DkdTerms d = methods::dkdLoss(su, t, y, 1.0);
        QVERIFY2(std::abs(d.tckd.item<double>() - tckd) < 1e-6, qPrintable(QString::number(d.tckd.item<double>())));
        QVERIFY(std::abs(d.nckd.item<double>()) < 1e-6);
        // Hinton KD, 'mean' divides by batch x classes, 'batchmean' by batch.
        const double kl = 0.25 * std::log(0.25 * 3) * 2 + 0.5 * std::log(0.5 * 3);
        QVERIFY(std::abs(methods::kdLoss(su, t, 1, methods::KlReduction::BatchMean).item<double>() - kl) < 1e-6);
        QVERIFY(std::abs(methods::kdLoss(su, t, 1, methods::KlReduction::Mean).item<double>() - kl / 3) < 1e-6);
    }

    void amaMarginMovesOnlyTheTarget()
    {
        torch::Tensor f = torch::tensor({{1.0, 0.0}, {0.0, 2.0}});
        torch::Tensor w = torch::tensor({{1.0, 1.0}, {0.0, 1.0}});
        torch::Tensor y = torch::tensor({0, 1}, torch::kLong);
        torch::Tensor plain = methods::amaLogits(f, w, y, 10.0, 0.0);
        torch::Tensor margin = methods::amaLogits(f, w, y, 10.0, 0.3);
        // sample 0: angle to class 0 is 45 degrees
        QVERIFY(std::abs(plain[0][0].item<double>() - 10 * std::cos(M_PI / 4)) < 1e-4);
        QVERIFY(std::abs(margin[0][0].item<double>() - 10 * std::cos(M_PI / 4 + 0.3)) < 1e-4);
        QVERIFY(std::abs(margin[0][1].item<double>() - plain[0][1].item<double>()) < 1e-6);
        QVERIFY(std::abs(methods::cosineToClassCentre(f, w, y)[1].item<double>() - 1.0) < 1e-6);
    }

    void perClassStatisticsMatchDirectComputation()
    {
        torch::Tensor x = torch::randn({6, 3, 4, 4});
        torch::Tensor y = torch::tensor({0, 2, 0, 2, 2, 0}, torch::kLong);
        methods::ClassStats s = methods::perClassStats(x, y, 4, 0.0);
        torch::Tensor cls2 = x.index_select(0, torch::tensor({1, 3, 4}, torch::kLong));
        QVERIFY(zsq::test::maxAbsDiff(s.mean[2], cls2.mean({0, 2, 3})) < 1e-5);
        QVERIFY(zsq::test::maxAbsDiff(s.stdev[2], cls2.var({0, 2, 3}, false).sqrt()) < 1e-4);
        QCOMPARE(s.count[1].item<double>(), 0.0);
        QCOMPARE(s.count[0].item<double>(), 3.0);
    }

    void everyMethodRuns_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("gdfq") << "gdfq";
        QTest::newRow("clusterq") << "clusterq";
        QTest::newRow("lrq") << "lrq";
    }

    void everyMethodRuns()
    {
        QFETCH(QString, method);
        seedEverything(1);
        CancelToken token;
        CancelAfter sink(token, -1);
        engine::TrainerConfig c = tinyConfig();
        c.epochs = 3; // ClusterQ's cluster loss starts at epoch 2
        auto trainer = makeTrainer(method.toStdString(), c, sink, &token);
        engine::TrainResult r = trainer->run();
        QCOMPARE(r.iterationsDone, 12);
        QVERIFY(!r.cancelled);
        QCOMPARE(sink.nonFinite, 0);
        QVERIFY(sink.losses.count("G/ce") && sink.losses.count("G/bns"));
        QVERIFY(sink.losses.count("S/ce"));
        if (method == "clusterq")
            QVERIFY2(sink.losses.count("G/cluster"), "no cluster loss");
        if (method == "lrq") {
            QVERIFY(sink.losses.count("G/ama") && sink.losses.count("S/nckd"));
        }
        QVERIFY(sink.images >= 1);
        QCOMPARE(sink.lastImages.height, 28);
        QCOMPARE(static_cast<int>(sink.lastImages.pixels.size()), sink.lastImages.n * 28 * 28);
        auto [x, labels] = trainer->sample(20, true);
        QCOMPARE(x.sizes().vec(), (std::vector<int64_t>{20, 1, 28, 28}));
        QCOMPARE(labels[13].item<int64_t>(), 3);
    }

    void polyphaseDilatedConvIsExact()
    {
        for (int64_t size : {14, 28, 7, 10}) {
            torch::Tensor x = torch::randn({2, 5, size, size});
            torch::Tensor w = torch::randn({5, 1, 7, 7}), b = torch::randn({5});
            torch::Tensor reference = torch::conv2d(x, w, b, 1, 9, 3, 5);
            QVERIFY2(zsq::test::maxAbsDiff(methods::dilatedDepthwise7x7(x, w, b), reference) < 1e-4,
                     qPrintable(QString::number(size)));
        }
    }

    void longRangeGeneratorHasAttention()
    {
        methods::GeneratorConfig g;
        g.numClasses = 10;
        g.channels = 1;
        g.imageSize = 28;
        const auto count = [](methods::GeneratorImpl& m) {
            int64_t n = 0;
            for (const auto& p : m.parameters())
                n += p.numel();
            return n;
        };
        methods::Generator plain(g);
        g.longRange = true;
        methods::Generator lr(g);
        QVERIFY(count(*lr) > count(*plain));
        torch::Tensor out = lr->forward(torch::randn({4, 100}), torch::tensor({0, 1, 2, 3}, torch::kLong));
        QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{4, 1, 28, 28}));
        g.imageSize = 224;
        g.channels = 3;
        g.style = methods::GeneratorStyle::ImageNet;
        methods::Generator big(g);
        QCOMPARE(big->forward(torch::randn({2, 100}), torch::tensor({0, 9}, torch::kLong)).size(3), 224);
    }

    void cancelAndResumeIsBitExact_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("cosine");
        QTest::newRow("gdfq") << "gdfq" << false;
        QTest::newRow("clusterq") << "clusterq" << false;
        QTest::newRow("lrq") << "lrq" << false;
        // The quick profile's schedule: rates from the iteration, mid-epoch.
        QTest::newRow("lrq cosine") << "lrq" << true;
    }

    void cancelAndResumeIsBitExact()
    {
        QFETCH(QString, method);
        QFETCH(bool, cosine);
        QTemporaryDir dir;
        engine::TrainerConfig c = tinyConfig();
        c.epochs = 3;
        if (cosine)
            c.lrSchedule = engine::TrainerConfig::LrSchedule::Cosine;

        seedEverything(7);
        CancelToken t1;
        CancelAfter s1(t1, -1);
        auto straight = makeTrainer(method.toStdString(), c, s1, &t1);
        straight->run();

        // Cancel mid-epoch (after 6 of 12 iterations), then resume in a fresh trainer.
        c.checkpointPath = dir.filePath("run.ckpt").toStdString();
        seedEverything(7);
        CancelToken t2;
        CancelAfter s2(t2, 6);
        auto first = makeTrainer(method.toStdString(), c, s2, &t2);
        engine::TrainResult r1 = first->run();
        QVERIFY(r1.cancelled);
        QCOMPARE(r1.iterationsDone, 6);

        seedEverything(12345); // whatever the seed, the checkpoint's RNG state wins
        CancelToken t3;
        CancelAfter s3(t3, -1);
        auto resumed = makeTrainer(method.toStdString(), c, s3, &t3);
        resumed->loadCheckpoint(c.checkpointPath);
        engine::TrainResult r2 = resumed->run();
        QVERIFY(!r2.cancelled);
        QCOMPARE(r2.iterationsDone, 12);

        const io::TensorMap a = io::stateDict(straight->student()), b = io::stateDict(resumed->student());
        for (const auto& [key, tensor] : a)
            QVERIFY2(torch::equal(tensor, b.at(key)), key.c_str());
        const io::TensorMap ga = io::stateDict(straight->generator()), gb = io::stateDict(resumed->generator());
        for (const auto& [key, tensor] : ga)
            QVERIFY2(torch::equal(tensor, gb.at(key)), key.c_str());
    }

    // The optimizers' state is stored as named tensors that io's own reader
    // reads (it was a LibTorch archive in a byte tensor, unpickled by
    // LibTorch); a record that does not fit the run is a one-line InputError.
    void optimizerStateIsPlainTensors()
    {
        QTemporaryDir dir;
        engine::TrainerConfig c = tinyConfig();
        c.checkpointPath = dir.filePath("run.ckpt").toStdString();
        seedEverything(5);
        CancelToken token;
        CancelAfter sink(token, 6); // 2 student steps after the warm-up epoch
        QVERIFY(makeTrainer("gdfq", c, sink, &token)->run().cancelled);

        const c10::IValue value = io::readPickleFile(c.checkpointPath, "a run checkpoint");
        c10::impl::GenericDict root = value.toGenericDict();
        auto tensors = [&](const char* key) {
            std::map<std::string, torch::Tensor> out;
            const c10::IValue v = root.at(key);
            if (v.isGenericDict())
                for (const auto& e : v.toGenericDict())
                    out[e.key().toStringRef()] = e.value().toTensor();
            return out;
        };
        const auto optG = tensors("opt_g"), optS = tensors("opt_s");
        QVERIFY2(optG.count("0.0.exp_avg") && optG.count("0.0.exp_avg_sq"), "Adam moments of the first parameter");
        QVERIFY(optS.count("0.0.momentum_buffer"));
        const auto params = makeTrainer("gdfq", c, sink, &token)->student().parameters();
        QCOMPARE(optS.at("0.0.momentum_buffer").sizes(), params.front().sizes());
        QVERIFY(optS.at("0.0.momentum_buffer").abs().sum().item<double>() > 0);

        auto rewrite = [&](const char* key, const c10::IValue& replacement) {
            c10::impl::GenericDict copy = root.copy();
            copy.insert_or_assign(key, replacement);
            const std::string path = dir.filePath("tampered.ckpt").toStdString();
            io::writeFileAtomically(path, torch::pickle_save(copy));
            return path;
        };
        std::string msg;
        // A momentum buffer of another shape than its parameter.
        c10::impl::GenericDict wrongShape(c10::StringType::get(), c10::TensorType::get());
        for (const auto& [k, t] : optS)
            wrongShape.insert(k, k == "0.0.momentum_buffer" ? torch::zeros({3}) : t);
        const std::string shaped = rewrite("opt_s", wrongShape);
        ZSQ_EXPECT_INPUT_ERROR(makeTrainer("gdfq", c, sink, &token)->loadCheckpoint(shaped), msg);
        QVERIFY2(msg.find(shaped) != std::string::npos && msg.find("0.0.momentum_buffer") != std::string::npos &&
                     msg.find('\n') == std::string::npos,
                 msg.c_str());
        // The old layout (an archive in a byte tensor) is refused unread.
        const std::string old = rewrite("opt_g", torch::zeros({64}, torch::kUInt8));
        ZSQ_EXPECT_INPUT_ERROR(makeTrainer("gdfq", c, sink, &token)->loadCheckpoint(old), msg);
        QVERIFY2(msg.find("older") != std::string::npos, msg.c_str());
    }

    // configureThreads() (initTestCase) keeps large freed buffers in the heap:
    // a 64 MiB tensor is not a fresh mmap (glibc's default above 32 MiB at
    // most), and freeing it does not hand the pages back, so the next
    // iteration's tensor of that size does not page-fault them in again.
    void largeTensorsReuseHeapMemory()
    {
#if defined(__SANITIZE_ADDRESS__)
        // Found by the sanitizer build: ASan's allocator replaces glibc's, so
        // mallinfo2() does not see the tensor (and mallopt does not apply).
        QSKIP("AddressSanitizer replaces glibc's allocator, whose behaviour this checks");
#elif defined(__GLIBC__)
        if (allocatorTunedByUser())
            QSKIP("a MALLOC_*_ variable is set: the user's allocator settings win");
        keepFreedMemoryForReuse(); // idempotent
        const std::size_t mmappedBefore = mallinfo2().hblks;
        {
            torch::Tensor big = torch::ones({16 * 1024 * 1024}); // 64 MiB, touched
            QCOMPARE(mallinfo2().hblks, mmappedBefore);
            QVERIFY(mallinfo2().arena >= (std::size_t{64} << 20));
        }
        QVERIFY(mallinfo2().arena >= (std::size_t{64} << 20)); // not trimmed
        QVERIFY(mallinfo2().fordblks >= (std::size_t{64} << 20)); // free for reuse
#else
        QSKIP("the allocator setting is glibc's");
#endif
    }

    void divergingRunStopsAndKeepsCheckpoint()
    {
        QTemporaryDir dir;
        engine::TrainerConfig c = tinyConfig();
        c.studentLr = 1e9; // the student starts in epoch 2 and explodes at once
        c.checkpointPath = dir.filePath("run.ckpt").toStdString();
        seedEverything(3);
        CancelToken token;
        CancelAfter sink(token, -1);
        auto trainer = makeTrainer("gdfq", c, sink, &token);
        bool stopped = false;
        try {
            trainer->run();
        } catch (const RuntimeFailure& e) {
            stopped = true;
            const std::string msg = e.what();
            QVERIFY2(msg.find("diverged") != std::string::npos, msg.c_str());
            QVERIFY2(msg.find("run.ckpt") != std::string::npos, msg.c_str());
        }
        QVERIFY(stopped);
        // The epoch-1 checkpoint is intact and loads.
        auto again = makeTrainer("gdfq", c, sink, &token);
        again->loadCheckpoint(c.checkpointPath);
        for (const auto& [key, t] : io::stateDict(again->student()))
            QVERIFY2(torch::isfinite(t).all().item<bool>(), key.c_str());
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
