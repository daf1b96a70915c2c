// core/api/event_json: every event written as a JSON line by JsonLinesSink
// comes back from readEventJsonLine as the same EventSink call (images to
// within the 8 bits they travel in), the outcome line as the same outcome,
// and lines that are not events make no call.
#include <torch/torch.h>

#include <cmath>

#include "api/event_json.h"

#include <QtTest>

namespace {

// Records every call, in order.
struct RecordingSink : zsq::EventSink {
    std::vector<std::string> calls;
    std::vector<std::pair<zsq::LogLevel, std::string>> messages;
    std::vector<zsq::ProgressInfo> progress;
    std::vector<std::pair<std::int64_t, std::map<std::string, double>>> losses;
    std::vector<zsq::ImageBatch> images;
    std::vector<zsq::EvaluationInfo> evaluations;

    void onMessage(zsq::LogLevel level, const std::string& text) override
    {
        calls.push_back("message");
        messages.emplace_back(level, text);
    }
    void onProgress(const zsq::ProgressInfo& info) override
    {
        calls.push_back("progress");
        progress.push_back(info);
    }
    void onLosses(std::int64_t iteration, const std::map<std::string, double>& values) override
    {
        calls.push_back("losses");
        losses.emplace_back(iteration, values);
    }
    void onImages(const zsq::ImageBatch& batch) override
    {
        calls.push_back("images");
        images.push_back(batch);
    }
    void onEvaluation(const zsq::EvaluationInfo& info) override
    {
        calls.push_back("evaluation");
        evaluations.push_back(info);
    }
};

} // namespace

class TestEventJson : public QObject {
    Q_OBJECT

private slots:
    void everyEventComesBackAsItWasSent()
    {
        std::vector<std::string> lines;
        zsq::api::JsonLinesSink writer([&](const std::string& line) { lines.push_back(line); });

        writer.onMessage(zsq::LogLevel::Warning, "data-parallel run: 2 processes, \"gloo\"\n\xc3\xa4");
        zsq::ProgressInfo p;
        p.stage = "gdfq: training";
        p.current = 7;
        p.total = 400;
        p.etaSeconds = 12.25;
        p.stepsPerSecond = 3.5;
        writer.onProgress(p);
        const std::map<std::string, double> values{{"G/bns", 0.125}, {"S/kd", 1e-7}, {"G/ce", std::nan("")}};
        writer.onLosses(7, values);
        zsq::ImageBatch b;
        b.iteration = 7;
        b.n = 2;
        b.channels = 3;
        b.height = 2;
        b.width = 3;
        b.labels = {4, 9};
        for (int i = 0; i < b.n * b.channels * b.height * b.width; ++i)
            b.pixels.push_back(static_cast<float>(i) / 35.0f);
        b.pixels[5] = 1.5f;     // out of [0,1]: clamped, as the GUI shows it
        b.pixels[6] = -0.25f;
        writer.onImages(b);
        writer.onEvaluation({"student", 3, 91.25, 10000});

        QCOMPARE(lines.size(), std::size_t(5));
        for (const std::string& line : lines)
            QVERIFY2(line.find('\n') == std::string::npos, line.c_str());

        RecordingSink sink;
        for (const std::string& line : lines)
            QCOMPARE(zsq::api::readEventJsonLine(line, sink, nullptr), zsq::api::EventLineKind::Event);
        QCOMPARE(sink.calls, (std::vector<std::string>{"message", "progress", "losses", "images", "evaluation"}));

        QCOMPARE(int(sink.messages[0].first), int(zsq::LogLevel::Warning));
        QCOMPARE(sink.messages[0].second, std::string("data-parallel run: 2 processes, \"gloo\"\n\xc3\xa4"));

        const zsq::ProgressInfo& q = sink.progress[0];
        QCOMPARE(q.stage, p.stage);
        QCOMPARE(q.current, p.current);
        QCOMPARE(q.total, p.total);
        QCOMPARE(q.etaSeconds, p.etaSeconds);
        QCOMPARE(q.stepsPerSecond, p.stepsPerSecond);

        QCOMPARE(sink.losses[0].first, std::int64_t(7));
        const auto& got = sink.losses[0].second;
        QCOMPARE(got.size(), values.size());
        QCOMPARE(got.at("G/bns"), 0.125);
        QCOMPARE(got.at("S/kd"), 1e-7);
        QVERIFY(std::isnan(got.at("G/ce")));    // a diverged loss stays NaN (JSON null)

        const zsq::ImageBatch& c = sink.images[0];
        QCOMPARE(c.iteration, b.iteration);
        QCOMPARE(c.n, b.n);
        QCOMPARE(c.channels, b.channels);
        QCOMPARE(c.height, b.height);
        QCOMPARE(c.width, b.width);
        QCOMPARE(c.labels, b.labels);
        QCOMPARE(c.pixels.size(), b.pixels.size());
        for (std::size_t i = 0; i < b.pixels.size(); ++i) {
            const float expected = std::clamp(b.pixels[i], 0.0f, 1.0f);
            QVERIFY2(std::abs(c.pixels[i] - expected) <= 0.5f / 255.0f + 1e-6f, qPrintable(QString::number(i)));
        }

        const zsq::EvaluationInfo& e = sink.evaluations[0];
        QCOMPARE(e.what, std::string("student"));
        QCOMPARE(e.epoch, std::int64_t(3));
        QCOMPARE(e.top1, 91.25);
        QCOMPARE(e.samples, std::int64_t(10000));
    }

