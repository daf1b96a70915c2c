// Sessions, crash recovery and the Results tab on real widgets (offscreen):
// a save/load round trip, a recovery after an instance died with the marker
// left behind, a save that fails and keeps the old file, a tiny PTQ run that
// adds a Results row, a tiny PTQ run refined by BRECQ (its row, its live
// refinement curve after the method's iterations, its Per-layer analysis), and
// the CSV/HTML exports.
#include <QtTest>

#include <QProcess>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QComboBox>
#include <QLabel>

#include "qcustomplot.h"
#include "ui/analysis/layer_view.h"
#include "ui/analysis/refined_checkpoint.h"
#include "ui/analysis/saved_analysis.h"
#include "ui/analysis/tsne_view.h"
#include "ui/plots/tsne_plot.h"
#include "ui/plots/image_grid.h"
#include "ui/plots/image_history_file.h"
#include "ui/session/run_chooser.h"
#include "ui/app/main_window.h"
#include "ui/plots/loss_plot.h"
#include "ui/plots/run_curves.h"
#include "ui/run/run_controller.h"
#include "zsq_gui_test_util.h"
#include "ui/results/results_view.h"
#include "ui/run/run_panel.h"
#include "ui/session/session.h"
#include "ui/session/session_recovery.h"

using zsq::ui::MainWindow;
using zsq::ui::Session;
using zsq::ui::SessionRun;

namespace {
SessionRun fakeRun(const QString& dir, const QString& method, double top1)
{
    SessionRun r;
    r.outputDir = dir;
    r.method = method;
    r.wbits = 4;
    r.abits = 4;
    r.averageWeightBits = 4;
    r.sizeBits = 762144;
    r.evaluated = true;
    r.fpTop1 = 92.46;
    r.quantTop1 = top1;
    r.seconds = 12.5;
    r.device = QStringLiteral("cpu");
    r.seed = 3;
    return r;
}

// Makes `dir` unwritable even for root: chmod first, and chattr +i where
// chmod is not enough. Returns false when neither works here.
bool makeReadOnly(const QString& dir, bool on)
{
    if (!on) {
        QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), dir});
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return true;
    }
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner);
    QFile probe(QDir(dir).filePath(QStringLiteral("probe")));
    if (!probe.open(QIODevice::WriteOnly))
        return true;
    probe.close();
    probe.remove();
    if (QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), dir}) != 0)
        return false;
    if (!probe.open(QIODevice::WriteOnly))
        return true;
    probe.remove();
    return false;
}
} // namespace

class TstGuiSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void recoveryRestoresSession();
    void failedSaveKeepsOldFile();
    void sessionRestoresEveryView();
    void reportHasTheRunsAnalyses();
    void runAddsResultRow();
    void refinedRunIsLabelled();
    void firstLastProtocolIsLabelled();
    void unmeasuredAccuracySaysWhy();
    void stoppedRunIsNotExported();
    void exports();
    void cleanupTestCase();

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_tmp;
    MainWindow* m_window = nullptr;
    QString m_analysedRun;   // a finished run with kept per-layer and t-SNE results
};

void TstGuiSession::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_tmp.isValid());
    zsq::test::isolateSettings(m_settingsDir.path());
    m_window = zsq::test::newTestWindow(1100, 760);
    const QString loadError = zsq::test::loadDemoModel(*m_window);
    QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
    QVERIFY(m_window->tabs()->widget(MainWindow::ResultsTab)->isAncestorOf(m_window->resultsView()));
}

void TstGuiSession::roundTrip()
{
    zsq::ui::RunPanel* panel = m_window->runPanel();
    QVERIFY(panel->setParameter(QStringLiteral("method"), QStringLiteral("clusterq")));
    QVERIFY(panel->setParameter(QStringLiteral("wbits"), 3));
    QVERIFY(panel->setParameter(QStringLiteral("seed"), 7));
    QVERIFY(panel->setParameter(QStringLiteral("train.epochs"), 5));
    m_window->resultsView()->setRuns({fakeRun(m_tmp.filePath(QStringLiteral("a")), QStringLiteral("lrq"), 88.5),
                                      fakeRun(m_tmp.filePath(QStringLiteral("b")), QStringLiteral("clusterq"), 87.25)});
    QVERIFY(m_window->isSessionModified());
    const QString path = m_tmp.filePath(QStringLiteral("one.zsqsession"));
    QVERIFY(m_window->saveSessionAs(path));
    QVERIFY(!m_window->isSessionModified());
    QCOMPARE(m_window->sessionPath(), QFileInfo(path).absoluteFilePath());

    // Change everything, then open the file again.
    QVERIFY(panel->setParameter(QStringLiteral("method"), QStringLiteral("gdfq")));
    QVERIFY(panel->setParameter(QStringLiteral("wbits"), 8));
    QVERIFY(panel->setParameter(QStringLiteral("train.epochs"), 9));
    m_window->newSession();
    QCOMPARE(m_window->resultsView()->rowCount(), 0);
    QVERIFY(m_window->openSession(path));
    QCOMPARE(panel->method(), QStringLiteral("clusterq"));
    QCOMPARE(panel->parameter(QStringLiteral("wbits")).toInt(), 3);
    QCOMPARE(panel->parameter(QStringLiteral("seed")).toInt(), 7);
    QCOMPARE(panel->parameter(QStringLiteral("train.epochs")).toInt(), 5);
    QCOMPARE(m_window->resultsView()->rowCount(), 2);
    QCOMPARE(m_window->resultsView()->runs().at(1).quantTop1, 87.25);
    QCOMPARE(m_window->resultsView()->runs().at(0).seed, qint64(3));
    // Not a session: refused with a reason.
    Session s;
    QString error;
    QVERIFY(!Session::fromJson("{\"runs\": []}", &s, &error));
    QVERIFY(!error.isEmpty());
}

