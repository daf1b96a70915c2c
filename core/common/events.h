#pragma once
// The plain C++ event interface through which core reports progress. It has
// no torch and no Qt types, so the GUI adapter can turn each call into a
// queued signal and the CLI can print it. Callbacks may arrive on a worker
// thread; implementations must not block for long.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace zsq {

enum class LogLevel { Debug, Info, Warning, Error };

struct ProgressInfo {
    std::string stage;          // "train-teacher", "ptq: distilling data", ...
    std::int64_t current = 0;   // steps done
    std::int64_t total = 0;     // steps planned (0 = unknown)
    double etaSeconds = -1;     // < 0 when unknown
    double stepsPerSecond = 0;
};

// A batch of images in [0,1] for display, NCHW float, with labels.
struct ImageBatch {
    std::int64_t iteration = 0;
    int n = 0, channels = 0, height = 0, width = 0;
    std::vector<float> pixels;
    std::vector<int> labels;
};

struct EvaluationInfo {
    std::string what;           // "teacher", "student", ...
    std::int64_t epoch = 0;
    double top1 = 0;            // percent
    std::int64_t samples = 0;
};

class EventSink {
public:
    virtual ~EventSink() = default;
    virtual void onMessage(LogLevel, const std::string&) {}
    virtual void onProgress(const ProgressInfo&) {}
    // Named scalar losses of one iteration ("G/ce", "G/bns", "S/kd", ...).
    virtual void onLosses(std::int64_t /*iteration*/, const std::map<std::string, double>&) {}
    virtual void onImages(const ImageBatch&) {}
    virtual void onEvaluation(const EvaluationInfo&) {}
};

// Sends events to nowhere; used where the caller passed no sink.
EventSink& nullSink();

} // namespace zsq
