#include "worker.h"

#include <exception>

#include "common/cancel.h"
#include "common/error.h"

namespace zsq::ui {

namespace {
const int kRegistered = [] {
    qRegisterMetaType<WorkOutcome>();
    return 0;
}();
} // namespace

Worker::Worker(QObject* parent, const QString& threadName) : QObject(parent), m_threadName(threadName)
{
    Q_UNUSED(kRegistered);
}

Worker::~Worker()
{
    if (!m_thread)
        return;
    m_token->cancel();
    m_token->setPaused(false);
    m_thread->wait();
    // The outcome posted by the thread is dropped with this object.
    delete m_thread;
}

bool Worker::start(Job job, QThread::Priority priority)
{
    if (m_thread)
        return false;
    m_token = std::make_shared<zsq::CancelToken>();
    std::shared_ptr<zsq::CancelToken> token = m_token;
    m_thread = QThread::create([this, job = std::move(job), token] {
        WorkOutcome outcome = WorkOutcome::Finished;
        QString error;
        try {
            job(*token);
        } catch (const zsq::Cancelled&) {
            outcome = WorkOutcome::Cancelled;
        } catch (const std::exception& e) {
            outcome = token->isCancelled() ? WorkOutcome::Cancelled : WorkOutcome::Failed;
            error = QString::fromStdString(zsq::firstLine(e.what()));
        } catch (...) {
            outcome = token->isCancelled() ? WorkOutcome::Cancelled : WorkOutcome::Failed;
        }
        if (outcome != WorkOutcome::Failed)
            error.clear();
        else if (error.isEmpty())
            error = Worker::tr("Unknown error.");
        QMetaObject::invokeMethod(
            this, [this, outcome, error] { finish(outcome, error); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(m_threadName);
    m_thread->start(priority);
    return true;
}

void Worker::cancel()
{
    if (!m_thread)
        return;
    m_token->cancel();
    m_token->setPaused(false);
}

void Worker::setPaused(bool paused)
{
    if (m_thread)
        m_token->setPaused(paused);
}

bool Worker::isCancelRequested() const
{
    return m_token && m_token->isCancelled();
}

void Worker::finish(WorkOutcome outcome, const QString& error)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    emit done(outcome, error);
}

} // namespace zsq::ui
