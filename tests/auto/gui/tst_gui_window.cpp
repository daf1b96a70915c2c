// The main window's own behaviour, with no data set: a fresh session with
// the demo model is not "modified"; closing asks what would be lost (unsaved
// session changes, a running job) and Cancel keeps the window open. The run
// is a PTQ run without data (ZeroQ-distilled inputs), so nothing here needs
// Fashion-MNIST.
#include <csignal>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "api/quantization_run.h"
#include "ui/app/main_window.h"
#include "ui/plots/loss_plot.h"
#include "ui/plots/run_curves.h"
#include "ui/results/results_view.h"
#include "ui/run/param_help.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_types.h"
#include "ui/run/run_panel.h"
#include "zsq_gui_test_util.h"

using zsq::ui::MainWindow;
using zsq::ui::RunController;

class TstGuiWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QVERIFY(m_runs.isValid());
        zsq::test::isolateSettings(m_settings.path());
        // Multi-process runs start the CLI; this test's executable is not
        // in the folder of zsq.
        qputenv("ZSQ_CLI", ZSQ_CLI_PATH);
    }

    void freshSessionIsNotModified()
    {
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(1024, 700));
        const QString error = zsq::test::loadDemoModel(*window);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!window->isSessionModified());
        QVERIFY(!window->isWindowModified());
        // Nothing to lose: closing does not ask.
        QSignalSpy asked(window.get(), &MainWindow::quitAsked);
        window->setQuitAnswer(MainWindow::QuitAnswer::Cancel);
        QVERIFY(window->close());
        QCOMPARE(asked.count(), 0);
    }

    void closingWithUnsavedChangesAsks()
    {
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(1024, 700));
        QVERIFY(zsq::test::loadDemoModel(*window).isEmpty());
        QVERIFY(window->runPanel()->setParameter(QStringLiteral("wbits"), 3));
        QVERIFY(window->isSessionModified());
        QVERIFY(window->isWindowModified());
        QSignalSpy asked(window.get(), &MainWindow::quitAsked);
        window->setQuitAnswer(MainWindow::QuitAnswer::Cancel);
        QVERIFY(!window->close());
        QVERIFY(window->isVisible());
        QCOMPARE(asked.count(), 1);
        QVERIFY(asked.at(0).at(0).toString().contains(QStringLiteral("unsaved")));
        window->setQuitAnswer(MainWindow::QuitAnswer::Discard);
        QVERIFY(window->close());
        QCOMPARE(asked.count(), 2);
    }

    void closingDuringARunAsks()
    {
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(1024, 700));
        QVERIFY(zsq::test::loadDemoModel(*window).isEmpty());
        zsq::ui::RunPanel* panel = window->runPanel();
        QVERIFY(panel->setParameter(QStringLiteral("method"), QStringLiteral("ptq")));
        QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("none")));
        QVERIFY(panel->setParameter(QStringLiteral("output"), m_runs.filePath(QStringLiteral("ptq"))));
        QVERIFY(panel->setParameter(QStringLiteral("threads"), 2));
        // Long enough to still be going when we try to close.
        QVERIFY(panel->setParameter(QStringLiteral("ptq.iterations"), 5000));
        {
            const QString notStarted = zsq::test::pressStart(*window);
            QVERIFY2(notStarted.isEmpty(), qPrintable(notStarted));
        }
        QTRY_VERIFY_WITH_TIMEOUT(window->runController()->isActive(), 60000);
        QSignalSpy asked(window.get(), &MainWindow::quitAsked);
        window->setQuitAnswer(MainWindow::QuitAnswer::Cancel);
        QVERIFY(!window->close());
        QCOMPARE(asked.count(), 1);
        QVERIFY(asked.at(0).at(0).toString().contains(QStringLiteral("run is going")));
        QVERIFY(window->runController()->isActive());   // Cancel left the run alone
        window->setQuitAnswer(MainWindow::QuitAnswer::Discard);
        QVERIFY(window->close());
        QVERIFY(window->runController()->state() == RunController::State::Stopping ||
                !window->runController()->isActive());
    }

    void refinesAFinishedRun()
    {
        // Results ▸ Refine… (Run ▸ Refine Finished Run…): a finished
        // data-free PTQ run refined with the range search, without the
        // user setting anything up again; the refined run is a new row.
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(1024, 700));
        QVERIFY(zsq::test::loadDemoModel(*window).isEmpty());
        const QString run = m_runs.filePath(QStringLiteral("to-refine"));
        QSignalSpy ran(window.get(), &MainWindow::runFinished);
        startTinyPtqRun(*window, run);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(!ran.isEmpty(), 120000);
        QVERIFY2(ran.takeFirst().at(0).toBool(), "the run to refine failed");

        // A folder that is not a finished run: refused, nothing starts.
        QVERIFY(!window->refineFinishedRun(m_runs.filePath(QStringLiteral("no-such-run")), QStringLiteral("ranges")));
        QVERIFY(!window->runController()->isActive());

        QVERIFY(window->refineFinishedRun(run, QStringLiteral("ranges")));
        QTRY_VERIFY_WITH_TIMEOUT(!ran.isEmpty(), 300000);
        QVERIFY2(ran.at(0).at(0).toBool(), qPrintable(ran.at(0).at(1).toString()));
        const QList<zsq::ui::SessionRun> runs = window->resultsView()->runs();
        QCOMPARE(runs.size(), 2);
        const zsq::ui::SessionRun& refined = runs.last();
        qInfo("refined into %s: %s", qPrintable(refined.outputDir), qPrintable(refined.methodLabel()));
        QCOMPARE(refined.methodLabel(), QStringLiteral("ptq + ranges"));
        QVERIFY(QDir::cleanPath(refined.outputDir) != QDir::cleanPath(run));
        QVERIFY(QFileInfo::exists(QDir(refined.outputDir).filePath(QStringLiteral("quantized.zsq"))));
        // The original run is untouched.
        QCOMPARE(runs.first().methodLabel(), QStringLiteral("ptq"));
    }

    void exportsAFinishedRun()
    {
        // A short data-free PTQ run, then File/Results "Export Model…" to
        // ONNX and TorchScript; a float model is refused in one line.
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(1024, 700));
        QVERIFY(zsq::test::loadDemoModel(*window).isEmpty());
        const QString run = m_runs.filePath(QStringLiteral("exported"));
        QSignalSpy ran(window.get(), &MainWindow::runFinished);
        startTinyPtqRun(*window, run);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(!ran.isEmpty(), 120000);
        QVERIFY2(ran.at(0).at(0).toBool(), qPrintable(ran.at(0).at(1).toString()));
        QCOMPARE(window->resultsView()->currentRunDir(), run);

        QSignalSpy exported(window.get(), &MainWindow::exportFinished);
        for (const QString name : {QStringLiteral("model.onnx"), QStringLiteral("model.pt")}) {
            const QString out = m_runs.filePath(name);
            QVERIFY(window->exportQuantizedModel(window->resultsView()->currentRunDir(), out));
            QTRY_VERIFY_WITH_TIMEOUT(!exported.isEmpty(), 120000);
            const QList<QVariant> args = exported.takeFirst();
            QVERIFY2(args.at(0).toBool(), qPrintable(args.at(1).toString()));
            QVERIFY(QFileInfo(out).size() > 10000);
            qInfo("%s", qPrintable(args.at(1).toString()));
        }
        const QString floatModel = window->currentPath();
        QVERIFY(window->exportQuantizedModel(floatModel, m_runs.filePath(QStringLiteral("float.onnx"))));
        QTRY_VERIFY_WITH_TIMEOUT(!exported.isEmpty(), 120000);
        QVERIFY(!exported.at(0).at(0).toBool());
        const QString why = exported.at(0).at(1).toString();
        QVERIFY2(!why.isEmpty() && !why.contains(QLatin1Char('\n')), qPrintable(why));
        QVERIFY(!QFileInfo::exists(m_runs.filePath(QStringLiteral("float.onnx"))));
    }

    void runsInTwoProcessesFromTheRunPanel()
    {
        // Processes = 2 in the Run panel: `zsq quantize --nproc 2` runs a tiny
        // data-free GDFQ, and its rank 0's events (progress, losses, images)
        // reach the same views as an in-process run's; the Results tab gets
        // its folder. Pause is not offered while it goes.
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(1024, 700));
        QVERIFY(zsq::test::loadDemoModel(*window).isEmpty());
        const QString run = m_runs.filePath(QStringLiteral("two-processes"));
        RunController* controller = window->runController();
        QSignalSpy progress(controller, &RunController::progress);
        QSignalSpy losses(controller, &RunController::lossesReceived);
        QSignalSpy images(controller, &RunController::imagesReceived);
        QSignalSpy finished(controller, &RunController::finished);
        QSignalSpy ran(window.get(), &MainWindow::runFinished);
        startTinyTwoProcessRun(*window, run, 1);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(controller->processCount(), 2);
        QVERIFY(!window->pauseAction()->isEnabled());
        QVERIFY(window->pauseAction()->toolTip().contains(QStringLiteral("2")));
        QTRY_VERIFY_WITH_TIMEOUT(!ran.isEmpty(), 60000);
        QVERIFY2(ran.at(0).at(0).toBool(), qPrintable(ran.at(0).at(1).toString()));
        QCOMPARE(finished.count(), 1);
        qInfo("%lld progress signals, %lld loss batches, %lld image sets", static_cast<long long>(progress.count()),
              static_cast<long long>(losses.count()), static_cast<long long>(images.count()));
        QVERIFY(!progress.isEmpty());
        const auto last = progress.last().at(0).value<zsq::ui::RunProgress>();
        QCOMPARE(last.total, qint64(4));
        QCOMPARE(last.current, qint64(4));
        QVERIFY2(last.stage.endsWith(QStringLiteral("rank 0 of 2")), qPrintable(last.stage));
        QVERIFY(!losses.isEmpty());
        QVERIFY(!images.isEmpty());
        const auto set = images.last().at(0).value<zsq::ui::ImageSet>();
        QVERIFY(!set.images.isEmpty());
        QCOMPARE(set.images.size(), set.labels.size());
        // Data-parallel: result.json says so, and the run is on the Results tab.
        const auto result = finished.at(0).at(0).value<zsq::ui::RunResult>();
        QCOMPARE(QDir::cleanPath(result.outputDir), QDir::cleanPath(run));
        QCOMPARE(QJsonDocument::fromJson(result.resultJson.toUtf8()).object().value(QStringLiteral("processes")).toInt(),
                 2);
        const QList<zsq::ui::SessionRun> runs = window->resultsView()->runs();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(QDir::cleanPath(runs.first().outputDir), QDir::cleanPath(run));
        QVERIFY(QFileInfo::exists(QDir(run).filePath(QStringLiteral("quantized.zsq"))));
        QCOMPARE(controller->processCount(), 1);
        QVERIFY(controller->canPause());
    }

    void stopEndsEveryProcessOfARun()
    {
        // Stop during a 2-process run: Ctrl-C to the launcher reaches both
        // ranks, they end, and the run is cancelled with its checkpoint.
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(1024, 700));
        QVERIFY(zsq::test::loadDemoModel(*window).isEmpty());
        const QString run = m_runs.filePath(QStringLiteral("two-processes-stopped"));
        RunController* controller = window->runController();
        QSignalSpy progress(controller, &RunController::progress);
        QSignalSpy messages(controller, &RunController::message);
        QSignalSpy cancelled(controller, &RunController::cancelled);
        QSignalSpy ran(window.get(), &MainWindow::runFinished);
        startTinyTwoProcessRun(*window, run, 100);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).value<zsq::ui::RunProgress>().current >= 3,
                                 60000);
        const QList<qint64> pids = rankPids(messages);
        QCOMPARE(pids.size(), 2);
        for (qint64 pid : pids)
            QCOMPARE(::kill(static_cast<pid_t>(pid), 0), 0);
        QElapsedTimer clock;
        clock.start();
        window->stopAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!ran.isEmpty(), 60000);
        qInfo("stopped at iteration %lld; the run ended %lld ms after Stop",
              static_cast<long long>(progress.last().at(0).value<zsq::ui::RunProgress>().current),
              static_cast<long long>(clock.elapsed()));
        QCOMPARE(cancelled.count(), 1);
        const auto result = cancelled.at(0).at(0).value<zsq::ui::RunResult>();
        QVERIFY(result.cancelled);
        QCOMPARE(QDir::cleanPath(result.outputDir), QDir::cleanPath(run));
        QVERIFY(QFileInfo::exists(QDir(run).filePath(QStringLiteral("run.ckpt"))));
        QVERIFY(QFileInfo::exists(QDir(run).filePath(QStringLiteral("CANCELLED.txt"))));
        QVERIFY(!QFileInfo::exists(QDir(run).filePath(QStringLiteral("quantized.zsq"))));
        // Both ranks have ended (the launcher waits for them before it exits).
        for (qint64 pid : pids)
            QVERIFY2(::kill(static_cast<pid_t>(pid), 0) != 0, qPrintable(QString::number(pid)));
    }

    void closingTheWindowEndsEveryProcessOfARun()
    {
        // The window goes away during a 2-process run (after its close was
        // confirmed): the controller interrupts the launcher and waits, so
        // no rank outlives the app and rank 0 still writes its checkpoint.
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(1024, 700));
        QVERIFY(zsq::test::loadDemoModel(*window).isEmpty());
        const QString run = m_runs.filePath(QStringLiteral("two-processes-closed"));
        RunController* controller = window->runController();
        QSignalSpy progress(controller, &RunController::progress);
        QSignalSpy messages(controller, &RunController::message);
        startTinyTwoProcessRun(*window, run, 100);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 60000);
        const QList<qint64> pids = rankPids(messages);
        QCOMPARE(pids.size(), 2);
        window.reset();
        for (qint64 pid : pids)
            QVERIFY2(::kill(static_cast<pid_t>(pid), 0) != 0, qPrintable(QString::number(pid)));
        QVERIFY(QFileInfo::exists(QDir(run).filePath(QStringLiteral("CANCELLED.txt"))));
        QVERIFY(QFileInfo::exists(QDir(run).filePath(QStringLiteral("run.ckpt"))));
    }

    void aRefusedMultiProcessRunFailsInOneLine()
    {
        // A batch that does not split between the processes: the ranks
        // refuse it (exit code 2) and their one error line is the run's.
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(1024, 700));
        QVERIFY(zsq::test::loadDemoModel(*window).isEmpty());
        QSignalSpy ran(window.get(), &MainWindow::runFinished);
        startTinyTwoProcessRun(*window, m_runs.filePath(QStringLiteral("odd-batch")), 1, 7);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(!ran.isEmpty(), 60000);
        QVERIFY(!ran.at(0).at(0).toBool());
        const QString why = ran.at(0).at(1).toString();
        qInfo("refused: %s", qPrintable(why));
        QVERIFY2(why.startsWith(QStringLiteral("train.batch_size 7")) && !why.contains(QLatin1Char('\n')),
                 qPrintable(why));
        QVERIFY(!window->runController()->isActive());
    }

    void aMissingCommandLineProgramIsRefused()
    {
        // Without zsq next to it, a multi-process run fails at once in one
        // line that names the program; nothing runs.
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(1024, 700));
        QVERIFY(zsq::test::loadDemoModel(*window).isEmpty());
        const QByteArray saved = qgetenv("ZSQ_CLI");
        qputenv("ZSQ_CLI", m_runs.filePath(QStringLiteral("no-such-zsq")).toUtf8());
        QSignalSpy ran(window.get(), &MainWindow::runFinished);
        startTinyTwoProcessRun(*window, m_runs.filePath(QStringLiteral("never")), 1);
        qputenv("ZSQ_CLI", saved);
        QCOMPARE(ran.count(), 1);
        QVERIFY(!ran.at(0).at(0).toBool());
        const QString why = ran.at(0).at(1).toString();
        QVERIFY2(why.contains(QStringLiteral("no-such-zsq")) && !why.contains(QLatin1Char('\n')), qPrintable(why));
        QVERIFY(!window->runController()->isActive());
        QVERIFY(window->startAction()->isEnabled());
        QVERIFY(!QFileInfo::exists(m_runs.filePath(QStringLiteral("never"))));
    }

    void processesAreOneMainSettingNotTwo()
    {
        // dist.nproc is the Run panel's Processes field; the schema-generated
        // Advanced form does not show it a second time. One process leaves
        // the key out of the config (an in-process run, as before).
        zsq::ui::RunPanel panel;
        const QJsonObject one = QJsonDocument::fromJson(panel.configJson().toUtf8()).object();
        QVERIFY(!one.contains(QStringLiteral("dist")));
        QVERIFY(panel.setParameter(QStringLiteral("dist.nproc"), 3));
        QCOMPARE(panel.parameter(QStringLiteral("dist.nproc")).toInt(), 3);
        const QJsonObject three = QJsonDocument::fromJson(panel.configJson().toUtf8()).object();
        QCOMPARE(three.value(QStringLiteral("dist")).toObject().value(QStringLiteral("nproc")).toInt(), 3);
        // The Advanced form names its editors by key: dist's other keys are
        // there, dist.nproc is not; the one editor with its help is the panel's.
        QVERIFY(panel.findChild<QWidget*>(QStringLiteral("dist.backend")));
        QVERIFY(!panel.findChild<QWidget*>(QStringLiteral("dist.nproc")));
        const QString help = zsq::ui::translatedParamHelp(QString::fromStdString(nprocHelp()));
        QVERIFY(!help.isEmpty());
        int nprocEditors = 0;
        for (QSpinBox* spin : panel.findChildren<QSpinBox*>())
            nprocEditors += spin->toolTip().startsWith(help) ? 1 : 0;
        QCOMPARE(nprocEditors, 1);
        // A session without the key is back to one process.
        panel.applySessionConfig(QJsonObject{{QStringLiteral("method"), QStringLiteral("gdfq")}});
        QCOMPARE(panel.parameter(QStringLiteral("dist.nproc")).toInt(), 1);
    }

    void runPanelOffersEveryChoiceOfCoresSchema()
    {
        // The method and profile lists are core's: every choice of the schema
        // can be picked (the panel lacked "classroom", and the demo silently
        // ran "quick" instead).
        zsq::ui::RunPanel panel;
        const QJsonArray schema =
            QJsonDocument::fromJson(QByteArray::fromStdString(zsq::api::runConfigSchemaJson())).array();
        int checked = 0;
        for (const QJsonValue& v : schema) {
            const QJsonObject entry = v.toObject();
            const QString key = entry.value(QStringLiteral("key")).toString();
            if (key != QLatin1String("method") && key != QLatin1String("profile"))
                continue;
            for (const QJsonValue& choice : entry.value(QStringLiteral("choices")).toArray()) {
                QVERIFY2(panel.setParameter(key, choice.toString()), qPrintable(key + QLatin1Char('=') + choice.toString()));
                QCOMPARE(panel.parameter(key).toString(), choice.toString());
                ++checked;
                if (key != QLatin1String("method"))
                    continue;
                // Every method explains itself, and the form shows the
                // settings it uses: a generator's training only where one is
                // trained (ptq and genie distil their images).
                const QString m = choice.toString();
                QVERIFY2(!zsq::ui::RunPanel::methodExplanation(m).isEmpty(), qPrintable(m));
                const bool distils = m == QLatin1String("ptq") || m == QLatin1String("genie");
                QCOMPARE(panel.showsSettingsGroup(QStringLiteral("train")), !distils);
                QCOMPARE(panel.showsSettingsGroup(QStringLiteral("ptq")), m == QLatin1String("ptq"));
                QCOMPARE(panel.showsSettingsGroup(QStringLiteral("genie")), m == QLatin1String("genie"));
            }
        }
        QVERIFY(checked >= 9);   // 5 methods, 4 profiles
    }

    void missingDatasetDisablesStart()
    {
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(1024, 700));
        QVERIFY(zsq::test::loadDemoModel(*window).isEmpty());
        zsq::ui::RunPanel* panel = window->runPanel();
        QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("none")));
        QTRY_VERIFY(window->startAction()->isEnabled());
        QVERIFY(panel->setParameter(QStringLiteral("dataset"), m_runs.filePath(QStringLiteral("no-such-folder"))));
        QTRY_VERIFY(!window->startAction()->isEnabled());
        QVERIFY(!panel->datasetProblem().isEmpty());
        QVERIFY(window->startAction()->toolTip().contains(panel->datasetProblem()));
        QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("none")));
        QTRY_VERIFY(window->startAction()->isEnabled());
    }

    void resultsOverlayOneLossForAllRuns()
    {
        // An LRQ run (G/total, S/total) beside a ClusterQ run whose file has
        // only G/total: both are drawn as G/total, never S/total against G/total.
        zsq::ui::RunCurves lrq, clusterq, ptq;
        lrq.losses[QStringLiteral("S/total")] = {QPointF(0, 2)};
        lrq.losses[QStringLiteral("G/total")] = {QPointF(0, 20)};
        clusterq.losses[QStringLiteral("G/total")] = {QPointF(0, 19)};
        QCOMPARE(zsq::ui::commonLoss({lrq, clusterq}), QStringLiteral("G/total"));
        clusterq.losses[QStringLiteral("S/total")] = {QPointF(0, 1.5)};
        QCOMPARE(zsq::ui::commonLoss({lrq, clusterq}), QStringLiteral("S/total"));
        ptq.losses[QStringLiteral("ptq/bn_stats")] = {QPointF(0, 0.1)};
        QCOMPARE(zsq::ui::commonLoss({lrq, ptq}), QString());
        QCOMPARE(zsq::ui::commonLoss({ptq, zsq::ui::RunCurves()}), QStringLiteral("ptq/bn_stats"));
    }

    void lossChartsReadWellByDefault()
    {
        // Log scale from the start (BNS ~0.03 beside CE ~20), and a loss has
        // one colour whatever the method and the order its losses arrive in.
        zsq::ui::LossPlot lrq, clusterq;
        QVERIFY(lrq.isLogScale());
        lrq.addSamples({{0, QStringLiteral("G/ama"), 1.0}, {0, QStringLiteral("G/bns"), 0.03},
                        {0, QStringLiteral("S/tckd"), 0.5}, {0, QStringLiteral("S/kd"), 2.0}});
        clusterq.addSamples({{0, QStringLiteral("G/cluster"), 0.2}, {0, QStringLiteral("S/kd"), 2.0},
                             {0, QStringLiteral("G/bns"), 0.03}, {0, QStringLiteral("S/ce"), 1.5}});
        QCOMPARE(lrq.seriesColour(QStringLiteral("G/bns")), clusterq.seriesColour(QStringLiteral("G/bns")));
        QCOMPARE(lrq.seriesColour(QStringLiteral("S/kd")), clusterq.seriesColour(QStringLiteral("S/kd")));
        QVERIFY(clusterq.seriesColour(QStringLiteral("G/bns")) != clusterq.seriesColour(QStringLiteral("G/cluster")));
        QVERIFY(clusterq.seriesColour(QStringLiteral("S/kd")) != clusterq.seriesColour(QStringLiteral("S/ce")));
    }

