#pragma once
// The EventSink half of the RunController: core calls it on the worker
// thread, it converts and buffers, and the GUI thread takes everything at
// once on a timer. Buffering instead of one queued signal per event keeps
// the GUI thread's event queue short when losses arrive every iteration.
#include <deque>
#include <mutex>
#include <optional>

#include <QList>
#include <QPair>

#include "common/events.h"
#include "run_types.h"

namespace zsq::ui {

class RunEventQueue : public zsq::EventSink {
public:
    struct Pending {
        std::optional<RunProgress> progress;    // only the latest matters
        QList<LossSample> losses;
        QList<ImageSet> images;
        QList<EvaluationPoint> evaluations;
        QList<QPair<int, QString>> messages;    // (zsq::LogLevel, text)
        bool isEmpty() const;
    };

    // Image batches are large and one is shown at a time: at most this many
    // wait for the GUI thread; older ones are dropped.
    static constexpr int kMaxPendingImages = 4;

    void onMessage(LogLevel level, const std::string& text) override;
    void onProgress(const ProgressInfo& info) override;
    void onLosses(std::int64_t iteration, const std::map<std::string, double>& losses) override;
    void onImages(const ImageBatch& batch) override;
    void onEvaluation(const EvaluationInfo& info) override;

    Pending take();

private:
    std::mutex m_mutex;
    Pending m_pending;
};

// NCHW floats in [0,1] to one QImage per sample (grey or RGB).
QList<QImage> toImages(const ImageBatch& batch);

} // namespace zsq::ui
