// The fake quantizer's maths against values computed by hand from the formula
// documented in core/quant/fake_quant.h:
//   scale = (2^k - 1) / max(hi - lo, 1e-8)
//   zp    = round(scale * lo) + 2^(k-1)
//   q     = clamp(round(scale * x - zp), -2^(k-1), 2^(k-1) - 1)
//   x^    = (q + zp) / scale
// round() is torch.round: halves go to the even neighbour (round(-1.5) = -2,
// round(2.5) = 2). All inputs below are exact binary fractions or keep clear
// of halves, so float32 evaluation gives exactly the hand-computed integers.
#include <cmath>

#include <torch/torch.h>

#include "common/error.h"
#include "models/quant_layers.h"
#include "quant/fake_quant.h"

#include "zsq_test_util.h"

using namespace zsq;
using zsq::test::floats;

class tst_FakeQuant : public QObject {
    Q_OBJECT

private slots:
    void symmetricRange_data();
    void symmetricRange();
    void asymmetricRange();
    void fractionalZeroPoint();
    void affineParams();
    void outputOnGridAndErrorBounded_data();
    void outputOnGridAndErrorBounded();
    void weightRangePerChannelVsPerTensor();
    void fakeQuantizeWeightPerChannelVsPerTensor();
    void linearAndVectorWeights();
    void constantTensors_data();
    void constantTensors();
    void constantWeightChannel();
    void straightThroughGradient();
    void rangeEmaOneStepIsBatchRange();
    void rangeEmaBiasCorrection();
    void rangeEmaSetRangeStateReset();
    void actQuantModes();
    void bitsOutsideRangeThrow_data();
    void bitsOutsideRangeThrow();
};

// x = {-1, -0.5, 0, 0.3, 1}, lo = -1, hi = 1.
void tst_FakeQuant::symmetricRange_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<QVector<double>>("expected");
    // 2 bits: scale = 3/2 = 1.5; zp = round(-1.5) + 2 = -2 + 2 = 0;
    // scale*x = {-1.5, -0.75, 0, 0.45, 1.5} -> round {-2, -1, 0, 0, 2}
    // -> clamp to [-2, 1] {-2, -1, 0, 0, 1} -> /1.5
    QTest::newRow("2 bits") << 2 << QVector<double>{-4.0 / 3, -2.0 / 3, 0, 0, 2.0 / 3};
    // 4 bits: scale = 15/2 = 7.5; zp = round(-7.5) + 8 = -8 + 8 = 0;
    // scale*x = {-7.5, -3.75, 0, 2.25, 7.5} -> round {-8, -4, 0, 2, 8}
    // -> clamp to [-8, 7] {-8, -4, 0, 2, 7} -> /7.5
    QTest::newRow("4 bits") << 4 << QVector<double>{-8 / 7.5, -4 / 7.5, 0, 2 / 7.5, 7 / 7.5};
    // 8 bits: scale = 255/2 = 127.5; zp = round(-127.5) + 128 = -128 + 128 = 0;
    // scale*x = {-127.5, -63.75, 0, 38.25, 127.5} -> round {-128, -64, 0, 38, 128}
    // -> clamp to [-128, 127] {-128, -64, 0, 38, 127} -> /127.5
    QTest::newRow("8 bits") << 8
                            << QVector<double>{-128 / 127.5, -64 / 127.5, 0, 38 / 127.5, 127 / 127.5};
}

void tst_FakeQuant::symmetricRange()
{
    QFETCH(int, bits);
    QFETCH(QVector<double>, expected);
    const torch::Tensor x = floats({-1.f, -0.5f, 0.f, 0.3f, 1.f});
    const torch::Tensor y = quant::fakeQuantize(x, torch::tensor(-1.f), torch::tensor(1.f), bits);
    const torch::Tensor want = torch::tensor(std::vector<double>(expected.begin(), expected.end()));
    ZSQ_COMPARE_TENSORS(y, want, 1e-6);
    QVERIFY(y.scalar_type() == torch::kFloat);
}

