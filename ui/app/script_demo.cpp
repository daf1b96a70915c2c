#include "script_demo.h"

#include <cstdio>

#include <QDir>
#include <QScreen>
#include <QFileInfo>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>

#include "main_window.h"
#include "ui/analysis/layer_table.h"
#include "ui/analysis/layer_view.h"
#include "ui/analysis/tsne_view.h"
#include "ui/plots/image_grid.h"
#include "ui/plots/loss_plot.h"
#include "ui/plots/tsne_plot.h"
#include "ui/results/results_view.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_panel.h"
#include "ui/run/run_queue.h"

namespace zsq::ui {

namespace {
// A picture is taken once its tab is ready and the layouts and queued
// replots after the resize have had this long.
constexpr int kSettleMs = 600;
constexpr int kPollMs = 200;
// The README's size, written straight into OUTDIR.
const QSize kReadmeSize(1280, 800);

void say(const QString& text)
{
    std::fprintf(stderr, "zsq-studio --script-demo: %s\n", text.toLocal8Bit().constData());
}

QStringList listFrom(const char* variable)
{
    return qEnvironmentVariable(variable).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

// A positive whole number from the environment, else `fallback`.
int positiveFrom(const char* variable, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(variable, &ok);
    return ok && value > 0 ? value : fallback;
}

// The classroom schedule: short enough for a screenshot run on a laptop
// CPU, long enough for curves.
QJsonObject shortRun(const QString& method, const QString& dataset)
{
    return {{QStringLiteral("method"), method},
            {QStringLiteral("profile"), QStringLiteral("classroom")},
            {QStringLiteral("wbits"), 4},
            {QStringLiteral("abits"), 4},
            {QStringLiteral("device"), QStringLiteral("auto")},
            {QStringLiteral("dataset"), dataset},
            // ZSQ_SHOTS_THREADS=1 on a machine shared with other work.
            {QStringLiteral("threads"), positiveFrom("ZSQ_SHOTS_THREADS", 2)},
            // A small synthetic set per run, so the t-SNE has something to
            // embed even for a model without data.
            {QStringLiteral("export"), QJsonObject{{QStringLiteral("synthetic_per_class"), 30}}}};
}

QSize parseSize(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    if (parts.size() != 2)
        return {};
    return QSize(parts[0].toInt(), parts[1].toInt());
}
} // namespace

ScriptDemoOptions ScriptDemoOptions::fromEnvironment(const QString& outDir, QString* error)
{
    ScriptDemoOptions o;
    o.tabs = listFrom("ZSQ_SHOTS_TABS");
    o.sizes = listFrom("ZSQ_SHOTS_SIZES");
    o.runsDir = qEnvironmentVariable("ZSQ_SHOTS_RUNS", QDir(outDir).filePath(QStringLiteral("runs")));
    o.reuse = qEnvironmentVariable("ZSQ_SHOTS_REUSE") == QLatin1String("1");
    o.runLimitS = positiveFrom("ZSQ_SHOTS_RUN_LIMIT", o.runLimitS);
    o.analysisLimitS = positiveFrom("ZSQ_SHOTS_ANALYSIS_LIMIT", o.analysisLimitS);
    o.shotLimitS = positiveFrom("ZSQ_SHOTS_SHOT_LIMIT", o.shotLimitS);
    for (const QString& tab : o.tabs)
        if (!ScriptDemo::tabNames().contains(tab))
            *error = QStringLiteral("unknown tab '%1' (%2)").arg(tab, ScriptDemo::tabNames().join(QLatin1Char(',')));
    for (const QString& size : o.sizes)
        if (size != QLatin1String("presentation") && parseSize(size).isEmpty())
            *error = QStringLiteral("unknown size '%1' (WIDTHxHEIGHT or presentation)").arg(size);
    return o;
}

QStringList ScriptDemo::tabNames()
{
    return {QStringLiteral("model"), QStringLiteral("training"), QStringLiteral("images"),
            QStringLiteral("tsne"),  QStringLiteral("layers"),   QStringLiteral("results")};
}

ScriptDemo::ScriptDemo(MainWindow* window, const QString& outDir, const QString& dataset,
                       const ScriptDemoOptions& options)
    : QObject(window), m_window(window), m_outDir(outDir), m_dataset(dataset), m_options(options)
{
    m_window->setErrorDialogsEnabled(false);
    m_stageLimit = new QTimer(this);
    m_stageLimit->setSingleShot(true);
    connect(m_stageLimit, &QTimer::timeout, this, &ScriptDemo::onStageLimit);
    m_poll = new QTimer(this);
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &ScriptDemo::pollShot);
    connect(window, &MainWindow::loadFinished, this, &ScriptDemo::onLoaded);
    connect(window, &MainWindow::runFinished, this, &ScriptDemo::onRunFinished);
    // The window's run queue runs them one after the other; then the analyses.
    connect(window->runQueue(), &RunQueue::batchEnded, this, [this] {
        stageDone();
        QTimer::singleShot(0, this, &ScriptDemo::analyseLayers);
    });
}

QString ScriptDemo::sessionPath() const
{
    return QDir(m_options.runsDir).filePath(QStringLiteral("demo.zsqsession"));
}

void ScriptDemo::onLoaded(bool ok, const QString& message)
{
    if (m_started)
        return;
    m_started = true;
    if (!ok) {
        say(message);
        finish(2);
        return;
    }
    QDir().mkpath(m_outDir);
    if (m_options.reuse && QFileInfo::exists(sessionPath())) {
        say(QStringLiteral("reusing the runs and analyses of %1").arg(sessionPath()));
        if (!m_window->openSession(sessionPath())) {
            say(QStringLiteral("cannot open %1").arg(sessionPath()));
            finish(1);
            return;
        }
        QTimer::singleShot(0, this, &ScriptDemo::captureTabs);
        return;
    }
    startRuns();
}

void ScriptDemo::startRuns()
{
    QList<QJsonObject> runs;
    for (const QString method : {QStringLiteral("lrq"), QStringLiteral("clusterq")}) {
        QJsonObject cfg = shortRun(method, m_dataset);
        const QString output = QDir(m_options.runsDir).filePath(method);
        // A folder left by an earlier script would make the run a new name.
        QDir(output).removeRecursively();
        cfg.insert(QStringLiteral("output"), output);
        m_runs.append(output);
        runs << cfg;
    }
    say(QStringLiteral("running lrq, then clusterq (each stopped after %1 s)").arg(m_options.runLimitS));
    startStage(QStringLiteral("run 1 of 2"), m_options.runLimitS, [this] { return stopRun(); });
    m_window->runQueue()->queueBatch(runs, m_window->runPanel()->sessionConfig(), false);
}

void ScriptDemo::onRunFinished(bool ok, const QString& message)
{
    say(ok ? QStringLiteral("run done: %1").arg(message) : QStringLiteral("run failed: %1").arg(message));
    // The next run of the batch gets a limit of its own (batchEnded ends it
    // after the last).
    startStage(QStringLiteral("run 2 of 2"), m_options.runLimitS, [this] { return stopRun(); });
}

bool ScriptDemo::stopRun()
{
    if (!m_window->runController()->isActive())
        return false;
    m_window->stopRun();
    return true;
}

void ScriptDemo::startStage(const QString& name, int limitS, std::function<bool()> cut)
{
    m_stage = name;
    m_cutStage = std::move(cut);
    m_stageLimit->start(limitS * 1000);
}

void ScriptDemo::stageDone()
{
    m_stageLimit->stop();
    m_cutStage = nullptr;
}

void ScriptDemo::onStageLimit()
{
    if (!m_cutStage || !m_cutStage())
        return;   // it had ended already
    say(QStringLiteral("%1 passed its limit of %2 s: stopped where it got").arg(m_stage).arg(m_stageLimit->interval() / 1000));
    m_cutShort = true;
}

void ScriptDemo::analyseLayers()
{
    say(QStringLiteral("per-layer analysis"));
    LayerView* view = m_window->layerView();
    m_window->tabs()->setCurrentIndex(MainWindow::LayersTab);
    view->setLimit(200);
    connect(view, &LayerView::finished, this, [this] {
        stageDone();
        QTimer::singleShot(0, this, &ScriptDemo::analyseTsne);
    }, Qt::SingleShotConnection);
    startStage(QStringLiteral("the per-layer analysis"), m_options.analysisLimitS, [view] {
        view->stop();
        return true;
    });
    view->start();
}

void ScriptDemo::analyseTsne()
{
    say(QStringLiteral("t-SNE"));
    TsneView* view = m_window->tsneView();
    m_window->tabs()->setCurrentIndex(MainWindow::TsneTab);
    // Real samples when there is a dataset, and each run's synthetic set, in
    // the feature space of the last run's student: the embedding is kept
    // with that run, so that a reuse shows it again.
    const bool real = m_dataset != QLatin1String("none");
    view->setRealData(real, real ? 1000 : 0);
    int synthetic = 0;
    for (const QString& run : std::as_const(m_runs)) {
        const QString folder = QDir(run).filePath(QStringLiteral("synthetic"));
        if (QFileInfo::exists(folder)) {
            view->addSyntheticFolder(folder, QFileInfo(run).fileName(), true);
            ++synthetic;
        }
    }
    const QString student = QDir(m_runs.last()).filePath(QStringLiteral("quantized.zsq"));
    if (QFileInfo::exists(student))
        view->addQuantizedModel(student, true);
    if (!real && synthetic == 0) {
        keepSession();   // nothing to embed; the tab is captured as it is
        return;
    }
    connect(view, &TsneView::finished, this, [this] {
        stageDone();
        QTimer::singleShot(0, this, &ScriptDemo::keepSession);
    }, Qt::SingleShotConnection);
    startStage(QStringLiteral("the t-SNE"), m_options.analysisLimitS, [view] {
        view->stop();
        return true;
    });
    view->start();
}

void ScriptDemo::keepSession()
{
    if (m_window->saveSessionAs(sessionPath()))
        say(QStringLiteral("kept the runs as %1 (reuse it: tools/screenshots.sh --reuse)").arg(sessionPath()));
    else
        say(QStringLiteral("could not keep the session %1").arg(sessionPath()));
    captureTabs();
}

void ScriptDemo::captureTabs()
{
    if (m_capturing)
        return;
    m_capturing = true;
    // Both runs selected: the Results tab overlays their curves.
    m_window->resultsView()->table()->selectAll();
    const QStringList sizes = m_options.sizes.isEmpty()
                                  ? QStringList{QStringLiteral("1280x800"), QStringLiteral("1024x768"),
                                                QStringLiteral("1920x1080"), QStringLiteral("presentation")}
                                  : m_options.sizes;
    const QStringList names = tabNames();
    for (const QString& size : sizes) {
        for (int tab = 0; tab < names.size(); ++tab) {
            if (!m_options.tabs.isEmpty() && !m_options.tabs.contains(names[tab]))
                continue;
            Shot shot;
            shot.tab = tab;
            shot.presentation = size == QLatin1String("presentation");
            shot.size = shot.presentation ? QSize() : parseSize(size);
            shot.folder = shot.size == kReadmeSize ? QString() : size;
            m_shots << shot;
        }
    }
    nextShot();
}

void ScriptDemo::nextShot()
{
    if (m_shots.isEmpty()) {
        m_window->setPresentationMode(false);
        finish(m_cutShort ? 3 : 0);
        return;
    }
    m_shot = m_shots.takeFirst();
    // Presentation mode shows one tab: choose it first, then enter.
    m_window->setPresentationMode(false);
    if (!m_shot.presentation)
        m_window->resize(m_shot.size);
    m_window->tabs()->setCurrentIndex(m_shot.tab);
    m_window->setPresentationMode(m_shot.presentation);
    // Xvfb has no window manager to make a full-screen window as large as
    // the screen: the script does.
    if (m_shot.presentation)
        m_window->resize(m_window->screen()->size());
    m_shotClock.start();
    m_poll->start();
}

bool ScriptDemo::tabIsReady(int tab) const
{
    switch (tab) {
    case MainWindow::ModelTab:
        return m_window->hasModel();
    case MainWindow::TrainingTab:
        return m_window->lossPlot()->pointCount() > 0;
    case MainWindow::ImagesTab:
        return m_window->imageGrid()->batchCount() > 0;
    case MainWindow::TsneTab:
        return m_window->tsneView()->plot()->pointCount() > 0;
    case MainWindow::LayersTab:
        return m_window->layerView()->table()->rowCount() > 0;
    case MainWindow::ResultsTab:
        return m_window->resultsView()->rowCount() >= qMax<qsizetype>(1, m_runs.size());
    default:
        return true;
    }
}

void ScriptDemo::pollShot()
{
    if (m_shotClock.elapsed() < kSettleMs)
        return;
    // The window must have its size too: going full screen can take longer
    // than the settling time (it did for a first picture).
    const QSize wanted = m_shot.presentation ? m_window->screen()->size() : m_shot.size;
    const bool ready = tabIsReady(m_shot.tab) && m_window->size() == wanted;
    if (ready || m_shotClock.elapsed() >= m_options.shotLimitS * 1000LL)
        grabShot(ready);
}

void ScriptDemo::grabShot(bool ready)
{
    m_poll->stop();
    const QString name = tabNames().value(m_shot.tab);
    if (!ready) {
        say(QStringLiteral("%1 %2: not ready after %3 s, captured as it is")
                .arg(m_shot.folder.isEmpty() ? QStringLiteral("README") : m_shot.folder, name)
                .arg(m_options.shotLimitS));
        m_cutShort = true;
    }
    const QDir dir(m_shot.folder.isEmpty() ? m_outDir : QDir(m_outDir).filePath(m_shot.folder));
    QDir().mkpath(dir.path());
    const QString path = dir.filePath(QStringLiteral("%1-%2.png").arg(m_shot.tab + 1).arg(name));
    if (!m_window->grab().save(path, "PNG")) {
        say(QStringLiteral("cannot write %1").arg(path));
        finish(1);
        return;
    }
    say(QStringLiteral("wrote %1").arg(path));
    nextShot();
}

void ScriptDemo::finish(int exitCode)
{
    m_stageLimit->stop();
    m_poll->stop();
    emit done(exitCode);
}

} // namespace zsq::ui