void TstGuiSession::recoveryRestoresSession()
{
    const QString dir = m_tmp.filePath(QStringLiteral("recovery"));
    const QString interrupted = m_tmp.filePath(QStringLiteral("interrupted"));
    QVERIFY(QDir().mkpath(interrupted));
    {
        QFile ckpt(QDir(interrupted).filePath(QStringLiteral("run.ckpt")));
        QVERIFY(ckpt.open(QIODevice::WriteOnly));
        ckpt.write("checkpoint");
    }
    {
        // The instance that "crashes": autosaves, then dies without a clean
        // exit (no closeEvent), leaving the marker behind.
        MainWindow first;
        first.setErrorDialogsEnabled(false);
        QVERIFY(!first.enableCrashRecovery(dir, false));
        first.runPanel()->setParameter(QStringLiteral("method"), QStringLiteral("lrq"));
        first.runPanel()->setParameter(QStringLiteral("abits"), 6);
        first.resultsView()->addRun(fakeRun(m_tmp.filePath(QStringLiteral("done")), QStringLiteral("lrq"), 89.1));
        Session crashed = first.currentSession();
        crashed.interruptedRun = interrupted;   // as if a run were going
        // saveNow() writes the recovery file and the marker; the file is then
        // replaced by the one with a run going.
        QVERIFY(first.sessionRecovery()->saveNow());
        QString error;
        QVERIFY2(zsq::ui::saveSession(first.sessionRecovery()->recoveryFile(), crashed, &error), qPrintable(error));
        QVERIFY(QFileInfo::exists(first.sessionRecovery()->markerFile()));
    }
    MainWindow second;
    second.setErrorDialogsEnabled(false);
    QVERIFY(second.enableCrashRecovery(dir, false));
    // No model was open in the crashed instance, so the settings apply at once.
    QCOMPARE(second.runPanel()->method(), QStringLiteral("lrq"));
    QCOMPARE(second.runPanel()->parameter(QStringLiteral("abits")).toInt(), 6);
    QCOMPARE(second.resultsView()->rowCount(), 1);
    QCOMPARE(second.resultsView()->runs().front().quantTop1, 89.1);
    // The interrupted run resumes from its checkpoint, in its own folder.
    QCOMPARE(second.runPanel()->parameter(QStringLiteral("train.resume")).toString(),
             QDir(interrupted).filePath(QStringLiteral("run.ckpt")));
    QCOMPARE(second.runPanel()->sessionConfig().value(QStringLiteral("output")).toString(), interrupted);
    // A clean exit: nothing offered next time.
    second.close();
    QVERIFY(!QFileInfo::exists(second.sessionRecovery()->markerFile()));
    MainWindow third;
    QVERIFY(!third.enableCrashRecovery(dir, false));
}

void TstGuiSession::failedSaveKeepsOldFile()
{
    const QString dir = m_tmp.filePath(QStringLiteral("readonly"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = QDir(dir).filePath(QStringLiteral("kept.zsqsession"));
    QVERIFY(m_window->saveSessionAs(path));
    QFile before(path);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray old = before.readAll();
    before.close();
    QVERIFY(!old.isEmpty());
    m_window->resultsView()->addRun(fakeRun(m_tmp.filePath(QStringLiteral("c")), QStringLiteral("gdfq"), 80));
    const bool readOnly = makeReadOnly(dir, true);
    if (!readOnly) {
        makeReadOnly(dir, false);
        QSKIP("cannot make a directory read-only here");
    }
    QSignalSpy saved(m_window, &MainWindow::sessionSaved);
    const bool ok = m_window->saveSessionAs(path);
    makeReadOnly(dir, false);
    QVERIFY(!ok);
    QCOMPARE(saved.count(), 1);
    QVERIFY(!saved.at(0).at(0).toBool());
    QVERIFY(saved.at(0).at(1).toString().contains(QStringLiteral("kept.zsqsession")));
    QVERIFY(m_window->isSessionModified());
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), old);
    // Only the old file: no temporary left beside it.
    QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 1);
}

