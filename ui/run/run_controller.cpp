#include "run_controller.h"

#include <exception>

#include <QTimer>

#include "api/quantization_run.h"
#include "common/cancel.h"
#include "common/error.h"
#include "run_event_queue.h"
#include "ui/base/worker.h"

namespace zsq::ui {

namespace {
// Registered once so that queued connections and QSignalSpy accept them.
const int kRegistered = [] {
    qRegisterMetaType<RunProgress>();
    qRegisterMetaType<LossSample>();
    qRegisterMetaType<QList<LossSample>>();
    qRegisterMetaType<ImageSet>();
    qRegisterMetaType<EvaluationPoint>();
    qRegisterMetaType<RunResult>();
    return 0;
}();
} // namespace

// What the worker and the GUI thread share; kept alive by both.
struct RunController::Shared {
    RunEventQueue queue;
    RunResult result;
};

RunController::RunController(QObject* parent) : QObject(parent)
{
    Q_UNUSED(kRegistered);
    m_timer = new QTimer(this);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &RunController::deliver);
    m_worker = new Worker(this, QStringLiteral("zsq-run"));
    connect(m_worker, &Worker::done, this, &RunController::onWorkerDone);
}

// The worker (a child) cancels its job and waits for it.
RunController::~RunController() = default;

int RunController::deliveryInterval() const
{
    return m_timer->interval();
}

void RunController::setDeliveryInterval(int milliseconds)
{
    m_timer->setInterval(qMax(1, milliseconds));
}

bool RunController::start(const QString& configJson, const QStringList& givenKeys)
{
    if (m_state != State::Idle)
        return false;
    m_shared = std::make_shared<Shared>();
    const std::string config = configJson.toStdString();
    std::vector<std::string> keys;
    for (const QString& key : givenKeys)
        keys.push_back(key.toStdString());

    std::shared_ptr<Shared> shared = m_shared;
    m_worker->start(
        [shared, config, keys](const zsq::CancelToken& token) {
            const api::RunOutcome o = api::runQuantization(config, keys, shared->queue, &token);
            RunResult& result = shared->result;
            result.outputDir = QString::fromStdString(o.outputDir);
            result.evaluated = o.evaluated;
            result.cancelled = o.cancelled;
            result.fpTop1 = o.fpTop1;
            result.quantTop1 = o.quantTop1;
            result.resultJson = QString::fromStdString(o.resultJson);
        },
        QThread::LowPriority);
    m_timer->start();
    setState(State::Running);
    emit started();
    return true;
}

void RunController::pause()
{
    if (m_state != State::Running)
        return;
    m_worker->setPaused(true);
    setState(State::Paused);
}

void RunController::resume()
{
    if (m_state != State::Paused)
        return;
    m_worker->setPaused(false);
    setState(State::Running);
}

void RunController::togglePause()
{
    if (m_state == State::Running)
        pause();
    else if (m_state == State::Paused)
        resume();
}

void RunController::stop()
{
    if (m_state != State::Running && m_state != State::Paused)
        return;
    m_worker->cancel();
    setState(State::Stopping);
}

void RunController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void RunController::deliver()
{
    if (!m_shared)
        return;
    RunEventQueue::Pending p = m_shared->queue.take();
    if (p.isEmpty())
        return;
    for (const auto& [level, text] : p.messages)
        emit message(level, text);
    if (!p.losses.isEmpty())
        emit lossesReceived(p.losses);
    for (const ImageSet& set : p.images)
        emit imagesReceived(set);
    for (const EvaluationPoint& e : p.evaluations)
        emit evaluationReceived(e);
    if (p.progress)
        emit progress(*p.progress);
}

void RunController::onWorkerDone(WorkOutcome outcome, const QString& error)
{
    // Everything the worker reported was queued before done() was posted.
    deliver();
    m_timer->stop();
    RunResult result = m_shared->result;
    m_shared.reset();
    setState(State::Idle);
    // A generative run that was stopped returns normally (it still evaluates
    // the student) with result.cancelled set.
    if (outcome == WorkOutcome::Failed)
        emit failed(error);
    else if (outcome == WorkOutcome::Cancelled || result.cancelled) {
        result.cancelled = true;
        emit cancelled(result);
    } else
        emit finished(result);
}

} // namespace zsq::ui
