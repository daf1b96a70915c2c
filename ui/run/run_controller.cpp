#include "run_controller.h"

#include <exception>

#include <QThread>
#include <QTimer>

#include "api/quantization_run.h"
#include "common/cancel.h"
#include "common/error.h"
#include "run_event_queue.h"

namespace zsq::ui {

namespace {
enum DoneKind { Done = 0, DoneCancelled = 1, DoneFailed = 2 };

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
    zsq::CancelToken token;
    RunEventQueue queue;
};

RunController::RunController(QObject* parent) : QObject(parent)
{
    Q_UNUSED(kRegistered);
    m_timer = new QTimer(this);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &RunController::deliver);
}

RunController::~RunController()
{
    if (m_thread) {
        m_shared->token.cancel();
        m_thread->wait();
    }
}

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
    m_thread = QThread::create([this, shared, config, keys] {
        RunResult result;
        QString error;
        int kind = Done;
        try {
            const api::RunOutcome o = api::runQuantization(config, keys, shared->queue, &shared->token);
            result.outputDir = QString::fromStdString(o.outputDir);
            result.evaluated = o.evaluated;
            result.cancelled = o.cancelled;
            result.fpTop1 = o.fpTop1;
            result.quantTop1 = o.quantTop1;
            result.resultJson = QString::fromStdString(o.resultJson);
            kind = o.cancelled ? DoneCancelled : Done;
        } catch (const zsq::Cancelled&) {
            result.cancelled = true;
            kind = DoneCancelled;
        } catch (const std::exception& e) {
            error = QString::fromStdString(zsq::firstLine(e.what()));
            kind = DoneFailed;
        } catch (...) {
            kind = DoneFailed;
        }
        // The controller outlives the thread (its destructor waits), so
        // posting to it is safe.
        QMetaObject::invokeMethod(
            this, [this, kind, result, error] { onWorkerDone(kind, result, error); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("zsq-run"));
    m_timer->start();
    setState(State::Running);
    emit started();
    m_thread->start(QThread::LowPriority);
    return true;
}

void RunController::pause()
{
    if (m_state != State::Running)
        return;
    m_shared->token.setPaused(true);
    setState(State::Paused);
}

void RunController::resume()
{
    if (m_state != State::Paused)
        return;
    m_shared->token.setPaused(false);
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
    m_shared->token.cancel();
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

void RunController::onWorkerDone(int kind, const RunResult& result, const QString& error)
{
    // Everything the worker reported was queued before this call was posted.
    deliver();
    m_timer->stop();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_shared.reset();
    setState(State::Idle);
    if (kind == DoneFailed)
        emit failed(error.isEmpty() ? tr("The run failed with an unknown error.") : error);
    else if (kind == DoneCancelled)
        emit cancelled(result);
    else
        emit finished(result);
}

} // namespace zsq::ui
