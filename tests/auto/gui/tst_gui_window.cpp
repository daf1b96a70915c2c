// The main window's own behaviour, with no data set: a fresh session with
// the demo model is not "modified"; closing asks what would be lost (unsaved
// session changes, a running job) and Cancel keeps the window open. The run
// is a PTQ run without data (ZeroQ-distilled inputs), so nothing here needs
// Fashion-MNIST.
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "api/quantization_run.h"
#include "ui/app/main_window.h"
#include "ui/plots/loss_plot.h"
#include "ui/plots/run_curves.h"
#include "ui/results/results_view.h"
#include "ui/run/run_controller.h"
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
        window->startAction()->trigger();
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

    void dataParallelRunIsRefusedNotIgnored()
    {
        // The GUI runs one process; dist.nproc 2 must not silently run on one.
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(1024, 700));
        QVERIFY(zsq::test::loadDemoModel(*window).isEmpty());
        zsq::ui::RunPanel* panel = window->runPanel();
        QVERIFY(panel->setParameter(QStringLiteral("method"), QStringLiteral("ptq")));
        QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("none")));
        QVERIFY(panel->setParameter(QStringLiteral("output"), m_runs.filePath(QStringLiteral("nproc"))));
        QVERIFY(panel->setParameter(QStringLiteral("dist.nproc"), 2));
        QSignalSpy ran(window.get(), &MainWindow::runFinished);
        window->startAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!ran.isEmpty(), 60000);
        QVERIFY(!ran.at(0).at(0).toBool());
        QVERIFY2(ran.at(0).at(1).toString().contains(QStringLiteral("--nproc 2")), qPrintable(ran.at(0).at(1).toString()));
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
        window.startAction()->trigger();
    }

    QTemporaryDir m_settings;
    QTemporaryDir m_runs;
};

QTEST_MAIN(TstGuiWindow)
#include "tst_gui_window.moc"
