#include "script_demo.h"

#include <cstdio>
#include <functional>
#include <memory>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>

#include "ui/analysis/analysis_controller.h"
#include "ui/analysis/layer_view.h"
#include "main_window.h"
#include "ui/results/results_view.h"
#include "ui/run/run_panel.h"
#include "ui/run/run_queue.h"
#include "ui/analysis/tsne_view.h"

namespace zsq::ui {

namespace {
// The whole script; a stuck run must not hang a CI job.
constexpr int kDeadlineMs = 20 * 60 * 1000;
// Each analysis: captured as far as it got.
constexpr int kAnalysisLimitMs = 3 * 60 * 1000;

void say(const QString& text)
{
    std::fprintf(stderr, "zsq-studio --script-demo: %s\n", text.toLocal8Bit().constData());
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
            {QStringLiteral("threads"), 2},
            // A small synthetic set per run, so the t-SNE has something to
            // embed even for a model without data.
            {QStringLiteral("export"), QJsonObject{{QStringLiteral("synthetic_per_class"), 30}}}};
}
} // namespace

ScriptDemo::ScriptDemo(MainWindow* window, const QString& outDir, const QString& dataset)
    : QObject(window), m_window(window), m_outDir(outDir), m_dataset(dataset)
{
    m_window->setErrorDialogsEnabled(false);
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        say(QStringLiteral("time limit reached"));
        finish(3);
    });
    m_deadline->start(kDeadlineMs);
    m_analysisLimit = new QTimer(this);
    m_analysisLimit->setSingleShot(true);
    connect(window, &MainWindow::loadFinished, this, &ScriptDemo::onLoaded);
    connect(window, &MainWindow::runFinished, this, &ScriptDemo::onRunFinished);
    // The window's run queue runs them one after the other; then the analyses.
    connect(window->runQueue(), &RunQueue::batchEnded, this,
            [this] { QTimer::singleShot(0, this, &ScriptDemo::analyseLayers); });
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
    QList<QJsonObject> runs;
    for (const QString method : {QStringLiteral("lrq"), QStringLiteral("clusterq")}) {
        QJsonObject cfg = shortRun(method, m_dataset);
        const QString output = QDir(m_outDir).filePath(QStringLiteral("runs/") + method);
        cfg.insert(QStringLiteral("output"), output);
        m_finishedRuns.append(output);
        runs << cfg;
    }
    say(QStringLiteral("running lrq, then clusterq"));
    m_window->runQueue()->queueBatch(runs, m_window->runPanel()->sessionConfig(), false);
}

void ScriptDemo::onRunFinished(bool ok, const QString& message)
{
    say(ok ? QStringLiteral("run done: %1").arg(message) : QStringLiteral("run failed: %1").arg(message));
}

void ScriptDemo::analyseLayers()
{
    say(QStringLiteral("per-layer analysis"));
    LayerView* view = m_window->layerView();
    m_window->tabs()->setCurrentIndex(MainWindow::LayersTab);
    view->setLimit(200);
    auto next = [this] {
        m_analysisLimit->disconnect();
        m_analysisLimit->stop();
        QTimer::singleShot(0, this, &ScriptDemo::analyseTsne);
    };
    connect(view, &LayerView::finished, this, next, Qt::SingleShotConnection);
    connect(m_analysisLimit, &QTimer::timeout, view, &LayerView::stop);
    m_analysisLimit->start(kAnalysisLimitMs);
    view->start();
}

void ScriptDemo::analyseTsne()
{
    say(QStringLiteral("t-SNE"));
    TsneView* view = m_window->tsneView();
    m_window->tabs()->setCurrentIndex(MainWindow::TsneTab);
    // Real samples when there is a dataset, and each run's synthetic set.
    const bool real = m_dataset != QLatin1String("none");
    view->setRealData(real, real ? 1000 : 0);
    int synthetic = 0;
    for (const QString& run : m_finishedRuns) {
        const QString folder = QDir(run).filePath(QStringLiteral("synthetic"));
        if (QFileInfo::exists(folder)) {
            view->addSyntheticFolder(folder, QFileInfo(run).fileName(), true);
            ++synthetic;
        }
    }
    if (!real && synthetic == 0) {
        captureTabs();  // nothing to embed; the tab is captured as it is
        return;
    }
    connect(view, &TsneView::finished, this, [this] {
        m_analysisLimit->disconnect();
        m_analysisLimit->stop();
        QTimer::singleShot(0, this, &ScriptDemo::captureTabs);
    }, Qt::SingleShotConnection);
    connect(m_analysisLimit, &QTimer::timeout, view, &TsneView::stop);
    m_analysisLimit->start(kAnalysisLimitMs);
    view->start();
}

void ScriptDemo::captureTabs()
{
    // Both runs selected: the Results tab overlays their curves.
    QTableWidget* table = m_window->resultsView()->table();
    table->selectAll();
    const QStringList names = {QStringLiteral("model"), QStringLiteral("training"), QStringLiteral("images"),
                               QStringLiteral("tsne"), QStringLiteral("layers"), QStringLiteral("results")};
    auto index = std::make_shared<int>(0);
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, names, index, step] {
        if (*index >= names.size()) {
            finish(0);
            return;
        }
        const int i = (*index)++;
        m_window->tabs()->setCurrentIndex(i);
        // Let the layouts settle and the queued replots happen.
        QTimer::singleShot(600, this, [this, names, i, step] {
            const QString path = QDir(m_outDir).filePath(QStringLiteral("%1-%2.png").arg(i + 1).arg(names.value(i)));
            if (!m_window->grab().save(path, "PNG")) {
                say(QStringLiteral("cannot write %1").arg(path));
                finish(1);
                return;
            }
            say(QStringLiteral("wrote %1").arg(path));
            (*step)();
        });
    };
    (*step)();
}

void ScriptDemo::finish(int exitCode)
{
    m_deadline->stop();
    emit done(exitCode);
}

} // namespace zsq::ui
