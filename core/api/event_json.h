#pragma once
// Core's run events (common/events.h) as JSON lines, one event a line: what
// `zsq quantize --events jsonl` prints on stdout, and what a front end that
// runs the CLI as a child process (the GUI's multi-process runs) reads back
// into the same EventSink calls an in-process run makes. Both sides use this
// one definition, so a field added here reaches both. Torch- and Qt-free.
//
// Lines (keys in any order, written sorted; NaN/inf numbers as null):
//   {"event":"message","level":"info","text":"..."}
//   {"event":"progress","stage":"...","current":3,"total":10,"eta":1.5,"rate":2.0}
//   {"event":"losses","iteration":3,"values":{"G/bns":0.5,...}}
//   {"event":"images","iteration":3,"n":8,"channels":1,"height":28,"width":28,
//    "labels":[...],"pixels":"<base64 of one byte per value, value*255 rounded>"}
//   {"event":"evaluation","what":"student","epoch":1,"top1":91.2,"samples":10000}
//   {"event":"outcome","output_dir":"...","evaluated":true,"fp_top1":..,
//    "quant_top1":..,"cancelled":false,"result":{...result.json...}}
// Images travel as bytes: they are for display, and 8 bits is what a screen
// shows (a float per value would make each line four times longer).
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>

#include "api/quantization_run.h"
#include "common/events.h"

namespace zsq::api {

// One line each (without the trailing newline).
std::string messageJsonLine(LogLevel level, const std::string& text);
std::string progressJsonLine(const ProgressInfo& info);
std::string lossesJsonLine(std::int64_t iteration, const std::map<std::string, double>& values);
std::string imagesJsonLine(const ImageBatch& batch);
std::string evaluationJsonLine(const EvaluationInfo& info);
std::string outcomeJsonLine(const RunOutcome& outcome);

// An EventSink that hands every event, as one line, to `write`; calls from
// several threads are serialised.
class JsonLinesSink : public EventSink {
public:
    using Writer = std::function<void(const std::string& line)>;
    explicit JsonLinesSink(Writer write);

    void onMessage(LogLevel level, const std::string& text) override;
    void onProgress(const ProgressInfo& info) override;
    void onLosses(std::int64_t iteration, const std::map<std::string, double>& values) override;
    void onImages(const ImageBatch& batch) override;
    void onEvaluation(const EvaluationInfo& info) override;

private:
    void send(const std::string& line);
    Writer write_;
    std::mutex mutex_;
};

// A Writer that puts each line and a newline on `out` and flushes it, so
// that a pipe's reader sees every event as it happens.
JsonLinesSink::Writer lineWriter(std::FILE* out);

enum class EventLineKind {
    Event,      // an event, passed to the sink
    Outcome,    // the run's outcome, stored in *outcome
    Other       // not a line of this format (other output, a cut line): ignored
};

// Parses one line and calls the matching `sink` method (or fills `outcome`).
// Never throws: anything that is not a well-formed event line is Other.
EventLineKind readEventJsonLine(const std::string& line, EventSink& sink, RunOutcome* outcome);

} // namespace zsq::api