void TstGuiSession::sessionRestoresEveryView()
{
    // A tiny data-free GDFQ run (no dataset needed): its losses and images
    // are on the Training and Synthetic Images tabs, and the run keeps them.
    m_window->newSession();
    zsq::ui::RunPanel* panel = m_window->runPanel();
    const QString output = m_tmp.filePath(QStringLiteral("gdfq-none"));
    QVERIFY(panel->setParameter(QStringLiteral("method"), QStringLiteral("gdfq")));
    QVERIFY(panel->setParameter(QStringLiteral("profile"), QStringLiteral("classroom")));
    QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("none")));
    QVERIFY(panel->setParameter(QStringLiteral("output"), output));
    QVERIFY(panel->setParameter(QStringLiteral("train.epochs"), 2));
    QVERIFY(panel->setParameter(QStringLiteral("train.iterations"), 4));
    QVERIFY(panel->setParameter(QStringLiteral("train.batch_size"), 8));
    QVERIFY(panel->setParameter(QStringLiteral("train.image_every"), 1));
    QVERIFY(panel->setParameter(QStringLiteral("threads"), 2));
    QSignalSpy done(m_window, &MainWindow::runFinished);
    {
        const QString notStarted = zsq::test::pressStart(*m_window);
        QVERIFY2(notStarted.isEmpty(), qPrintable(notStarted));
    }
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 300000);
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    const int livePoints = m_window->lossPlot()->pointCount();
    const int liveBatches = m_window->imageGrid()->batchCount();
    const qint64 lastIteration = m_window->imageGrid()->shownIteration();
    qInfo("live: %d loss points, %d image batches (last at iteration %lld)", livePoints, liveBatches, lastIteration);
    QVERIFY(livePoints > 0);
    QVERIFY(liveBatches >= 2);
    QCOMPARE(m_window->trainingRunChooser()->shownRun(), output);
    QCOMPARE(zsq::ui::readImageHistory(output).size(), qMin(liveBatches, zsq::ui::kSavedImageBatches));

    // Analyses of the run's student kept in its folder, as the t-SNE and
    // Per-layer tabs keep them when they finish (their own runs need data).
    zsq::analysis::LayerAnalysisResult layers;
    layers.arch = "fmnist";
    layers.data = "test data";
    layers.samples = 100;
    layers.abits = 4;
    zsq::analysis::LayerStateReport state;
    state.state = "before";
    state.fpTop1 = 90;
    state.quantTop1 = 80;
    for (const char* name : {"stem.conv", "fc"}) {
        zsq::analysis::LayerFigures f;
        f.name = name;
        f.kind = "conv";
        f.parameters = 100;
        f.bits = 4;
        f.singleTop1 = 85;
        f.cumulativeTop1 = 82;
        f.sqnrDb = 17.5;
        f.cosine = 0.99;
        f.sensitivity = {{2, 0.5}, {4, 0.1}};
        state.layers.push_back(f);
    }
    layers.states.push_back(state);
    QString error;
    QVERIFY2(zsq::ui::saveLayerAnalysis(output, layers, QImage(), &error), qPrintable(error));
    // The synthetic sets it embedded: one still there, one deleted since;
    // a third set in the list was not part of it.
    const QString gdfqImages = m_tmp.filePath(QStringLiteral("gdfq-images"));
    const QString otherImages = m_tmp.filePath(QStringLiteral("other-images"));
    QVERIFY(QDir().mkpath(gdfqImages) && QDir().mkpath(otherImages));
    m_window->tsneView()->addSyntheticFolder(otherImages, QStringLiteral("other"), true);
    zsq::analysis::TsneJobResult tsne;
    tsne.sourceNames = {"real", "gdfq"};
    tsne.classNames = {"a", "b"};
    for (int i = 0; i < 6; ++i) {
        tsne.points.push_back({i % 2, i % 2, i % 2, i});
        tsne.embedding.push_back(static_cast<float>(i));
        tsne.embedding.push_back(static_cast<float>(-i));
    }
    // What tsne.json records of the options (tsne_job.cpp): restored into the form.
    tsne.figures = {{"classes", tsne.classNames},
                    {"perplexity", 12.0},
                    {"theta", 0.25},
                    {"iterations", 400},
                    {"sources",
                     {{"real", {{"samples", 300}, {"dataset", "fashion-mnist"}}},
                      {"gdfq", {{"samples", 3}, {"dataset", gdfqImages.toStdString()}}},
                      {"deleted since", {{"samples", 3}, {"dataset", m_tmp.filePath(QStringLiteral("gone")).toStdString()}}}}}};
    QVERIFY2(zsq::ui::saveTsneAnalysis(output, tsne, QImage(), &error), qPrintable(error));
    m_analysedRun = output;

    // Advanced settings of several groups, layer_bits included.
    QVERIFY(panel->setParameter(QStringLiteral("method"), QStringLiteral("lrq")));
    QVERIFY(panel->setParameter(QStringLiteral("lrq.dkd_warmup_epochs"), 3));
    QVERIFY(panel->setParameter(QStringLiteral("refine.method"), QStringLiteral("adaround")));
    QVERIFY(panel->setParameter(QStringLiteral("refine.samples"), 64));
    QVERIFY(panel->setParameter(QStringLiteral("layer_bits"), QJsonObject{{QStringLiteral("fc"), 8}}));
    const QJsonObject saved = panel->sessionConfig();
    const QString path = m_tmp.filePath(QStringLiteral("views.zsqsession"));
    QVERIFY(m_window->saveSessionAs(path));

    // A new session forgets the views; opening the file brings them back.
    m_window->newSession();
    QCOMPARE(m_window->lossPlot()->pointCount(), 0);
    QCOMPARE(m_window->imageGrid()->batchCount(), 0);
    QCOMPARE(m_window->trainingRunChooser()->runCount(), 0);
    QVERIFY(panel->parameter(QStringLiteral("refine.method")).toString() != QStringLiteral("adaround"));
    QVERIFY(m_window->openSession(path));
    QCOMPARE(panel->sessionConfig(), saved);
    QCOMPARE(panel->parameter(QStringLiteral("lrq.dkd_warmup_epochs")).toInt(), 3);
    QCOMPARE(panel->parameter(QStringLiteral("refine.method")).toString(), QStringLiteral("adaround"));
    QCOMPARE(panel->parameter(QStringLiteral("refine.samples")).toInt(), 64);
    QCOMPARE(panel->parameter(QStringLiteral("layer_bits")).toObject().value(QStringLiteral("fc")).toInt(), 8);

    // Training and Synthetic Images: the run is offered and shown.
    for (zsq::ui::RunChooser* chooser : {m_window->trainingRunChooser(), m_window->imagesRunChooser()}) {
        QCOMPARE(chooser->runCount(), 1);
        QCOMPARE(chooser->shownRun(), output);
        QVERIFY(chooser->comboBox()->isEnabled());
    }
    QCOMPARE(m_window->lossPlot()->pointCount(), livePoints);
    QCOMPARE(m_window->imageGrid()->batchCount(), qMin(liveBatches, zsq::ui::kSavedImageBatches));
    QCOMPARE(m_window->imageGrid()->shownIteration(), lastIteration);
    QVERIFY(m_window->accuracyLabel()->text().contains(QDir(output).dirName()));
    // t-SNE and Per-layer: the run's student is offered, its kept analyses shown.
    zsq::ui::LayerView* layerView = m_window->layerView();
    QCOMPARE(layerView->jobConfig().quantized, (QDir(output).filePath(QStringLiteral("quantized.zsq"))).toStdString());
    QVERIFY(layerView->result());
    QCOMPARE(layerView->result()->states.front().layers.size(), std::size_t(2));
    QCOMPARE(layerView->result()->states.front().layers.back().sqnrDb, 17.5);
    QCOMPARE(layerView->result()->states.front().layers.back().sensitivity.at(2), 0.5);
    QVERIFY(layerView->statusText().contains(QDir(output).dirName()));
    QCOMPARE(layerView->jobConfig().limit, std::int64_t(100));   // the kept analysis' samples, not the default
    zsq::ui::TsneView* tsneView = m_window->tsneView();
    QCOMPARE(tsneView->jobConfig().model, (QDir(output).filePath(QStringLiteral("quantized.zsq"))).toStdString());
    QVERIFY(tsneView->result());
    QCOMPARE(tsneView->result()->points.size(), std::size_t(6));
    QCOMPARE(tsneView->plot()->pointCount(), 6);
    QCOMPARE(tsneView->result()->sourceNames.back(), std::string("gdfq"));
    QVERIFY(tsneView->statusText().contains(QDir(output).dirName()));
    // The form shows the options the kept embedding was computed with (a
    // real source needs a dataset in the Run panel; this run had none).
    const QJsonValue dataset = panel->parameter(QStringLiteral("dataset"));
    QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("fashion-mnist")));
    const zsq::analysis::TsneJobConfig again = tsneView->jobConfig();
    QVERIFY(panel->setParameter(QStringLiteral("dataset"), dataset));
    QCOMPARE(again.tsne.perplexity, 12.0);
    QCOMPARE(again.tsne.theta, 0.25);
    QCOMPARE(again.tsne.iterations, 400);
    QCOMPARE(again.sources.size(), std::size_t(2));
    QCOMPARE(again.sources.front().limit, std::int64_t(300));
    // Exactly the sets it used are ticked again, under their names; the
    // one whose folder is gone is named in the status line.
    QCOMPARE(again.sources.back().name, std::string("gdfq"));
    QCOMPARE(again.sources.back().dataset, gdfqImages.toStdString());
    QVERIFY2(tsneView->statusText().contains(QStringLiteral("deleted since")), qPrintable(tsneView->statusText()));
    m_window->newSession();
    QVERIFY(panel->setParameter(QStringLiteral("refine.method"), QStringLiteral("none")));
}

