#pragma once
// THE adapter between the GUI and a quantization run: runs
// api::runQuantization on a worker thread, owns the CancelToken that pauses
// and stops it, and turns core's events into signals on the GUI thread.
//
// As in QGIS's QgsTask + QgsFeedback, the worker polls a shared token and
// reports through a thread-safe object; as in Qt Creator's Utils::Async, the
// result comes back to the owner's thread. Events are buffered and delivered
// in batches on a timer (deliveryInterval), so that losses reported every
// iteration cost the GUI thread one signal per interval, not one per event.
//
// A run config with dist.nproc > 1 runs in child processes instead (the
// `zsq` CLI's launcher of N data-parallel ranks, ProcessRun): their events
// reach the same queue, so the signals are the same; only Pause is not
// available (canPause()).
#include <memory>

#include <QObject>
#include <QStringList>

#include "run_types.h"

class QTimer;

namespace zsq::ui {

class ProcessRun;
class RunEventQueue;
class Worker;
enum class WorkOutcome;

class RunController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Stopping };
    Q_ENUM(State)

    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;   // stops a running job and waits for it

    // Starts a run of `configJson` (a partial run config; `givenKeys` are kept
    // from the profile too). Returns false when a run is already going, or
    // when a multi-process run cannot start (then failed() says why).
    // A multi-process run takes its given keys from the config itself: every
    // key in it is given (a refinement's config holds all of its keys).
    bool start(const QString& configJson, const QStringList& givenKeys = {});
    void pause();
    void resume();
    void togglePause();
    // Asks the run to stop; generative runs keep run.ckpt and still report
    // the student's accuracy, then cancelled() follows.
    void stop();

    State state() const { return m_state; }
    // False while a multi-process run goes: its ranks wait for each other
    // at most dist.timeout seconds, so they cannot be held for long.
    bool canPause() const { return !m_processes; }
    // The processes of the run going (1 for an in-process run).
    int processCount() const { return m_processes > 0 ? m_processes : 1; }
    bool isActive() const { return m_state != State::Idle; }

    int deliveryInterval() const;
    void setDeliveryInterval(int milliseconds);

signals:
    void stateChanged(zsq::ui::RunController::State state);
    void started();
    void progress(const zsq::ui::RunProgress& progress);
    void lossesReceived(const QList<zsq::ui::LossSample>& samples);
    void imagesReceived(const zsq::ui::ImageSet& images);
    void evaluationReceived(const zsq::ui::EvaluationPoint& evaluation);
    void message(int level, const QString& text);   // level: zsq::LogLevel
    void finished(const zsq::ui::RunResult& result);
    void cancelled(const zsq::ui::RunResult& result);
    void failed(const QString& message);              // one line

private:
    struct Shared;
    void setState(State state);
    void deliver();
    void onWorkerDone(zsq::ui::WorkOutcome outcome, const QString& error);
    bool startProcesses(const QString& configJson, int nproc);
    void onProcessesEnded(int exitCode, const QString& error);
    void finish(RunResult result, bool failed, bool cancelled, const QString& error);

    std::shared_ptr<Shared> m_shared;
    Worker* m_worker = nullptr;
    ProcessRun* m_processRun = nullptr;
    int m_processes = 0;            // > 0 while a multi-process run goes
    QTimer* m_timer = nullptr;
    State m_state = State::Idle;
};

} // namespace zsq::ui
