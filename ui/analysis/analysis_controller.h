#pragma once
// The adapter between the analysis views and core's analysis jobs, after
// RunController: one job at a time on a worker thread, a CancelToken for
// Stop, core's events buffered in a RunEventQueue and delivered on a timer,
// results handed back on the GUI thread.
//
// t-SNE frames are paced: before publishing a new embedding the worker waits
// (at most framePacing ms) until the GUI has taken the previous one. On small
// data the optimisation is faster than the screen (400 points: 150
// iterations in 0.1 s), and without the wait the user would see only the
// final picture; on large data the GUI is always ahead and nothing waits.
#include <functional>
#include <memory>

#include <QObject>

#include "analysis_types.h"
#include "ui/run/run_types.h"

class QTimer;

namespace zsq::ui {

class Worker;
enum class WorkOutcome;

class AnalysisController : public QObject {
    Q_OBJECT
public:
    explicit AnalysisController(QObject* parent = nullptr);
    ~AnalysisController() override;   // cancels a running job and waits for it

    // `imageSize` is the model's input size (for image-folder sources).
    // Returns false while a job is going.
    bool startTsne(const zsq::analysis::TsneJobConfig& config, qint64 imageSize);
    bool startLayers(const zsq::analysis::LayerAnalysisConfig& config);
    void stop();

    bool isActive() const;
    bool isStopping() const { return m_stopping; }

    void setDeliveryInterval(int milliseconds);
    void setFramePacing(int milliseconds) { m_framePacingMs = milliseconds; }

signals:
    void activeChanged(bool active);
    void progress(const zsq::ui::RunProgress& progress);
    void message(int level, const QString& text);   // level: zsq::LogLevel
    void tsneLayout(const zsq::ui::TsneLayout& layout);
    void tsneFrame(const zsq::ui::TsneFrame& frame);
    void tsneFinished(const zsq::ui::TsneResultPtr& result);
    void layersFinished(const zsq::ui::LayerResultPtr& result);
    // The per-layer figures so far, after each batch (the latest only when
    // several came between two deliveries).
    void layersPartial(const zsq::ui::LayerResultPtr& partial);
    void cancelled();
    void failed(const QString& message);            // one line

private:
    struct Shared;
    using Job = std::function<void(Shared& shared)>;
    bool start(Job job);
    void deliver();
    void onWorkerDone(zsq::ui::WorkOutcome outcome, const QString& error);

    std::shared_ptr<Shared> m_shared;
    Worker* m_worker = nullptr;
    QTimer* m_timer = nullptr;
    int m_framePacingMs = 40;
    bool m_stopping = false;
};

} // namespace zsq::ui