// A range that does not contain negative values: the grid is {0, 1, 2, 3}.
void tst_FakeQuant::asymmetricRange()
{
    // 2 bits, lo = 0, hi = 3: scale = 1; zp = round(0) + 2 = 2;
    // scale*x - zp = {-2, -1.6, -0.8, 0.9, 1} -> round {-2, -2, -1, 1, 1}
    // -> clamp [-2, 1] unchanged -> (q + 2) / 1 = {0, 0, 1, 3, 3}
    const torch::Tensor x = floats({0.f, 0.4f, 1.2f, 2.9f, 3.f});
    const torch::Tensor y = quant::fakeQuantize(x, torch::tensor(0.f), torch::tensor(3.f), 2);
    ZSQ_COMPARE_TENSORS(y, floats({0.f, 0.f, 1.f, 3.f, 3.f}), 1e-6);

    // Values outside the range saturate at the ends of the grid.
    const torch::Tensor outside = quant::fakeQuantize(floats({-5.f, 10.f}), torch::tensor(0.f),
                                                      torch::tensor(3.f), 2);
    ZSQ_COMPARE_TENSORS(outside, floats({0.f, 3.f}), 1e-6);
}

void tst_FakeQuant::fractionalZeroPoint()
{
    // 4 bits, lo = -0.25, hi = 0.75: scale = 15 / 1 = 15;
    // zp = round(15 * -0.25 = -3.75) + 8 = -4 + 8 = 4;
    // x = {-0.25, 0, 0.125, 0.55, 0.75}:
    // 15x - 4 = {-7.75, -4, -2.125, 4.25, 7.25} -> round {-8, -4, -2, 4, 7}
    // (all inside [-8, 7]) -> (q + 4) / 15 = {-4, 0, 2, 8, 11} / 15
    const torch::Tensor x = floats({-0.25f, 0.f, 0.125f, 0.55f, 0.75f});
    const torch::Tensor y = quant::fakeQuantize(x, torch::tensor(-0.25f), torch::tensor(0.75f), 4);
    ZSQ_COMPARE_TENSORS(y, floats({-4.f / 15, 0.f, 2.f / 15, 8.f / 15, 11.f / 15}), 1e-6);
    // Zero stays exactly zero when the zero point is an integer.
    ZSQ_COMPARE_EXACT(y[1].item<float>(), 0.f);
}

void tst_FakeQuant::affineParams()
{
    const quant::AffineParams p = quant::affineParams(torch::tensor(-0.25f), torch::tensor(0.75f), 4);
    ZSQ_COMPARE_EXACT(p.scale.item<double>(), 15.0);
    ZSQ_COMPARE_EXACT(p.zeroPoint.item<double>(), 4.0);

    // Per-channel ranges broadcast: 2 bits over [-1, 1] and [0, 3].
    const quant::AffineParams pc = quant::affineParams(floats({-1.f, 0.f}), floats({1.f, 3.f}), 2);
    ZSQ_COMPARE_TENSORS(pc.scale, floats({1.5f, 1.f}), 0);
    // zp = round(-1.5) + 2 = 0 and round(0) + 2 = 2.
    ZSQ_COMPARE_TENSORS(pc.zeroPoint, floats({0.f, 2.f}), 0);

    // hi == lo: the range is clamped to 1e-8 instead of dividing by zero.
    const quant::AffineParams flat = quant::affineParams(torch::tensor(0.f), torch::tensor(0.f), 8);
    QVERIFY(std::isfinite(flat.scale.item<double>()));
    QVERIFY(qAbs(flat.scale.item<double>() / 255e8 - 1.0) < 1e-6);
}

// A property check over random data: every output is (q + zp) / scale for an
// integer q in [-2^(k-1), 2^(k-1) - 1], there are at most 2^k distinct
// outputs, and inputs inside [lo, hi] move by at most half a step.
void tst_FakeQuant::outputOnGridAndErrorBounded_data()
{
    QTest::addColumn<int>("bits");
    for (int bits = quant::kMinBits; bits <= quant::kMaxBits; ++bits)
        QTest::newRow(qPrintable(QString::number(bits) + " bits")) << bits;
}

