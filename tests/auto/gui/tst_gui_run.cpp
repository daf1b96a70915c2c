// The GUI's Run part end to end: real MainWindow, offscreen platform, tiny
// GDFQ runs of the demo model through RunController on its worker thread.
#include <QtTest>

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include "ui/plots/image_grid.h"
#include "ui/base/log_view.h"
#include "ui/plots/loss_plot.h"
#include "ui/app/main_window.h"
#include "zsq_gui_test_util.h"
#include "ui/run/run_controller.h"
#include "qcustomplot.h"
#include "ui/run/run_panel.h"
#include "ui/plots/run_curves.h"
#include "ui/results/results_view.h"
#include "ui/session/session.h"

using zsq::ui::MainWindow;
using zsq::ui::RunController;

namespace {

// Measures how late a 5 ms timer fires on the GUI thread: the event loop's
// latency while a run is going.
class LatencyProbe : public QObject {
public:
    explicit LatencyProbe(QObject* parent = nullptr) : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double ms = m_clock.nsecsElapsed() / 1e6;
            m_clock.restart();
            m_lateness.push_back(std::max(0.0, ms - 5.0));
        });
    }
    void start()
    {
        m_lateness.clear();
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double percentile(double p) const
    {
        if (m_lateness.empty())
            return -1;
        std::vector<double> v = m_lateness;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
    }
    std::size_t samples() const { return m_lateness.size(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::vector<double> m_lateness;
};

// Runs a real event loop: QTest::qWait sleeps in 10 ms slices, which would
// make the latency probe measure qWait instead of the GUI thread.
void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool dialogOpen()
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (qobject_cast<QMessageBox*>(w) && w->isVisible())
            return true;
    return QApplication::activeModalWidget() != nullptr;
}

} // namespace

// The runs on Fashion-MNIST (their accuracy checks need it).
#define REQUIRE_FASHION_MNIST()                                                                  \
    do {                                                                                         \
        if (!zsq::test::fashionMnistInstalled())                                                 \
            QSKIP("needs Fashion-MNIST, which is not installed (apt install dataset-fashion-mnist)"); \
    } while (false)

class TstGuiRun : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void pauseResumeStop();
    void runToCompletion();
    void failingRunReportsOneLine();
    void stoppedRunResumesFromItsCheckpoint();
    void cleanupTestCase();

private:
    void tinyRun(const QString& output, int iterations);

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_runs;
    MainWindow* m_window = nullptr;
};

void TstGuiRun::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_runs.isValid());
    zsq::test::isolateSettings(m_settingsDir.path());
    // The window, its shortcuts and a failing run need no data; the runs on
    // Fashion-MNIST skip on their own (REQUIRE_FASHION_MNIST).
    m_window = zsq::test::newTestWindow(1100, 760);
    const QString loadError = zsq::test::loadDemoModel(*m_window);
    QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
    // The demo model's dataset is Fashion-MNIST: Start only where it is installed.
    QTRY_COMPARE(m_window->startAction()->isEnabled(), zsq::test::fashionMnistInstalled());
    // The same probe with no run going, to compare against.
    LatencyProbe idle;
    idle.start();
    spin(1000);
    idle.stop();
    qInfo("GUI event-loop latency, idle: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%zu ticks)", idle.percentile(0.5),
          idle.percentile(0.99), idle.percentile(1.0), idle.samples());
    QCOMPARE(m_window->startAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    QCOMPARE(m_window->pauseAction()->shortcut(), QKeySequence(Qt::Key_Space));
    QCOMPARE(m_window->stopAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Period));
}

void TstGuiRun::tinyRun(const QString& output, int iterations)
{
    zsq::ui::RunPanel* panel = m_window->runPanel();
    QVERIFY(panel->setParameter(QStringLiteral("method"), QStringLiteral("gdfq")));
    QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("fashion-mnist")));
    QVERIFY(panel->setParameter(QStringLiteral("output"), output));
    QVERIFY(panel->setParameter(QStringLiteral("train.epochs"), 2));
    QVERIFY(panel->setParameter(QStringLiteral("train.iterations"), iterations));
    QVERIFY(panel->setParameter(QStringLiteral("train.batch_size"), 16));
    QVERIFY(panel->setParameter(QStringLiteral("train.warmup_epochs"), 1));
    QVERIFY(panel->setParameter(QStringLiteral("train.calibration_epochs"), 1));
    QVERIFY(panel->setParameter(QStringLiteral("train.eval_limit"), 200));
    QVERIFY(panel->setParameter(QStringLiteral("train.image_every"), 2));
    QVERIFY(panel->setParameter(QStringLiteral("threads"), 2));
}