void TstGuiSession::reportHasTheRunsAnalyses()
{
    // The HTML report carries the Per-layer and t-SNE results kept with a
    // run (charts embedded, the per-layer table, the t-SNE figures), and
    // nothing of the kind for a run without them.
    QVERIFY(!m_analysedRun.isEmpty());
    QFile resultJson(QDir(m_analysedRun).filePath(QStringLiteral("result.json")));
    QVERIFY(resultJson.open(QIODevice::ReadOnly));
    zsq::ui::ResultsView* results = m_window->resultsView();
    results->setRuns({fakeRun(m_tmp.filePath(QStringLiteral("plain")), QStringLiteral("lrq"), 88.5),
                      SessionRun::fromResultJson(m_analysedRun, resultJson.readAll())});
    const QString htmlPath = m_tmp.filePath(QStringLiteral("analyses.html"));
    QString error;
    QVERIFY2(results->exportHtml(htmlPath, &error), qPrintable(error));
    QFile html(htmlPath);
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(html.readAll());
    const QString heading = QStringLiteral("Analyses of %1").arg(QDir(m_analysedRun).dirName());
    QVERIFY(page.contains(heading));
    QCOMPARE(page.count(QStringLiteral("<h2>Analyses of ")), 1);   // not for "plain"
    QVERIFY(page.contains(QStringLiteral("Per-layer analysis")));
    QVERIFY(page.contains(QStringLiteral("<td>stem.conv</td>")));
    QVERIFY(page.contains(QStringLiteral("<td>17.5</td>")));
    QVERIFY(page.contains(QStringLiteral("t-SNE of the student")));
    QVERIFY(page.contains(QStringLiteral("KL divergence")));   // the t-SNE figures
    // The run comparison, three per-layer charts and the t-SNE plot.
    QCOMPARE(page.count(QStringLiteral("<img src=\"data:image/png;base64,")), 5);
    const int analyses = static_cast<int>(page.indexOf(heading));
    QVERIFY(analyses > page.indexOf(QStringLiteral("</table>")));
    m_window->newSession();
}