void tst_FakeQuant::outputOnGridAndErrorBounded()
{
    QFETCH(int, bits);
    torch::manual_seed(1234 + bits);
    const torch::Tensor x = torch::randn({4096}) * 1.7 + 0.3;
    const torch::Tensor lo = x.min(), hi = x.max();
    const torch::Tensor y = quant::fakeQuantize(x, lo, hi, bits);

    const double half = std::pow(2.0, bits - 1);
    const double scale = (std::pow(2.0, bits) - 1) / (hi - lo).item<double>();
    const double zp = std::nearbyint(scale * lo.item<double>()) + half;
    const torch::Tensor q = y.to(torch::kDouble) * scale - zp;
    QVERIFY2(zsq::test::maxAbsDiff(q, q.round()) < 1e-3, "outputs are not on the quantization grid");
    QVERIFY(q.round().min().item<double>() >= -half);
    QVERIFY(q.round().max().item<double>() <= half - 1);
    QVERIFY(std::get<0>(at::_unique(y)).numel() <= (1 << bits));
    const double maxErr = zsq::test::maxAbsDiff(x, y);
    QVERIFY2(maxErr <= 0.5 / scale + 1e-5,
             qPrintable(QString("error %1 > half a step %2").arg(maxErr).arg(0.5 / scale)));
}

// weight [2 channels, 1, 1, 3]: channel 0 = {-1, 0, 1}, channel 1 = {0, 0.4, 2}.
static torch::Tensor twoChannelWeight()
{
    return floats({-1.f, 0.f, 1.f, 0.f, 0.4f, 2.f}).view({2, 1, 1, 3});
}

void tst_FakeQuant::weightRangePerChannelVsPerTensor()
{
    const torch::Tensor w = twoChannelWeight();
    auto [lo, hi] = quant::weightRange(w, true);
    ZSQ_COMPARE_TENSORS(lo, floats({-1.f, 0.f}), 0);
    ZSQ_COMPARE_TENSORS(hi, floats({1.f, 2.f}), 0);

    auto [tlo, thi] = quant::weightRange(w, false);
    QCOMPARE(tlo.numel(), std::int64_t(1));
    QCOMPARE(thi.numel(), std::int64_t(1));
    ZSQ_COMPARE_EXACT(tlo.item<float>(), -1.f);
    ZSQ_COMPARE_EXACT(thi.item<float>(), 2.f);
}

void tst_FakeQuant::fakeQuantizeWeightPerChannelVsPerTensor()
{
    const torch::Tensor w = twoChannelWeight();

    // Per channel, 2 bits.
    //  ch0 [-1, 1]: scale 1.5, zp = round(-1.5) + 2 = 0;
    //      1.5x = {-1.5, 0, 1.5} -> round {-2, 0, 2} -> clamp {-2, 0, 1} -> {-4/3, 0, 2/3}
    //  ch1 [0, 2]:  scale 1.5, zp = round(0) + 2 = 2;
    //      1.5x - 2 = {-2, -1.4, 1} -> {-2, -1, 1} -> (q + 2) / 1.5 = {0, 2/3, 2}
    const torch::Tensor pc = quant::fakeQuantizeWeight(w, 2, true);
    QVERIFY(pc.sizes() == w.sizes());
    ZSQ_COMPARE_TENSORS(pc.flatten(), floats({-4.f / 3, 0.f, 2.f / 3, 0.f, 2.f / 3, 2.f}), 1e-6);

    // Per tensor, 2 bits, [-1, 2]: scale = 3/3 = 1, zp = round(-1) + 2 = 1;
    //  x - 1 = {-2, -1, 0, -1, -0.6, 1} -> round {-2, -1, 0, -1, -1, 1} (in [-2, 1])
    //  -> q + 1 = {-1, 0, 1, 0, 0, 2}
    const torch::Tensor pt = quant::fakeQuantizeWeight(w, 2, false);
    ZSQ_COMPARE_TENSORS(pt.flatten(), floats({-1.f, 0.f, 1.f, 0.f, 0.f, 2.f}), 1e-6);
}