void TstGuiRun::pauseResumeStop()
{
    REQUIRE_FASHION_MNIST();
    const QString output = m_runs.filePath(QStringLiteral("stopped"));
    // Long enough (2 x 300 iterations) to pause, resume and stop in the middle.
    tinyRun(output, 300);
    QSignalSpy done(m_window, &MainWindow::runFinished);
    QSignalSpy cancelled(m_window->runController(), &RunController::cancelled);
    LatencyProbe probe;
    m_window->startAction()->trigger();
    // Start checks the model on the dataset first (a second or so).
    QVERIFY(!m_window->startAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->runController()->isActive(), 120000);
    QVERIFY(!m_window->startAction()->isEnabled());

    zsq::ui::LossPlot* plot = m_window->lossPlot();
    QTRY_VERIFY_WITH_TIMEOUT(plot->pointCount() > 0, 120000);
    // While losses stream in every iteration and the plot redraws.
    probe.start();
    spin(3000);
    probe.stop();
    qInfo("GUI event-loop latency while training: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%zu ticks, %d loss points)",
          probe.percentile(0.5), probe.percentile(0.99), probe.percentile(1.0), probe.samples(), plot->pointCount());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->imageGrid()->batchCount() > 0, 60000);
    QVERIFY(m_window->imageGrid()->shownIteration() >= 0);
    QVERIFY(plot->seriesNames().contains(QStringLiteral("G/total")));
    // Fashion-MNIST's class names label the rows.
    QVERIFY(m_window->imageGrid()->grab().width() > 0);

    m_window->pauseAction()->trigger();
    QCOMPARE(m_window->runController()->state(), RunController::State::Paused);
    QCOMPARE(m_window->pauseAction()->text(), MainWindow::tr("&Resume"));
    QVERIFY2(m_window->accuracyLabel()->text().startsWith(QStringLiteral("Paused")),
             qPrintable(m_window->accuracyLabel()->text()));
    // The step in flight finishes and is delivered; then nothing more.
    QTest::qWait(1000);
    const int pausedCount = plot->pointCount();
    QTest::qWait(1000);
    QCOMPARE(plot->pointCount(), pausedCount);

    m_window->pauseAction()->trigger();
    QCOMPARE(m_window->runController()->state(), RunController::State::Running);
    QVERIFY(!m_window->accuracyLabel()->text().startsWith(QStringLiteral("Paused")));
    QTRY_VERIFY_WITH_TIMEOUT(plot->pointCount() > pausedCount, 60000);

    // Esc closes popups and leaves fields; it must not stop the run, wherever
    // the focus is (it did, four times in one teacher's walk).
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    auto* combo = m_window->runPanel()->findChild<QComboBox*>();
    QVERIFY(combo);
    const QList<QWidget*> targets{m_window, combo, m_window->runPanel()->findChild<QLineEdit*>(),
                                  m_window->lossPlot()};
    for (QWidget* target : targets) {
        QVERIFY(target);
        target->setFocus();
        QTest::keyClick(target, Qt::Key_Escape);
        QTest::qWait(50);
        QCOMPARE(m_window->runController()->state(), RunController::State::Running);
    }
    // The stop chord does reach the action this way (so the Esc checks above
    // are not vacuous).
    QTest::keyClick(m_window, Qt::Key_Period, Qt::ControlModifier);
    QCOMPARE(m_window->runController()->state(), RunController::State::Stopping);
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 300000);
    QVERIFY(done.at(0).at(0).toBool());
    QCOMPARE(cancelled.count(), 1);
    const auto result = cancelled.at(0).at(0).value<zsq::ui::RunResult>();
    QVERIFY(result.cancelled);
    QVERIFY(QFileInfo::exists(output + QStringLiteral("/run.ckpt")));
    QVERIFY(QFileInfo::exists(output + QStringLiteral("/result.json")));
    QCOMPARE(m_window->runController()->state(), RunController::State::Idle);
    QVERIFY(m_window->startAction()->isEnabled());
    QVERIFY(m_window->accuracyLabel()->text().contains(QStringLiteral("run.ckpt")));

    // Exports work on what was drawn.
    QVERIFY(plot->exportCsv(m_runs.filePath(QStringLiteral("losses.csv"))));
    QVERIFY(plot->exportPng(m_runs.filePath(QStringLiteral("losses.png"))));
    QVERIFY(m_window->imageGrid()->saveImage(m_runs.filePath(QStringLiteral("images.png"))));
    QFile csv(m_runs.filePath(QStringLiteral("losses.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readLine().startsWith("iteration,"));
}

void TstGuiRun::runToCompletion()
{
    REQUIRE_FASHION_MNIST();
    const QString output = m_runs.filePath(QStringLiteral("finished"));
    tinyRun(output, 3);
    QSignalSpy done(m_window, &MainWindow::runFinished);
    QSignalSpy finished(m_window->runController(), &RunController::finished);
    LatencyProbe probe;
    probe.start();
    m_window->startAction()->trigger();
    {
        QEventLoop loop;
        connect(m_window, &MainWindow::runFinished, &loop, &QEventLoop::quit);
        QTimer::singleShot(600000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    probe.stop();
    QCOMPARE(done.count(), 1);
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    QCOMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(0).value<zsq::ui::RunResult>();
    QVERIFY(result.evaluated);
    QVERIFY(!result.cancelled);
    QVERIFY(result.quantTop1 > 10.0);
    QVERIFY(result.fpTop1 > 90.0);
    QVERIFY(QFileInfo::exists(output + QStringLiteral("/quantized.zsq")));
    // Both epochs' evaluations are on the plot; the final figure is shown.
    QCOMPARE(m_window->lossPlot()->evaluationCount(), 2);
    const QString shown = m_window->accuracyLabel()->text();
    QVERIFY2(shown.contains(QLocale().toString(result.quantTop1, 'f', 2)), qPrintable(shown));
    QVERIFY(m_window->logView()->lineCount() > 1);
    // The hover read-out with real mouse events, over the generator's curves
    // (the upper axis rect) in the middle of the run.
    m_window->tabs()->setCurrentIndex(MainWindow::TrainingTab);
    QCustomPlot* canvas = m_window->lossPlot()->plot();
    canvas->replot();
    const QRect generatorRect = canvas->axisRects().first()->rect();
    QTest::mouseMove(canvas, generatorRect.center());
    QLabel* readOut = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        for (QLabel* label : m_window->lossPlot()->findChildren<QLabel*>())
            if (label->isVisible() && label->text().startsWith(QStringLiteral("Iteration ")))
                readOut = label;
        return readOut != nullptr;
    }, 3000));
    qInfo("hover read-out: %s", qPrintable(readOut->text()));
    QVERIFY(readOut->text().contains(QStringLiteral("G/")));
    // The intra-class angle (degrees) has its own axis, not the losses' one.
    for (int i = 0; i < canvas->graphCount(); ++i) {
        QCPGraph* graph = canvas->graph(i);
        const bool angle = graph->name().endsWith(QStringLiteral("_deg"));
        QCOMPARE(graph->valueAxis()->axisType(), angle ? QCPAxis::atRight : QCPAxis::atLeft);
    }
    qInfo("GUI event-loop latency over a whole short run: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%zu ticks)",
          probe.percentile(0.5), probe.percentile(0.99), probe.percentile(1.0), probe.samples());
}

void TstGuiRun::failingRunReportsOneLine()
{
    zsq::ui::RunPanel* panel = m_window->runPanel();
    tinyRun(m_runs.filePath(QStringLiteral("failed")), 3);
    // A folder that exists but holds no dataset (a missing one disables Start).
    const QString empty = m_runs.filePath(QStringLiteral("zsq-dataset"));
    QVERIFY(QDir().mkpath(empty));
    QVERIFY(panel->setParameter(QStringLiteral("dataset"), empty));
    QSignalSpy done(m_window, &MainWindow::runFinished);
    QSignalSpy failed(m_window->runController(), &RunController::failed);
    {
        const QString notStarted = zsq::test::pressStart(*m_window);
        QVERIFY2(notStarted.isEmpty(), qPrintable(notStarted));
    }
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 120000);
    QVERIFY(!done.at(0).at(0).toBool());
    QCOMPARE(failed.count(), 1);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY(!message.isEmpty());
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("zsq-dataset")), qPrintable(message));
    QVERIFY(!dialogOpen());
    QCOMPARE(m_window->runController()->state(), RunController::State::Idle);
    QVERIFY(m_window->startAction()->isEnabled());
    // A value the schema rejects fails at Start, before any thread starts
    // (dataset none: the same with or without Fashion-MNIST installed).
    QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("none")));
    QVERIFY(panel->setParameter(QStringLiteral("gdfq.bns_weight"), QStringLiteral("oops")));
    {
        const QString notStarted = zsq::test::pressStart(*m_window);
        QVERIFY2(notStarted.isEmpty(), qPrintable(notStarted));
    }
    QCOMPARE(done.count(), 2);
    QVERIFY(done.at(1).at(1).toString().contains(QStringLiteral("gdfq.bns_weight")));
    QVERIFY(panel->setParameter(QStringLiteral("gdfq.bns_weight"), 0.1));
}

