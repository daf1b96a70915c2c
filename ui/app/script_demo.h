#pragma once
// `zsq-studio --script-demo OUTDIR`: drives the main window by itself for
// screenshots (tools/screenshots.sh). Once the model has loaded it runs two
// short quantizations (LRQ, then ClusterQ), a per-layer analysis and a t-SNE
// of the last run's student, keeps them as a session beside the runs, then
// saves a PNG of every tab at every size into OUTDIR and quits.
//
// Every stage has its own time limit instead of one for the whole script (a
// loaded machine made the runs eat it, and the tabs were captured half
// empty): a run over its limit is stopped, an analysis is stopped where it
// got, and each picture waits until its tab shows what it should (curves,
// images, points, rows) or its own limit has passed. With reuse, the runs
// and analyses of an earlier script (its session file) are opened instead of
// computed again, so other languages or a few tabs cost seconds.
//
// Exit status: 0; 1 when a PNG could not be written; 2 when the model did
// not load; 3 when any stage or picture hit its limit (the pictures are
// still written, and the log names what was cut short).
#include <functional>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSize>
#include <QStringList>

class QTimer;

namespace zsq::ui {

class MainWindow;

struct ScriptDemoOptions {
    QStringList tabs;      // model, training, images, tsne, layers, results; empty: all
    // 1280x800 (the README's, into OUTDIR), other WxH (into OUTDIR/WxH) and
    // "presentation" (full screen, into OUTDIR/presentation); empty: all four.
    QStringList sizes;
    QString runsDir;       // the runs and their session; default OUTDIR/runs
    bool reuse = false;    // open runsDir's session when there is one
    int runLimitS = 900;
    int analysisLimitS = 300;
    int shotLimitS = 60;

    // From ZSQ_SHOTS_TABS, ZSQ_SHOTS_SIZES (comma-separated), ZSQ_SHOTS_RUNS,
    // ZSQ_SHOTS_REUSE=1 and ZSQ_SHOTS_{RUN,ANALYSIS,SHOT}_LIMIT (seconds);
    // an unknown tab or size is an error (returned in `error`).
    static ScriptDemoOptions fromEnvironment(const QString& outDir, QString* error);
};

class ScriptDemo : public QObject {
    Q_OBJECT
public:
    // `dataset`: fashion-mnist for the demo model, none for models without
    // a dataset at hand (no accuracy, no t-SNE of real data).
    ScriptDemo(MainWindow* window, const QString& outDir, const QString& dataset, const ScriptDemoOptions& options);

    // The names of the tabs, in MainWindow::Tab order.
    static QStringList tabNames();

signals:
    void done(int exitCode);

private:
    struct Shot {
        QSize size;
        bool presentation = false;
        QString folder;
        int tab = 0;
    };

    void onLoaded(bool ok, const QString& message);
    void startRuns();
    void onRunFinished(bool ok, const QString& message);
    void analyseLayers();
    void analyseTsne();
    void keepSession();
    // `cut` stops the stage when its limit passes first (false: it had
    // ended already).
    void startStage(const QString& name, int limitS, std::function<bool()> cut);
    bool stopRun();
    void stageDone();
    void onStageLimit();
    void captureTabs();
    void nextShot();
    void pollShot();
    bool tabIsReady(int tab) const;
    void grabShot(bool ready);
    void finish(int exitCode);
    QString sessionPath() const;

    MainWindow* m_window;
    QString m_outDir;
    QString m_dataset;
    ScriptDemoOptions m_options;
    QStringList m_runs;          // output folders of the runs
    QTimer* m_stageLimit = nullptr;
    QString m_stage;             // what the stage limit would cut short
    std::function<bool()> m_cutStage;
    QTimer* m_poll = nullptr;
    QList<Shot> m_shots;
    Shot m_shot;
    QElapsedTimer m_shotClock;
    bool m_started = false;
    bool m_capturing = false;
    bool m_cutShort = false;     // a stage or a picture hit its limit: exit 3
};

} // namespace zsq::ui