void tst_FakeQuant::linearAndVectorWeights()
{
    // A linear weight [out, in] is per row.
    const torch::Tensor w = twoChannelWeight().view({2, 3});
    ZSQ_COMPARE_TENSORS(quant::fakeQuantizeWeight(w, 2, true).flatten(),
                        floats({-4.f / 3, 0.f, 2.f / 3, 0.f, 2.f / 3, 2.f}), 1e-6);
    // A 1-d tensor has no channels: per tensor even when per channel is asked.
    const torch::Tensor v = w.flatten();
    ZSQ_COMPARE_TENSORS(quant::fakeQuantizeWeight(v, 2, true), quant::fakeQuantizeWeight(v, 2, false), 0);
    ZSQ_COMPARE_TENSORS(quant::fakeQuantizeWeight(v, 2, true), floats({-1.f, 0.f, 1.f, 0.f, 0.f, 2.f}), 1e-6);
}

void tst_FakeQuant::constantTensors_data()
{
    QTest::addColumn<float>("value");
    QTest::addColumn<int>("bits");
    for (int bits : {2, 4, 8}) {
        for (float v : {0.f, 0.7f, -3.25f, 1000.f}) {
            QTest::newRow(qPrintable(QString("%1 at %2 bits").arg(v).arg(bits))) << v << bits;
        }
    }
}

// hi == lo: scale = (2^k - 1) / 1e-8, q = -2^(k-1), x^ = round(scale*c) / scale = c
// up to float rounding of scale*c.
void tst_FakeQuant::constantTensors()
{
    QFETCH(float, value);
    QFETCH(int, bits);
    const torch::Tensor x = torch::full({2, 3}, value);
    const torch::Tensor c = torch::tensor(value);
    const torch::Tensor y = quant::fakeQuantize(x, c, c, bits);
    QVERIFY(torch::isfinite(y).all().item<bool>());
    ZSQ_COMPARE_TENSORS(y, x, 1e-6 * std::max(1.f, std::abs(value)));
    if (value == 0.f)
        QVERIFY(torch::equal(y, x));
    ZSQ_COMPARE_TENSORS(quant::fakeQuantizeWeight(x, bits, true), x, 1e-6 * std::max(1.f, std::abs(value)));
    ZSQ_COMPARE_TENSORS(quant::fakeQuantizeWeight(x, bits, false), x, 1e-6 * std::max(1.f, std::abs(value)));
}

// A constant channel next to a normal one: per channel keeps the constant,
// while the other channel is quantized as usual.
void tst_FakeQuant::constantWeightChannel()
{
    const torch::Tensor w = floats({0.25f, 0.25f, 0.25f, 0.f, 0.4f, 2.f}).view({2, 3});
    const torch::Tensor y = quant::fakeQuantizeWeight(w, 2, true);
    ZSQ_COMPARE_TENSORS(y[0], floats({0.25f, 0.25f, 0.25f}), 1e-6);
    ZSQ_COMPARE_TENSORS(y[1], floats({0.f, 2.f / 3, 2.f}), 1e-6);
}