void TstGuiRun::stoppedRunResumesFromItsCheckpoint()
{
    REQUIRE_FASHION_MNIST();
    const QString output = m_runs.filePath(QStringLiteral("resumed"));
    tinyRun(output, 20);  // 2 epochs x 20 iterations
    QSignalSpy done(m_window, &MainWindow::runFinished);
    m_window->startAction()->trigger();
    // Stopped in the second epoch: the checkpoint is at iteration 20, so the
    // resumed part starts there and the history before it must survive.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->lossPlot()->evaluationCount() > 0, 300000);
    m_window->stopAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 300000);
    const QString ckpt = output + QStringLiteral("/run.ckpt");
    QVERIFY(QFileInfo::exists(ckpt));
    auto iterations = [&] {
        QList<qint64> its;
        for (const zsq::ui::LossSample& s : zsq::ui::readLossesCsv(output + QStringLiteral("/losses.csv")))
            its << s.iteration;
        std::sort(its.begin(), its.end());
        return its;
    };
    const QList<qint64> before = iterations();
    QVERIFY(!before.isEmpty());

    // Another method in the panel: the run's own config.json must win.
    QVERIFY(m_window->runPanel()->setParameter(QStringLiteral("method"), QStringLiteral("lrq")));
    QSignalSpy finished(m_window->runController(), &RunController::finished);
    QVERIFY(m_window->resumeFromCheckpoint(ckpt));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 300000);
    QCOMPARE(finished.count(), 1);
    QFile resultFile(output + QStringLiteral("/result.json"));
    QVERIFY(resultFile.open(QIODevice::ReadOnly));
    const QJsonObject result = QJsonDocument::fromJson(resultFile.readAll()).object();
    QCOMPARE(result.value(QStringLiteral("method")).toString(), QStringLiteral("gdfq"));
    QVERIFY(!result.value(QStringLiteral("cancelled")).toBool());
    QCOMPARE(result.value(QStringLiteral("details")).toObject().value(QStringLiteral("iterations_done")).toInt(), 40);
    // The resumed run keeps its history: losses.csv starts where the first
    // part started and reaches the last iteration, and the Results tab has
    // one row for the folder (it had two, and the curves restarted).
    const QList<qint64> after = iterations();
    qInfo("losses.csv: iterations %lld..%lld before the resume, %lld..%lld after", before.first(), before.last(),
          after.first(), after.last());
    QVERIFY(before.last() >= 19);
    QCOMPARE(after.first(), before.first());
    QVERIFY(after.last() >= 39);
    int rows = 0;
    for (const zsq::ui::SessionRun& run : m_window->resultsView()->runs())
        rows += QDir::cleanPath(run.outputDir) == QDir::cleanPath(output) ? 1 : 0;
    QCOMPARE(rows, 1);

    // A path that is not a checkpoint file is refused without starting anything.
    QVERIFY(!m_window->resumeFromCheckpoint(m_runs.filePath(QStringLiteral("nothing-here.ckpt"))));
    QCOMPARE(m_window->runController()->state(), RunController::State::Idle);
}

void TstGuiRun::cleanupTestCase()
{
    delete m_window;
    m_window = nullptr;
}

QTEST_MAIN(TstGuiRun)
#include "tst_gui_run.moc"
