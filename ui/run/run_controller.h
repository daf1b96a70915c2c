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
#include <memory>

#include <QObject>
#include <QStringList>

#include "run_types.h"

class QTimer;

namespace zsq::ui {

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
    // from the profile too). Returns false when a run is already going.
    bool start(const QString& configJson, const QStringList& givenKeys = {});
    void pause();
    void resume();
    void togglePause();
    // Asks the run to stop; generative runs keep run.ckpt and still report
    // the student's accuracy, then cancelled() follows.
    void stop();

    State state() const { return m_state; }
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

    std::shared_ptr<Shared> m_shared;
    Worker* m_worker = nullptr;
    QTimer* m_timer = nullptr;
    State m_state = State::Idle;
};

} // namespace zsq::ui
