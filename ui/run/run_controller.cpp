#include "run_controller.h"

#include <exception>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include "api/quantization_run.h"
#include "common/cancel.h"
#include "common/error.h"
#include "process_run.h"
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

// core's outcome (an in-process run's, or a multi-process run's last event
// line) as the GUI's views take it.
RunResult runResultFrom(const api::RunOutcome& o)
{
    RunResult result;
    result.outputDir = QString::fromStdString(o.outputDir);
    result.evaluated = o.evaluated;
    result.cancelled = o.cancelled;
    result.fpTop1 = o.fpTop1;
    result.quantTop1 = o.quantTop1;
    result.resultJson = QString::fromStdString(o.resultJson);
    return result;
}
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
    const int nproc = QJsonDocument::fromJson(configJson.toUtf8())
                          .object()
                          .value(QStringLiteral("dist"))
                          .toObject()
                          .value(QStringLiteral("nproc"))
                          .toInt(1);
    if (nproc > 1)
        return startProcesses(configJson, nproc);
    const std::string config = configJson.toStdString();
    std::vector<std::string> keys;
    for (const QString& key : givenKeys)
        keys.push_back(key.toStdString());

    std::shared_ptr<Shared> shared = m_shared;
    m_worker->start(
        [shared, config, keys](const zsq::CancelToken& token) {
            shared->result = runResultFrom(api::runQuantization(config, keys, shared->queue, &token));
        },
        QThread::LowPriority);
    m_timer->start();
    setState(State::Running);
    emit started();
    return true;
}

bool RunController::startProcesses(const QString& configJson, int nproc)
{
    delete m_processRun;
    m_processRun = new ProcessRun(m_shared->queue, this);
    connect(m_processRun, &ProcessRun::ended, this, &RunController::onProcessesEnded);
    QString error;
    if (!m_processRun->start(configJson, nproc, &error)) {
        m_shared.reset();
        emit failed(error);
        return false;
    }
    m_processes = nproc;
    m_shared->queue.onMessage(
        zsq::LogLevel::Info,
        tr("Started %1 processes (zsq quantize --nproc %1); the progress shown is rank 0's, over the global batch.")
            .arg(nproc)
            .toStdString());
    m_timer->start();
    setState(State::Running);
    emit started();
    return true;
}

void RunController::pause()
{
    if (m_state != State::Running || !canPause())
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
    if (m_processes)
        m_processRun->interrupt();
    else
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
    if (p.progress) {
        // Rank 0 reports for every rank; the status bar says so.
        if (m_processes > 0)
            p.progress->stage = tr("%1 · rank 0 of %2").arg(p.progress->stage).arg(m_processes);
        emit progress(*p.progress);
    }
}

void RunController::onWorkerDone(WorkOutcome outcome, const QString& error)
{
    // A generative run that was stopped returns normally (it still evaluates
    // the student) with result.cancelled set.
    finish(m_shared->result, outcome == WorkOutcome::Failed, outcome == WorkOutcome::Cancelled, error);
}

void RunController::onProcessesEnded(int exitCode, const QString& error)
{
    RunResult result;
    const bool reported = m_processRun->hasOutcome();
    if (reported)
        result = runResultFrom(m_processRun->outcome());
    // Stopped before training began, the ranks end without an outcome (exit
    // code 1, "cancelled"), as an in-process run ends with Cancelled.
    const bool stoppedEarly = !reported && m_state == State::Stopping && exitCode == 1;
    const bool failedRun = !stoppedEarly && (!reported || (exitCode != 0 && !result.cancelled));
    finish(result, failedRun, stoppedEarly, error.isEmpty() ? tr("zsq quantize ended without a result.") : error);
}

void RunController::finish(RunResult result, bool failedRun, bool cancelledRun, const QString& error)
{
    // Everything the run reported was queued before it ended.
    deliver();
    m_timer->stop();
    m_shared.reset();
    m_processes = 0;
    setState(State::Idle);
    if (failedRun)
        emit failed(error);
    else if (cancelledRun || result.cancelled) {
        result.cancelled = true;
        emit cancelled(result);
    } else
        emit finished(result);
}

} // namespace zsq::ui
