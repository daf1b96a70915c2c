#pragma once
// `zsq-studio --script-demo OUTDIR`: drives the main window by itself for
// screenshots. Once the model has loaded it runs two short quantizations
// (LRQ, then ClusterQ), a per-layer analysis and a t-SNE, then saves a PNG
// of every tab into OUTDIR and quits (exit status 0; 2 when the model did
// not load, 3 on the overall time limit, 1 when a PNG could not be written).
#include <QJsonObject>
#include <QObject>
#include <QStringList>

class QTimer;

namespace zsq::ui {

class MainWindow;

class ScriptDemo : public QObject {
    Q_OBJECT
public:
    // `dataset`: fashion-mnist for the demo model, none for models without
    // a dataset at hand (no accuracy, no t-SNE of real data).
    ScriptDemo(MainWindow* window, const QString& outDir, const QString& dataset);

signals:
    void done(int exitCode);

private:
    void onLoaded(bool ok, const QString& message);
    void onRunFinished(bool ok, const QString& message);
    void analyseLayers();
    void analyseTsne();
    void captureTabs();
    void finish(int exitCode);

    MainWindow* m_window;
    QString m_outDir;
    QString m_dataset;
    QStringList m_finishedRuns;   // output folders, for the t-SNE of their synthetic sets
    QTimer* m_deadline = nullptr;
    QTimer* m_analysisLimit = nullptr;
    bool m_started = false;
    bool m_timedOut = false;    // the deadline came first: capture, then exit 3
    bool m_capturing = false;
};

} // namespace zsq::ui