void TstGuiSession::runAddsResultRow()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/share/datasets/fashion-mnist")) &&
        qEnvironmentVariableIsEmpty("ZSQ_DATA_DIR"))
        QSKIP("Fashion-MNIST is not installed (apt install dataset-fashion-mnist)");
    m_window->newSession();
    zsq::ui::RunPanel* panel = m_window->runPanel();
    const QString output = m_tmp.filePath(QStringLiteral("ptq"));
    QVERIFY(panel->setParameter(QStringLiteral("method"), QStringLiteral("ptq")));
    QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("fashion-mnist")));
    QVERIFY(panel->setParameter(QStringLiteral("output"), output));
    QVERIFY(panel->setParameter(QStringLiteral("ptq.iterations"), 3));
    QVERIFY(panel->setParameter(QStringLiteral("threads"), 2));
    QSignalSpy done(m_window, &MainWindow::runFinished);
    {
        const QString notStarted = zsq::test::pressStart(*m_window);
        QVERIFY2(notStarted.isEmpty(), qPrintable(notStarted));
    }
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 300000);
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    zsq::ui::ResultsView* results = m_window->resultsView();
    QCOMPARE(results->rowCount(), 1);
    const SessionRun run = results->runs().front();
    QCOMPARE(run.method, QStringLiteral("ptq"));
    QCOMPARE(QDir(run.outputDir).absolutePath(), QDir(output).absolutePath());
    QVERIFY(run.evaluated);
    QVERIFY(run.fpTop1 > 90);
    QVERIFY(run.sizeBits > 0);
    // The per-iteration losses were kept beside result.json.
    QVERIFY(QFileInfo::exists(QDir(output).filePath(QStringLiteral("losses.csv"))));
    QVERIFY(results->table()->item(0, 2)->text() == QStringLiteral("ptq"));
    // The run's name (its folder) and whether it finished or was stopped.
    QCOMPARE(results->table()->item(0, 0)->text(), QDir(output).dirName());
    QCOMPARE(results->table()->item(0, 1)->text(), QStringLiteral("finished"));
}

// A run with GENIE's protocol (first_last_bits) never reads as an all-layer
// row: its label says so, from result.json and through a session file.
void TstGuiSession::firstLastProtocolIsLabelled()
{
    const QByteArray result = R"({"method": "genie", "refine": "brecq", "refine_source": "method", "wbits": 4,
                                  "abits": 4, "first_last_bits": 8, "quant_top1": 91.5, "fp_top1": 92.46})";
    const zsq::ui::SessionRun r = zsq::ui::SessionRun::fromResultJson(m_tmp.filePath(QStringLiteral("g")), result);
    QCOMPARE(r.firstLastBits, 8);
    QCOMPARE(r.methodLabel(), QStringLiteral("genie + brecq (first/last layer 8-bit)"));
    QCOMPARE(zsq::ui::SessionRun::fromJson(r.toJson()).methodLabel(), r.methodLabel());
    const QByteArray plain = R"({"method": "genie", "refine": "brecq", "wbits": 4, "abits": 4, "first_last_bits": 0})";
    QCOMPARE(zsq::ui::SessionRun::fromResultJson(m_tmp.filePath(QStringLiteral("h")), plain).methodLabel(),
             QStringLiteral("genie + brecq"));
}

