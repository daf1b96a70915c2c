#include "script_demo.h"

#include <cstdio>
#include <functional>
#include <memory>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPair>
#include <QSize>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>

#include "ui/analysis/analysis_controller.h"
#include "ui/analysis/layer_view.h"
#include "main_window.h"
#include "presentation_mode.h"
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
        // On a loaded machine the runs take longer: the tabs are captured as
        // they are (the pictures still show the layouts), then exit code 3.
        say(QStringLiteral("time limit reached; capturing the tabs as they are"));
        m_timedOut = true;
        disconnect(m_window->runQueue(), nullptr, this, nullptr);
        m_analysisLimit->stop();
        captureTabs();
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
    if (m_timedOut)
        return;
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
    if (m_timedOut)
        return;
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
    if (m_capturing)
        return;
    m_capturing = true;
    // Both runs selected: the Results tab overlays their curves.
    QTableWidget* table = m_window->resultsView()->table();
    table->selectAll();
    const QStringList names = {QStringLiteral("model"), QStringLiteral("training"), QStringLiteral("images"),
                               QStringLiteral("tsne"), QStringLiteral("layers"), QStringLiteral("results")};
    // Every tab at the README's size (OUTDIR/N-name.png), at a projector's
    // 1024x768 and at 1920x1080 (OUTDIR/WxH/N-name.png), and in presentation
    // mode (OUTDIR/presentation/N-name.png), to look for clipping and overlap.
    struct Shot {
        QSize size;
        bool presentation = false;
        QString folder;
        int tab = 0;
    };
    auto shots = std::make_shared<QList<Shot>>();
    const QList<QPair<QSize, QString>> sizes = {{QSize(1280, 800), QString()},
                                                {QSize(1024, 768), QStringLiteral("1024x768")},
                                                {QSize(1920, 1080), QStringLiteral("1920x1080")}};
    for (const auto& [size, folder] : sizes)
        for (int tab = 0; tab < names.size(); ++tab)
            shots->append({size, false, folder, tab});
    for (int tab = 0; tab < names.size(); ++tab)
        shots->append({QSize(1920, 1080), true, QStringLiteral("presentation"), tab});
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, names, shots, step] {
        if (shots->isEmpty()) {
            m_window->setPresentationMode(false);
            finish(m_timedOut ? 3 : 0);
            return;
        }
        const Shot shot = shots->takeFirst();
        // Presentation mode shows one tab: choose it first, then enter.
        m_window->setPresentationMode(false);
        if (!shot.presentation)
            m_window->resize(shot.size);
        m_window->tabs()->setCurrentIndex(shot.tab);
        m_window->setPresentationMode(shot.presentation);
        // Let the layouts settle and the queued replots happen.
        QTimer::singleShot(600, this, [this, names, shot, step] {
            const QDir dir(shot.folder.isEmpty() ? m_outDir : QDir(m_outDir).filePath(shot.folder));
            QDir().mkpath(dir.path());
            const QString path =
                dir.filePath(QStringLiteral("%1-%2.png").arg(shot.tab + 1).arg(names.value(shot.tab)));
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
