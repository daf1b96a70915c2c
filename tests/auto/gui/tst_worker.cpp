// The GUI's one worker primitive (ui/base/worker.h) on its own, with fake
// jobs, after Qt Creator's tst_async: the outcome rule as a data table, the
// thread the job and done() run on, busy refusal, pause, cancel and the
// destructor's cancel-and-wait. Needs no data set.
#include <atomic>
#include <stdexcept>

#include <QSignalSpy>
#include <QTest>

#include "common/cancel.h"
#include "common/error.h"
#include "ui/base/worker.h"

using zsq::ui::WorkOutcome;
using zsq::ui::Worker;

namespace {
enum class Behaviour { Return, ThrowCancelled, ThrowError, ThrowNonStd, ThrowAfterCancel, PollUntilCancelled };

void behave(Behaviour b, const zsq::CancelToken& token)
{
    switch (b) {
    case Behaviour::Return:
        return;
    case Behaviour::ThrowCancelled:
        throw zsq::Cancelled();
    case Behaviour::ThrowError:
        throw std::runtime_error("disk full while writing /tmp/x\nsecond line");
    case Behaviour::ThrowNonStd:
        throw 42;
    case Behaviour::ThrowAfterCancel:
        while (!token.isCancelled())
            QThread::msleep(2);
        throw std::runtime_error("file closed under us");
    case Behaviour::PollUntilCancelled:
        for (;;) {
            token.checkpoint();
            QThread::msleep(2);
        }
    }
}

// done()'s arguments, waited for.
struct Done {
    WorkOutcome outcome = WorkOutcome::Finished;
    QString error;
};
Done waitDone(QSignalSpy& spy)
{
    if (spy.isEmpty())
        spy.wait(5000);
    if (spy.isEmpty())
        return {WorkOutcome::Failed, QStringLiteral("<no done() within 5 s>")};
    const QList<QVariant> args = spy.takeFirst();
    return {args.at(0).value<WorkOutcome>(), args.at(1).toString()};
}
} // namespace

Q_DECLARE_METATYPE(Behaviour)

class TstWorker : public QObject {
    Q_OBJECT
private slots:
    void outcome_data()
    {
        QTest::addColumn<Behaviour>("behaviour");
        QTest::addColumn<bool>("cancel");
        QTest::addColumn<WorkOutcome>("expected");
        QTest::addColumn<QString>("error");
        QTest::newRow("returns") << Behaviour::Return << false << WorkOutcome::Finished << QString();
        QTest::newRow("throws Cancelled") << Behaviour::ThrowCancelled << false << WorkOutcome::Cancelled << QString();
        QTest::newRow("throws an error: first line")
            << Behaviour::ThrowError << false << WorkOutcome::Failed << QStringLiteral("disk full while writing /tmp/x");
        QTest::newRow("throws a non-exception")
            << Behaviour::ThrowNonStd << false << WorkOutcome::Failed << QStringLiteral("Unknown error.");
        QTest::newRow("an error after cancel is a cancel")
            << Behaviour::ThrowAfterCancel << true << WorkOutcome::Cancelled << QString();
        QTest::newRow("polls until cancelled")
            << Behaviour::PollUntilCancelled << true << WorkOutcome::Cancelled << QString();
    }

    void outcome()
    {
        QFETCH(Behaviour, behaviour);
        QFETCH(bool, cancel);
        QFETCH(WorkOutcome, expected);
        QFETCH(QString, error);
        Worker worker;
        QSignalSpy spy(&worker, &Worker::done);
        QVERIFY(worker.start([behaviour](const zsq::CancelToken& t) { behave(behaviour, t); }));
        QVERIFY(worker.isBusy());
        if (cancel) {
            QTest::qWait(20);
            worker.cancel();
            QVERIFY(worker.isCancelRequested());
        }
        const Done d = waitDone(spy);
        QCOMPARE(d.error, error);
        QCOMPARE(d.outcome, expected);
        QVERIFY(!worker.isBusy());
        QCOMPARE(spy.count(), 0);   // exactly one done() per job
    }

    void jobRunsOffThreadDoneOnOwnerThread()
    {
        Worker worker(nullptr, QStringLiteral("zsq-test-worker"));
        QThread* jobThread = nullptr;
        QString jobThreadName;
        QThread* doneThread = nullptr;
        connect(&worker, &Worker::done, this, [&] { doneThread = QThread::currentThread(); });
        QSignalSpy spy(&worker, &Worker::done);
        QVERIFY(worker.start([&](const zsq::CancelToken&) {
            jobThread = QThread::currentThread();
            jobThreadName = jobThread->objectName();
        }));
        QCOMPARE(waitDone(spy).outcome, WorkOutcome::Finished);
        QVERIFY(jobThread != nullptr);
        QVERIFY(jobThread != QThread::currentThread());
        QCOMPARE(jobThreadName, QStringLiteral("zsq-test-worker"));
        QCOMPARE(doneThread, QThread::currentThread());
    }

    void refusesASecondJobUntilDone()
    {
        Worker worker;
        QSignalSpy spy(&worker, &Worker::done);
        std::atomic<bool> release{false};
        QVERIFY(worker.start([&](const zsq::CancelToken&) {
            while (!release.load())
                QThread::msleep(2);
        }));
        QVERIFY(!worker.start([](const zsq::CancelToken&) {}));
        release = true;
        QCOMPARE(waitDone(spy).outcome, WorkOutcome::Finished);
        // A new job with a fresh token after the first one is done.
        QVERIFY(worker.start([](const zsq::CancelToken& t) { QVERIFY(!t.isCancelled()); }));
        QCOMPARE(waitDone(spy).outcome, WorkOutcome::Finished);
    }

    void pauseHoldsTheJobAndCancelReleasesIt()
    {
        Worker worker;
        QSignalSpy spy(&worker, &Worker::done);
        std::atomic<int> steps{0};
        QVERIFY(worker.start([&](const zsq::CancelToken& t) {
            for (;;) {
                t.checkpoint();
                ++steps;
                QThread::msleep(1);
            }
        }));
        QTRY_VERIFY(steps.load() > 3);
        worker.setPaused(true);
        QTest::qWait(60);   // a step in flight may still finish
        const int held = steps.load();
        QTest::qWait(150);
        QCOMPARE(steps.load(), held);
        worker.setPaused(false);
        QTRY_VERIFY(steps.load() > held);
        worker.setPaused(true);
        worker.cancel();   // releases the pause: the job must end, not hang
        QCOMPARE(waitDone(spy).outcome, WorkOutcome::Cancelled);
    }

    void destructorCancelsAndWaits()
    {
        std::atomic<bool> ended{false};
        {
            Worker worker;
            QVERIFY(worker.start([&](const zsq::CancelToken& t) {
                try {
                    behave(Behaviour::PollUntilCancelled, t);
                } catch (...) {
                    ended = true;
                    throw;
                }
            }));
            QTest::qWait(20);
        }
        QVERIFY(ended.load());
        QCoreApplication::processEvents();   // the dropped outcome must not reach a dead object
    }
};

QTEST_GUILESS_MAIN(TstWorker)
#include "tst_worker.moc"