// A run without a quantized top-1 says why: no dataset, or stopped during
// its final evaluation (Stop pressed after the last iteration said "Stopped.
// Done; accuracy not measured (no dataset)" of a Fashion-MNIST run).
void TstGuiSession::unmeasuredAccuracySaysWhy()
{
    const QString dir = m_tmp.filePath(QStringLiteral("u"));
    const auto run = [&](const QByteArray& json) { return zsq::ui::SessionRun::fromResultJson(dir, json); };
    const zsq::ui::SessionRun stopped = run(R"({"method": "lrq", "dataset": "fashion-mnist", "cancelled": true})");
    QVERIFY(!stopped.evaluated);
    QCOMPARE(stopped.accuracyNotMeasured(), QStringLiteral("accuracy not measured (stopped during the final evaluation)"));
    QCOMPARE(zsq::ui::SessionRun::fromJson(stopped.toJson()).accuracyNotMeasured(), stopped.accuracyNotMeasured());
    QCOMPARE(run(R"({"method": "gdfq", "dataset": "none", "cancelled": true})").accuracyNotMeasured(),
             QStringLiteral("accuracy not measured (no dataset)"));
    QCOMPARE(run(R"({"method": "gdfq", "dataset": "none"})").accuracyNotMeasured(),
             QStringLiteral("accuracy not measured (no dataset)"));
    // A session from before the dataset was kept: no reason is made up.
    QCOMPARE(zsq::ui::SessionRun::fromJson({{QStringLiteral("method"), QStringLiteral("lrq")},
                                            {QStringLiteral("cancelled"), true}})
                 .accuracyNotMeasured(),
             QStringLiteral("accuracy not measured"));
}