void tst_FakeQuant::straightThroughGradient()
{
    torch::manual_seed(7);
    for (int bits : {2, 4, 8}) {
        // Some values are outside [lo, hi] and get clamped: STE passes 1 there too.
        torch::Tensor x = (torch::randn({3, 5}) * 2).requires_grad_(true);
        torch::Tensor lo = torch::tensor(-1.f).requires_grad_(true);
        torch::Tensor hi = torch::tensor(1.f).requires_grad_(true);
        torch::Tensor y = quant::fakeQuantize(x, lo, hi, bits);
        QVERIFY(!torch::equal(y.detach(), x.detach())); // it did quantize
        y.sum().backward();
        QVERIFY(x.grad().defined());
        QVERIFY2(torch::equal(x.grad(), torch::ones_like(x)), zsq::test::show(x.grad()).c_str());
        // The range is a statistic, not a learnable parameter.
        QVERIFY(!lo.grad().defined() || lo.grad().abs().sum().item<double>() == 0);
        QVERIFY(!hi.grad().defined() || hi.grad().abs().sum().item<double>() == 0);

        // A weighted loss: the gradient is the weight, passed through unchanged.
        torch::Tensor w = torch::randn({8, 3, 3, 3}).requires_grad_(true);
        torch::Tensor g = torch::randn({8, 3, 3, 3});
        (quant::fakeQuantizeWeight(w, bits, true) * g).sum().backward();
        QVERIFY(torch::equal(w.grad(), g));
    }
}

void tst_FakeQuant::rangeEmaOneStepIsBatchRange()
{
    for (double momentum : {0.9, 0.99, 0.5}) {
        quant::RangeEma ema(momentum);
        QVERIFY(!ema.initialized());
        ema.update(floats({0.3f, -1.7f, 2.3f, 0.f}));
        QVERIFY(ema.initialized());
        QCOMPARE(ema.steps(), std::int64_t(1));
        // Exactly, not approximately: bias correction undoes (1 - b).
        ZSQ_COMPARE_EXACT(ema.lo().item<float>(), -1.7f);
        ZSQ_COMPARE_EXACT(ema.hi().item<float>(), 2.3f);
    }
}

void tst_FakeQuant::rangeEmaBiasCorrection()
{
    quant::RangeEma ema(0.9);
    // Batches with (min, max) = (-1, 2), (-3, 1), (0.5, 4).
    ema.update(floats({-1.f, 0.f, 2.f}));
    ema.update(floats({1.f, -3.f, 0.5f}));
    ema.update(floats({4.f, 0.5f, 1.f}));
    // raw lo: 0.1*-1 = -0.1; 0.9*-0.1 + 0.1*-3 = -0.39; 0.9*-0.39 + 0.1*0.5 = -0.301
    // raw hi: 0.1*2 = 0.2;   0.9*0.2 + 0.1*1 = 0.28;    0.9*0.28 + 0.1*4 = 0.652
    // correction 1 - 0.9^3 = 0.271
    QCOMPARE(ema.steps(), std::int64_t(3));
    double rawLo = 0, rawHi = 0;
    std::int64_t steps = 0;
    ema.getState(rawLo, rawHi, steps);
    QVERIFY(qAbs(rawLo - -0.301) < 1e-12);
    QVERIFY(qAbs(rawHi - 0.652) < 1e-12);
    QCOMPARE(steps, std::int64_t(3));
    QVERIFY(qAbs(ema.lo().item<double>() - -0.301 / 0.271) < 1e-6); // -1.1107...
    QVERIFY(qAbs(ema.hi().item<double>() - 0.652 / 0.271) < 1e-6);  //  2.4059...
    // Not the double-corrected value of the original GDFQ code.
    QVERIFY(qAbs(ema.hi().item<double>() - 0.652 / 0.271 / 0.271) > 1);
}

