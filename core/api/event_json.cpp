#include "api/event_json.h"

#include <algorithm>
#include <cmath>
#include <exception>

#include <nlohmann/json.hpp>

#include "common/bounded_json.h"

namespace zsq::api {

namespace {

using nlohmann::json;

const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(const std::string& bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) | static_cast<unsigned char>(bytes[i + 2]);
        out += kBase64[(v >> 18) & 63];
        out += kBase64[(v >> 12) & 63];
        out += kBase64[(v >> 6) & 63];
        out += kBase64[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2)
            v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += kBase64[(v >> 18) & 63];
        out += kBase64[(v >> 12) & 63];
        out += rest == 2 ? kBase64[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

// False on a character outside the alphabet or a length that is not a
// multiple of 4 (a line cut short).
bool fromBase64(const std::string& text, std::string* bytes)
{
    if (text.size() % 4 != 0)
        return false;
    bytes->clear();
    bytes->reserve(text.size() / 4 * 3);
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == '+')
            return 62;
        if (c == '/')
            return 63;
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        const int pad = last ? (text[i + 3] == '=') + (text[i + 2] == '=') : 0;
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            const int d = k >= 4 - pad ? 0 : value(text[i + k]);
            if (d < 0)
                return false;
            v = (v << 6) | static_cast<unsigned>(d);
        }
        bytes->push_back(static_cast<char>((v >> 16) & 255));
        if (pad < 2)
            bytes->push_back(static_cast<char>((v >> 8) & 255));
        if (pad < 1)
            bytes->push_back(static_cast<char>(v & 255));
    }
    return true;
}

const char* levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warning: return "warning";
    case LogLevel::Error: return "error";
    }
    return "info";
}

LogLevel levelFromName(const std::string& name)
{
    if (name == "debug")
        return LogLevel::Debug;
    if (name == "warning")
        return LogLevel::Warning;
    if (name == "error")
        return LogLevel::Error;
    return LogLevel::Info;
}

// nlohmann writes NaN and infinities as null; a diverged loss stays NaN.
json number(double v)
{
    return std::isfinite(v) ? json(v) : json(nullptr);
}

double toDouble(const json& v)
{
    return v.is_number() ? v.get<double>() : std::nan("");
}

// Lossy by design (see the header): one byte per value.
std::string pixelBytes(const std::vector<float>& pixels)
{
    std::string bytes(pixels.size(), '\0');
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        const float v = std::isfinite(pixels[i]) ? std::clamp(pixels[i], 0.0f, 1.0f) : 0.0f;
        bytes[i] = static_cast<char>(std::lround(v * 255.0f));
    }
    return bytes;
}

std::string dumpLine(const json& j)
{
    // Replace, not throw, on invalid UTF-8 in a message (a file name).
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

void readEvent(const json& j, const std::string& kind, EventSink& sink)
{
    if (kind == "message") {
        sink.onMessage(levelFromName(j.at("level").get<std::string>()), j.at("text").get<std::string>());
    } else if (kind == "progress") {
        ProgressInfo p;
        p.stage = j.at("stage").get<std::string>();
        p.current = j.at("current").get<std::int64_t>();
        p.total = j.at("total").get<std::int64_t>();
        p.etaSeconds = j.contains("eta") && j.at("eta").is_number() ? j.at("eta").get<double>() : -1;
        p.stepsPerSecond = j.contains("rate") && j.at("rate").is_number() ? j.at("rate").get<double>() : 0;
        sink.onProgress(p);
    } else if (kind == "losses") {
        std::map<std::string, double> values;
        for (const auto& [name, v] : j.at("values").items())
            values[name] = toDouble(v);
        sink.onLosses(j.at("iteration").get<std::int64_t>(), values);
    } else if (kind == "images") {
        ImageBatch b;
        b.iteration = j.at("iteration").get<std::int64_t>();
        b.n = j.at("n").get<int>();
        b.channels = j.at("channels").get<int>();
        b.height = j.at("height").get<int>();
        b.width = j.at("width").get<int>();
        b.labels = j.at("labels").get<std::vector<int>>();
        std::string bytes;
        if (!fromBase64(j.at("pixels").get<std::string>(), &bytes))
            throw std::invalid_argument("pixels are not base64");
        const std::size_t expected = static_cast<std::size_t>(std::max(0, b.n)) * std::max(0, b.channels) *
                                     std::max(0, b.height) * std::max(0, b.width);
        if (bytes.size() != expected)
            throw std::invalid_argument("pixels do not match the batch's shape");
        b.pixels.resize(bytes.size());
        for (std::size_t i = 0; i < bytes.size(); ++i)
            b.pixels[i] = static_cast<unsigned char>(bytes[i]) / 255.0f;
        sink.onImages(b);
    } else if (kind == "evaluation") {
        EvaluationInfo e;
        e.what = j.at("what").get<std::string>();
        e.epoch = j.at("epoch").get<std::int64_t>();
        e.top1 = toDouble(j.at("top1"));
        e.samples = j.at("samples").get<std::int64_t>();
        sink.onEvaluation(e);
    } else {
        throw std::invalid_argument("unknown event");
    }
}

} // namespace