    void imagesOfEveryLengthSurviveBase64()
    {
        // 1, 2 and 3 bytes past a multiple of 3: each padding case.
        for (int values : {1, 2, 3, 4, 5, 6, 784}) {
            zsq::ImageBatch b;
            b.n = 1;
            b.channels = 1;
            b.height = 1;
            b.width = values;
            b.labels = {0};
            for (int i = 0; i < values; ++i)
                b.pixels.push_back(static_cast<float>((i * 37) % 256) / 255.0f);
            RecordingSink sink;
            QCOMPARE(zsq::api::readEventJsonLine(zsq::api::imagesJsonLine(b), sink, nullptr),
                     zsq::api::EventLineKind::Event);
            QCOMPARE(sink.images.size(), std::size_t(1));
            for (int i = 0; i < values; ++i)
                QCOMPARE(sink.images[0].pixels[i], b.pixels[i]);   // multiples of 1/255 are exact
        }
    }

    void theOutcomeComesBack()
    {
        zsq::api::RunOutcome o;
        o.outputDir = "/tmp/runs/gdfq-w4a4";
        o.evaluated = true;
        o.fpTop1 = 93.5;
        o.quantTop1 = 88.25;
        o.cancelled = true;
        o.resultJson = "{\"method\": \"gdfq\", \"top1\": 88.25}";
        RecordingSink sink;
        zsq::api::RunOutcome back;
        QCOMPARE(zsq::api::readEventJsonLine(zsq::api::outcomeJsonLine(o), sink, &back),
                 zsq::api::EventLineKind::Outcome);
        QVERIFY(sink.calls.empty());
        QCOMPARE(back.outputDir, o.outputDir);
        QCOMPARE(back.evaluated, o.evaluated);
        QCOMPARE(back.fpTop1, o.fpTop1);
        QCOMPARE(back.quantTop1, o.quantTop1);
        QCOMPARE(back.cancelled, o.cancelled);
        QCOMPARE(nlohmann::json::parse(back.resultJson), nlohmann::json::parse(o.resultJson));
    }

    void otherLinesMakeNoCall()
    {
        RecordingSink sink;
        zsq::api::RunOutcome outcome;
        const std::string progress = zsq::api::progressJsonLine({"ptq", 1, 5, -1, 0});
        for (const std::string& line :
             {std::string(), std::string("   "), std::string("wrote /tmp/x"), std::string("{not json"),
              std::string("{\"event\":\"unknown\"}"), std::string("{\"no_event\":1}"), std::string("[1,2]"),
              progress.substr(0, progress.size() / 2),                                       // cut short
              std::string("{\"event\":\"progress\",\"stage\":\"x\"}"),                       // fields missing
              std::string("{\"event\":\"images\",\"iteration\":1,\"n\":1,\"channels\":1,\"height\":2,"
                          "\"width\":2,\"labels\":[0],\"pixels\":\"AAA=\"}"),                // 2 bytes, not 4
              std::string("{\"event\":\"images\",\"iteration\":1,\"n\":1,\"channels\":1,\"height\":1,"
                          "\"width\":3,\"labels\":[0],\"pixels\":\"A*A=\"}")})               // not base64
            QCOMPARE(zsq::api::readEventJsonLine(line, sink, &outcome), zsq::api::EventLineKind::Other);
        QVERIFY(sink.calls.empty());
        QCOMPARE(zsq::api::readEventJsonLine(progress, sink, &outcome), zsq::api::EventLineKind::Event);
        QCOMPARE(sink.calls.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestEventJson)
#include "tst_event_json.moc"