void tst_FakeQuant::rangeEmaSetRangeStateReset()
{
    quant::RangeEma ema(0.9);
    ema.setRange(-0.75, 5.5);
    QVERIFY(ema.initialized());
    ZSQ_COMPARE_EXACT(ema.lo().item<float>(), -0.75f);
    ZSQ_COMPARE_EXACT(ema.hi().item<float>(), 5.5f);

    // Raw state restores bit for bit.
    quant::RangeEma a(0.9), b(0.9);
    a.update(floats({-0.123f, 0.987f}));
    a.update(floats({-0.456f, 1.234f}));
    double rawLo = 0, rawHi = 0;
    std::int64_t steps = 0;
    a.getState(rawLo, rawHi, steps);
    b.setState(rawLo, rawHi, steps);
    ZSQ_COMPARE_EXACT(b.lo().item<float>(), a.lo().item<float>());
    ZSQ_COMPARE_EXACT(b.hi().item<float>(), a.hi().item<float>());
    a.update(floats({-0.5f, 0.5f}));
    b.update(floats({-0.5f, 0.5f}));
    double aLo, aHi, bLo, bHi;
    std::int64_t aSteps, bSteps;
    a.getState(aLo, aHi, aSteps);
    b.getState(bLo, bHi, bSteps);
    ZSQ_COMPARE_EXACT(aLo, bLo);
    ZSQ_COMPARE_EXACT(aHi, bHi);
    QCOMPARE(aSteps, bSteps);

    a.reset();
    QVERIFY(!a.initialized());
    QCOMPARE(a.steps(), std::int64_t(0));
    a.update(floats({-2.f, 3.f}));
    ZSQ_COMPARE_EXACT(a.lo().item<float>(), -2.f);
    ZSQ_COMPARE_EXACT(a.hi().item<float>(), 3.f);
}

// The activation quantizer after a ReLU: Calibrate updates the range and
// quantizes with it, Frozen keeps it, Off is the identity.
void tst_FakeQuant::actQuantModes()
{
    models::ActQuant aq;
    aq->bits = 2;
    const torch::Tensor x = floats({0.f, 0.4f, 1.2f, 2.9f, 3.f});
    aq->mode = models::ActQuantImpl::Mode::Off;
    QVERIFY(torch::equal(aq->forward(x), x));
    QVERIFY(!aq->range.initialized());

    aq->mode = models::ActQuantImpl::Mode::Calibrate;
    // Range [0, 3] after one step: the asymmetricRange() grid.
    ZSQ_COMPARE_TENSORS(aq->forward(x), floats({0.f, 0.f, 1.f, 3.f, 3.f}), 1e-6);
    QCOMPARE(aq->range.steps(), std::int64_t(1));

    aq->mode = models::ActQuantImpl::Mode::Frozen;
    const torch::Tensor wide = floats({0.f, 6.f});
    ZSQ_COMPARE_TENSORS(aq->forward(wide), floats({0.f, 3.f}), 1e-6); // saturates at the frozen hi
    QCOMPARE(aq->range.steps(), std::int64_t(1));
    ZSQ_COMPARE_EXACT(aq->range.hi().item<float>(), 3.f);
}

void tst_FakeQuant::bitsOutsideRangeThrow_data()
{
    QTest::addColumn<int>("bits");
    for (int bits : {-1, 0, 1, 9, 16, 32})
        QTest::newRow(qPrintable(QString::number(bits))) << bits;
}

void tst_FakeQuant::bitsOutsideRangeThrow()
{
    QFETCH(int, bits);
    const torch::Tensor x = floats({-1.f, 0.f, 1.f});
    const torch::Tensor w = twoChannelWeight();
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(quant::fakeQuantize(x, torch::tensor(-1.f), torch::tensor(1.f), bits), msg);
    QVERIFY2(msg.find(std::to_string(bits)) != std::string::npos, msg.c_str());
    QVERIFY(msg.find('\n') == std::string::npos);
    ZSQ_EXPECT_INPUT_ERROR(quant::fakeQuantizeWeight(w, bits, true), msg);
    ZSQ_EXPECT_INPUT_ERROR(quant::fakeQuantizeWeight(w, bits, false), msg);
    ZSQ_EXPECT_INPUT_ERROR(quant::affineParams(torch::tensor(-1.f), torch::tensor(1.f), bits), msg);
    // The limits themselves are accepted.
    QVERIFY(!zsq::test::inputErrorOf([&] { quant::fakeQuantize(x, x.min(), x.max(), quant::kMinBits); }));
    QVERIFY(!zsq::test::inputErrorOf([&] { quant::fakeQuantize(x, x.min(), x.max(), quant::kMaxBits); }));
}

QTEST_GUILESS_MAIN(tst_FakeQuant)
#include "tst_fakequant.moc"