// Export Model on a run that was stopped (run.ckpt + CANCELLED.txt, no
// quantized.zsq): refused in one line that says why and how to finish it;
// nothing is written.
void TstGuiSession::stoppedRunIsNotExported()
{
    QDir dir(m_tmp.filePath(QStringLiteral("stopped")));
    QVERIFY(dir.mkpath(QStringLiteral(".")));
    for (const char* name : {"run.ckpt", "CANCELLED.txt", "result.json"}) {
        QFile f(dir.filePath(QString::fromLatin1(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("partial");
    }
    QSignalSpy exported(m_window, &MainWindow::exportFinished);
    const QString out = m_tmp.filePath(QStringLiteral("stopped.onnx"));
    QVERIFY(m_window->exportQuantizedModel(dir.path(), out));
    QTRY_VERIFY_WITH_TIMEOUT(!exported.isEmpty(), 30000);
    QVERIFY(!exported.at(0).at(0).toBool());
    const QString why = exported.at(0).at(1).toString();
    qInfo("%s", qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("stopped")) && why.contains(QStringLiteral("Resume")), qPrintable(why));
    QVERIFY(!why.contains(QLatin1Char('\n')));
    QVERIFY(!QFileInfo::exists(out));
}

void TstGuiSession::refinedRunIsLabelled()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/share/datasets/fashion-mnist")) &&
        qEnvironmentVariableIsEmpty("ZSQ_DATA_DIR"))
        QSKIP("Fashion-MNIST is not installed (apt install dataset-fashion-mnist)");
    zsq::ui::RunPanel* panel = m_window->runPanel();
    const QString output = m_tmp.filePath(QStringLiteral("ptq-brecq"));
    QVERIFY(panel->setParameter(QStringLiteral("method"), QStringLiteral("ptq")));
    QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("fashion-mnist")));
    QVERIFY(panel->setParameter(QStringLiteral("eval_split"), QStringLiteral("val")));
    QVERIFY(panel->setParameter(QStringLiteral("output"), output));
    QVERIFY(panel->setParameter(QStringLiteral("ptq.iterations"), 20));
    QVERIFY(panel->setParameter(QStringLiteral("ptq.batch_size"), 8));
    QVERIFY(panel->setParameter(QStringLiteral("refine.method"), QStringLiteral("brecq")));
    QVERIFY(panel->setParameter(QStringLiteral("refine.samples"), 16));
    QVERIFY(panel->setParameter(QStringLiteral("refine.iterations"), 10));
    QVERIFY(panel->setParameter(QStringLiteral("refine.batch_size"), 8));
    QVERIFY(panel->setParameter(QStringLiteral("threads"), 2));
    // What the run reports, before the plot places it.
    qint64 lastMethodIteration = -1;
    QList<qint64> refineSteps;
    connect(m_window->runController(), &zsq::ui::RunController::lossesReceived, this,
            [&](const QList<zsq::ui::LossSample>& samples) {
                for (const zsq::ui::LossSample& s : samples) {
                    if (s.name == QLatin1String("R/block_mse"))
                        refineSteps << s.iteration;
                    else
                        lastMethodIteration = qMax(lastMethodIteration, s.iteration);
                }
            });
    QSignalSpy done(m_window, &MainWindow::runFinished);
    {
        const QString notStarted = zsq::test::pressStart(*m_window);
        QVERIFY2(notStarted.isEmpty(), qPrintable(notStarted));
    }
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 300000);
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    disconnect(m_window->runController(), &zsq::ui::RunController::lossesReceived, this, nullptr);
    qInfo("method iterations 0..%lld, refinement steps %s", lastMethodIteration,
          qPrintable([&] { QStringList t; for (qint64 i : refineSteps) t << QString::number(i); return t.join(','); }()));
    QCOMPARE(lastMethodIteration, 19);
    QVERIFY(!refineSteps.isEmpty());
    QCOMPARE(refineSteps.front(), 0);

    // The Results tab tells the refined run from an unrefined one.
    zsq::ui::ResultsView* results = m_window->resultsView();
    int row = -1;
    for (int i = 0; i < results->runs().size(); ++i)
        if (QDir::cleanPath(results->runs()[i].outputDir) == QDir::cleanPath(output))
            row = i;
    QVERIFY(row >= 0);
    const SessionRun run = results->runs()[row];
    QCOMPARE(run.method, QStringLiteral("ptq"));
    QCOMPARE(run.refine, QStringLiteral("brecq"));
    QCOMPARE(run.refineSource, QStringLiteral("method"));
    QCOMPARE(results->table()->item(row, 2)->text(), QStringLiteral("ptq + brecq"));
    for (int i = 0; i < results->rowCount(); ++i)
        if (i != row && results->runs()[i].refine.isEmpty())
            QCOMPARE(results->table()->item(i, 2)->text(), results->runs()[i].method);

    // Overlaid with the other runs, its curve is named as refined.
    results->table()->selectAll();
    QStringList legends;
    for (int i = 0; i < results->plot()->graphCount(); ++i)
        legends << results->plot()->graph(i)->name();
    const QString refinedLabel = QStringLiteral("ptq + brecq W%1A%2 · ptq-brecq").arg(run.wbits).arg(run.abits);
    QVERIFY2(legends.filter(refinedLabel).size() == 1, qPrintable(legends.join('|')));
    results->table()->clearSelection();

    // The live refinement curve follows the method's iterations, in its own
    // colour and under its translated name.
    zsq::ui::LossPlot* plot = m_window->lossPlot();
    QVERIFY(plot->seriesNames().contains(QStringLiteral("R/block_mse")));
    QCOMPARE(plot->refinementStartIteration(), lastMethodIteration + 1);
    QCOMPARE(plot->seriesColour(QStringLiteral("R/block_mse")), QColor(44, 160, 44));
    QVERIFY(plot->seriesColour(QStringLiteral("R/block_mse")) != plot->seriesColour(QStringLiteral("ptq/bn_stats")));
    QCPGraph* refineGraph = nullptr;
    for (int i = 0; i < plot->plot()->graphCount(); ++i)
        if (plot->plot()->graph(i)->name() == QStringLiteral("refine: block MSE"))
            refineGraph = plot->plot()->graph(i);
    QVERIFY(refineGraph);
    QCOMPARE(refineGraph->dataCount(), refineSteps.size());
    QCOMPARE(refineGraph->data()->constBegin()->key, static_cast<double>(lastMethodIteration + 1 + refineSteps.front()));
    // losses.csv keeps them there, and reading it back does not move them.
    const QList<zsq::ui::LossSample> recorded = zsq::ui::readLossesCsv(QDir(output).filePath(QStringLiteral("losses.csv")));
    qint64 firstRecordedStep = -1;
    for (const zsq::ui::LossSample& s : recorded)
        if (s.name == QLatin1String("R/block_mse") && firstRecordedStep < 0)
            firstRecordedStep = s.iteration;
    QCOMPARE(firstRecordedStep, lastMethodIteration + 1);
    zsq::ui::LossPlot reread;
    reread.addRecordedSamples(recorded);
    QCOMPARE(reread.refinementStartIteration(), lastMethodIteration + 1);
    QCOMPARE(reread.pointCount(), plot->pointCount());

    // The Per-layer tab is told that this checkpoint's weights are stored
    // rounded (its "after" single/cumulative columns cannot isolate a layer);
    // an unrefined run's is not.
    QCOMPARE(zsq::ui::roundedWeightsRefinement(QDir(output).filePath(QStringLiteral("quantized.zsq"))),
             QStringLiteral("brecq"));
    for (const SessionRun& r : results->runs())
        if (!r.isRefined())
            QCOMPARE(zsq::ui::roundedWeightsRefinement(QDir(r.outputDir).filePath(QStringLiteral("quantized.zsq"))),
                     QString());
    // The Per-layer tab compares the refined checkpoint with the plain
    // quantized model (100 samples, a few seconds): both states come back,
    // the refined layers' outputs are closer to the FP ones, and the status
    // line carries the note.
    zsq::ui::LayerView* layers = m_window->layerView();
    layers->addQuantizedModel(QDir(output).filePath(QStringLiteral("quantized.zsq")), true);
    layers->setLimit(100);
    layers->setCandidateBits(QStringLiteral("4"));
    QSignalSpy analysed(layers, &zsq::ui::LayerView::finished);
    layers->start();
    QTRY_VERIFY_WITH_TIMEOUT(!analysed.isEmpty(), 300000);
    QVERIFY2(analysed.at(0).at(0).toBool(), qPrintable(analysed.at(0).at(1).toString()));
    QCOMPARE(layers->result()->states.size(), std::size_t(2));
    double sqnrBefore = 0, sqnrAfter = 0;
    for (const auto& l : layers->result()->states[0].layers)
        sqnrBefore += l.sqnrDb;
    for (const auto& l : layers->result()->states[1].layers)
        sqnrAfter += l.sqnrDb;
    qInfo("per-layer SQNR summed over the layers: %.1f dB plain, %.1f dB refined", sqnrBefore, sqnrAfter);
    QVERIFY(sqnrAfter > sqnrBefore);
    QVERIFY2(layers->statusText().contains(QStringLiteral("refined by brecq")), qPrintable(layers->statusText()));
    // Kept with the run it analysed, chart included; read back, it is the same.
    QVERIFY(QFileInfo::exists(QDir(output).filePath(QStringLiteral("layers/layers.csv"))));
    QVERIFY(QImage(zsq::ui::layerChartPng(output)).width() > 100);
    const zsq::ui::LayerResultPtr kept = zsq::ui::readLayerAnalysis(output);
    QVERIFY(kept);
    QCOMPARE(kept->states.size(), std::size_t(2));
    QCOMPARE(kept->states[1].layers.size(), layers->result()->states[1].layers.size());
    QCOMPARE(kept->states[1].layers.front().singleTop1, layers->result()->states[1].layers.front().singleTop1);

    // Saved and restored with the session; a session written before
    // refinement existed still loads, unrefined.
    Session session;
    session.runs = results->runs();
    Session loaded;
    QString error;
    QVERIFY2(Session::fromJson(session.toJson(), &loaded, &error), qPrintable(error));
    QCOMPARE(loaded.runs[row].refine, QStringLiteral("brecq"));
    QCOMPARE(loaded.runs[row].methodLabel(), QStringLiteral("ptq + brecq"));
    QJsonObject old = run.toJson();
    old.remove(QStringLiteral("refine"));
    old.remove(QStringLiteral("refine_source"));
    QCOMPARE(SessionRun::fromJson(old).methodLabel(), QStringLiteral("ptq"));
    QVERIFY(SessionRun::fromJson(old).refine.isEmpty());
    QVERIFY(panel->setParameter(QStringLiteral("refine.method"), QStringLiteral("none")));
    QVERIFY(panel->setParameter(QStringLiteral("eval_split"), QStringLiteral("test")));
}