std::string messageJsonLine(LogLevel level, const std::string& text)
{
    return dumpLine({{"event", "message"}, {"level", levelName(level)}, {"text", text}});
}

std::string progressJsonLine(const ProgressInfo& info)
{
    return dumpLine({{"event", "progress"},
                     {"stage", info.stage},
                     {"current", info.current},
                     {"total", info.total},
                     {"eta", number(info.etaSeconds)},
                     {"rate", number(info.stepsPerSecond)}});
}

std::string lossesJsonLine(std::int64_t iteration, const std::map<std::string, double>& values)
{
    json v = json::object();
    for (const auto& [name, value] : values)
        v[name] = number(value);
    return dumpLine({{"event", "losses"}, {"iteration", iteration}, {"values", v}});
}

std::string imagesJsonLine(const ImageBatch& batch)
{
    return dumpLine({{"event", "images"},
                     {"iteration", batch.iteration},
                     {"n", batch.n},
                     {"channels", batch.channels},
                     {"height", batch.height},
                     {"width", batch.width},
                     {"labels", batch.labels},
                     {"pixels", base64(pixelBytes(batch.pixels))}});
}

std::string evaluationJsonLine(const EvaluationInfo& info)
{
    return dumpLine({{"event", "evaluation"},
                     {"what", info.what},
                     {"epoch", info.epoch},
                     {"top1", number(info.top1)},
                     {"samples", info.samples}});
}

std::string outcomeJsonLine(const RunOutcome& outcome)
{
    json result = json::object();
    if (!outcome.resultJson.empty()) {
        try {
            result = parseBoundedJson(outcome.resultJson);
        } catch (const std::exception&) {
            result = outcome.resultJson; // kept as text rather than lost
        }
    }
    return dumpLine({{"event", "outcome"},
                     {"output_dir", outcome.outputDir},
                     {"evaluated", outcome.evaluated},
                     {"fp_top1", number(outcome.fpTop1)},
                     {"quant_top1", number(outcome.quantTop1)},
                     {"cancelled", outcome.cancelled},
                     {"result", result}});
}

JsonLinesSink::JsonLinesSink(Writer write) : write_(std::move(write)) {}

void JsonLinesSink::send(const std::string& line)
{
    std::lock_guard<std::mutex> lock(mutex_);
    write_(line);
}

void JsonLinesSink::onMessage(LogLevel level, const std::string& text)
{
    send(messageJsonLine(level, text));
}

void JsonLinesSink::onProgress(const ProgressInfo& info)
{
    send(progressJsonLine(info));
}

void JsonLinesSink::onLosses(std::int64_t iteration, const std::map<std::string, double>& values)
{
    send(lossesJsonLine(iteration, values));
}

void JsonLinesSink::onImages(const ImageBatch& batch)
{
    send(imagesJsonLine(batch));
}

void JsonLinesSink::onEvaluation(const EvaluationInfo& info)
{
    send(evaluationJsonLine(info));
}

JsonLinesSink::Writer lineWriter(std::FILE* out)
{
    return [out](const std::string& line) {
        std::fwrite(line.data(), 1, line.size(), out);
        std::fputc('\n', out);
        std::fflush(out);
    };
}

EventLineKind readEventJsonLine(const std::string& line, EventSink& sink, RunOutcome* outcome)
{
    const std::size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos || line[start] != '{')
        return EventLineKind::Other;
    try {
        const json j = parseBoundedJson(line);
        if (!j.is_object() || !j.contains("event") || !j.at("event").is_string())
            return EventLineKind::Other;
        const std::string kind = j.at("event").get<std::string>();
        if (kind == "outcome") {
            RunOutcome o;
            o.outputDir = j.at("output_dir").get<std::string>();
            o.evaluated = j.at("evaluated").get<bool>();
            o.fpTop1 = toDouble(j.at("fp_top1"));
            o.quantTop1 = toDouble(j.at("quant_top1"));
            o.cancelled = j.at("cancelled").get<bool>();
            const json& result = j.at("result");
            o.resultJson = result.is_string() ? result.get<std::string>() : result.dump(2);
            if (outcome)
                *outcome = std::move(o);
            return EventLineKind::Outcome;
        }
        // Parsed whole before the sink sees it: a malformed line makes no call.
        readEvent(j, kind, sink);
        return EventLineKind::Event;
    } catch (const std::exception&) {
        return EventLineKind::Other;
    }
}

} // namespace zsq::api