private:
    static std::string nprocHelp()
    {
        for (const QJsonValue& v :
             QJsonDocument::fromJson(QByteArray::fromStdString(zsq::api::runConfigSchemaJson())).array())
            if (v.toObject().value(QStringLiteral("key")).toString() == QLatin1String("dist.nproc"))
                return v.toObject().value(QStringLiteral("help")).toString().toStdString();
        return {};
    }

    // The pids of both ranks, from the launcher's line in the log
    // ("started 2 processes on 127.0.0.1:PORT (rank 0 pid A, rank 1 pid B)").
    static QList<qint64> rankPids(const QSignalSpy& messages)
    {
        const QRegularExpression started(QStringLiteral("rank 0 pid (\\d+), rank 1 pid (\\d+)"));
        for (const QList<QVariant>& m : messages) {
            const QRegularExpressionMatch match = started.match(m.at(1).toString());
            if (match.hasMatch())
                return {match.captured(1).toLongLong(), match.captured(2).toLongLong()};
        }
        return {};
    }

    // A data-free GDFQ run of `epochs` epochs of 4 iterations on batches of
    // `batchSize` in 2 processes of one thread each, started through the Run panel.
    static void startTinyTwoProcessRun(MainWindow& window, const QString& output, int epochs, int batchSize = 8)
    {
        zsq::ui::RunPanel* panel = window.runPanel();
        QVERIFY(panel->setParameter(QStringLiteral("method"), QStringLiteral("gdfq")));
        QVERIFY(panel->setParameter(QStringLiteral("profile"), QStringLiteral("custom")));
        QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("none")));
        QVERIFY(panel->setParameter(QStringLiteral("device"), QStringLiteral("cpu")));
        QVERIFY(panel->setParameter(QStringLiteral("output"), output));
        QVERIFY(panel->setParameter(QStringLiteral("dist.nproc"), 2));
        QVERIFY(panel->setParameter(QStringLiteral("threads"), 1));
        QVERIFY(panel->setParameter(QStringLiteral("train.epochs"), epochs));
        QVERIFY(panel->setParameter(QStringLiteral("train.iterations"), 4));
        QVERIFY(panel->setParameter(QStringLiteral("train.batch_size"), batchSize));
        QVERIFY(panel->setParameter(QStringLiteral("train.warmup_epochs"), 0));
        QVERIFY(panel->setParameter(QStringLiteral("train.calibration_epochs"), 1));
        QVERIFY(panel->setParameter(QStringLiteral("train.image_every"), 2));
        {
            const QString notStarted = zsq::test::pressStart(window);
            QVERIFY2(notStarted.isEmpty(), qPrintable(notStarted));
        }
    }

    // A data-free PTQ run of 5 distillation steps on 8 images into `output`,
    // started through the Run panel as a user would.
    static void startTinyPtqRun(MainWindow& window, const QString& output)
    {
        zsq::ui::RunPanel* panel = window.runPanel();
        QVERIFY(panel->setParameter(QStringLiteral("method"), QStringLiteral("ptq")));
        QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("none")));
        QVERIFY(panel->setParameter(QStringLiteral("output"), output));
        QVERIFY(panel->setParameter(QStringLiteral("threads"), 2));
        QVERIFY(panel->setParameter(QStringLiteral("ptq.iterations"), 5));
        QVERIFY(panel->setParameter(QStringLiteral("ptq.batch_size"), 8));
        {
            const QString notStarted = zsq::test::pressStart(window);
            QVERIFY2(notStarted.isEmpty(), qPrintable(notStarted));
        }
    }

    QTemporaryDir m_settings;
    QTemporaryDir m_runs;
};

QTEST_MAIN(TstGuiWindow)
#include "tst_gui_window.moc"