void TstGuiSession::exports()
{
    zsq::ui::ResultsView* results = m_window->resultsView();
    if (results->rowCount() == 0)
        results->addRun(fakeRun(m_tmp.filePath(QStringLiteral("a")), QStringLiteral("lrq"), 88.5));
    results->addRun(fakeRun(m_tmp.filePath(QStringLiteral("b")), QStringLiteral("clusterq"), 87.25));
    results->table()->selectAll();
    QCOMPARE(results->plottedRows().size(), results->rowCount());

    const QString csvPath = m_tmp.filePath(QStringLiteral("results.csv"));
    QString error;
    QVERIFY2(results->exportCsv(csvPath, &error), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), results->rowCount() + 1);
    QVERIFY(lines.front().startsWith("method,wbits,abits"));
    QVERIFY(lines.front().endsWith("output,refine,refine_source"));
    for (qsizetype i = 0; i < results->runs().size(); ++i)
        if (results->runs()[i].refine == QLatin1String("brecq"))
            QVERIFY(lines.at(1 + i).endsWith(",brecq,method"));
    QVERIFY(lines.back().contains("clusterq,4,4"));
    QVERIFY(lines.back().contains("87.25"));

    const QString htmlPath = m_tmp.filePath(QStringLiteral("report.html"));
    QVERIFY2(results->exportHtml(htmlPath, &error), qPrintable(error));
    QFile html(htmlPath);
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QByteArray page = html.readAll();
    QVERIFY(page.contains("<table>"));
    QVERIFY(page.contains("<td>clusterq</td>"));
    for (const SessionRun& r : results->runs())
        if (r.isRefined())
            QVERIFY(page.contains(QStringLiteral("<td>%1</td>").arg(r.methodLabel()).toUtf8()));
    QVERIFY(page.contains("<img src=\"data:image/png;base64,"));
    // A write that fails says so.
    QVERIFY(!results->exportHtml(QStringLiteral("/nonexistent/zsq/report.html"), &error));
    QVERIFY(error.contains(QStringLiteral("report.html")));
}

void TstGuiSession::cleanupTestCase()
{
    delete m_window;
    m_window = nullptr;
}

QTEST_MAIN(TstGuiSession)
#include "tst_gui_session.moc"
