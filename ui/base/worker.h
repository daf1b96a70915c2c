#pragma once
// The one way the GUI runs core work off its thread, after Qt Creator's
// Utils::Async and QGIS's QgsTask: a job on its own QThread, a CancelToken it
// polls (QgsFeedback's role), and a typed outcome delivered on the thread that
// owns the Worker.
//
// One rule decides the outcome, for every controller alike:
//   the job returns                         -> Finished
//   it throws zsq::Cancelled                -> Cancelled
//   it throws anything after cancel()       -> Cancelled (a job torn down by a
//                                              stop may fail in odd ways; the
//                                              user asked to stop, so that is
//                                              what they are told)
//   it throws anything else                 -> Failed, with the first line of
//                                              the message
// The Worker outlives its thread: the destructor cancels and waits, so a job
// may safely post to objects that the owner keeps alive as long as itself.
#include <functional>
#include <memory>

#include <QObject>
#include <QString>
#include <QThread>

namespace zsq {
class CancelToken;
}

namespace zsq::ui {

enum class WorkOutcome { Finished, Cancelled, Failed };

class Worker : public QObject {
    Q_OBJECT
public:
    using Job = std::function<void(const zsq::CancelToken& token)>;

    explicit Worker(QObject* parent = nullptr, const QString& threadName = QStringLiteral("zsq-worker"));
    ~Worker() override;   // cancels a running job and waits for it

    // Starts `job` on a new thread; false (and nothing started) while the
    // previous job has not delivered done() yet.
    bool start(Job job, QThread::Priority priority = QThread::InheritPriority);
    // Asks the job to stop (it sees it at its next checkpoint) and releases a
    // pause. done() follows when the job has ended.
    void cancel();
    void setPaused(bool paused);

    bool isBusy() const { return m_thread != nullptr; }
    bool isCancelRequested() const;
signals:
    // `error` is one line, set for Failed only.
    void done(zsq::ui::WorkOutcome outcome, const QString& error);

private:
    void finish(WorkOutcome outcome, const QString& error);

    QString m_threadName;
    QThread* m_thread = nullptr;
    std::shared_ptr<zsq::CancelToken> m_token;
};

} // namespace zsq::ui

Q_DECLARE_METATYPE(zsq::ui::WorkOutcome)
