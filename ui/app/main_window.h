#pragma once
// ZSQ Studio's main window: opens model files (menu, recent files, drag and
// drop, command line) on a worker thread and shows them in a ModelView, and
// runs quantizations: the Run dock holds the settings, the tabs show the
// model, the training curves, the synthetic images and the t-SNE and
// per-layer analyses, the Log dock core's messages, and the status bar the
// run's progress.
#include <QJsonObject>
#include <QMainWindow>

#include "api/model_summary.h"
#include "api/preprocessing_check.h"
#include "ui/run/run_types.h"

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QTimer;
class QVBoxLayout;

namespace zsq::ui {

class ImageGrid;
class LanguageMenu;
class LayerView;
class LogView;
class LossPlot;
class ModelExporter;
class ModelLoader;
class ModelView;
class PresentationMode;
class PreprocessingChecker;
class PreprocessingEditor;
class RecentFiles;
class ResultsView;
class SessionRecovery;
struct Session;
struct SessionRun;
class RunController;
class RunChooser;
class RunQueue;
class RunPanel;
class RunStatus;
class TsneView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts loading `path`; the current model stays until it has loaded.
    void openFile(const QString& path);
    // Opens the shipped demo model; shows a note when it is not installed.
    void openDemoModel();

    // Errors show a QMessageBox unless disabled (screenshots, tests); they are
    // always reported through loadFinished() / runFinished().
    void setErrorDialogsEnabled(bool enabled) { m_errorDialogs = enabled; }

    // What Start does when the full-precision model is near chance on the
    // run's dataset (almost always a preprocessing that is not the model's):
    // Ask (a question with the reason; with error dialogs off nothing
    // starts), or answer without asking (tests, scripts). Every time it
    // comes up, nearChanceAsked() says why.
    enum class NearChanceAnswer { Ask, StartAnyway, Cancel };
    void setNearChanceAnswer(NearChanceAnswer answer) { m_nearChanceAnswer = answer; }
    // What closing the window does while a run or an analysis is going, or
    // with unsaved session changes: Ask (a question naming what would be
    // lost; with error dialogs off the window closes as before), or answer
    // without asking (tests). Every time it comes up, quitAsked() says why.
    enum class QuitAnswer { Ask, Save, Discard, Cancel };
    void setQuitAnswer(QuitAnswer answer) { m_quitAnswer = answer; }
    // Start is waiting for the check of the model on its dataset.
    bool isStartPending() const { return m_startPending; }
    PreprocessingChecker* preprocessingChecker() const { return m_checker; }
    PreprocessingEditor* preprocessingEditor() const;

    ModelView* modelView() const { return m_view; }
    RecentFiles* recentFiles() const { return m_recent; }
    bool hasModel() const;
    QString currentPath() const { return m_currentPath; }

    enum Tab { ModelTab = 0, TrainingTab = 1, ImagesTab = 2, TsneTab = 3, LayersTab = 4, ResultsTab = 5 };
    QTabWidget* tabs() const { return m_tabs; }
    RunPanel* runPanel() const { return m_runPanel; }
    RunController* runController() const { return m_run; }
    LossPlot* lossPlot() const { return m_lossPlot; }
    ImageGrid* imageGrid() const { return m_imageGrid; }
    TsneView* tsneView() const { return m_tsneView; }
    LayerView* layerView() const { return m_layerView; }
    LogView* logView() const { return m_log; }
    RunStatus* runStatus() const { return m_runStatus; }
    QLabel* accuracyLabel() const { return m_accuracy; }
    QAction* startAction() const { return m_startAction; }
    QAction* pauseAction() const { return m_pauseAction; }
    QAction* stopAction() const { return m_stopAction; }
    ResultsView* resultsView() const { return m_results; }
    PresentationMode* presentationMode() const { return m_presentation; }
    QAction* presentationAction() const { return m_presentationAction; }
    QAction* demoComparisonAction() const { return m_demoAction; }
    LanguageMenu* languageMenu() const { return m_languageMenu; }
    // "Shown run:" on the Training and Synthetic Images tabs.
    RunChooser* trainingRunChooser() const { return m_trainingRuns; }
    RunChooser* imagesRunChooser() const { return m_imageRuns; }
    // Shows a finished run's curves (losses.csv, result.json's epochs) and
    // kept images (RUN/images) in the Training and Synthetic Images tabs;
    // false while a run is going (those tabs follow it) or for a folder that
    // is not one of the session's runs (main_window_history.cpp).
    bool showFinishedRun(const QString& outputDir);

    // Sessions (main_window_session.cpp). The session file is JSON
    // (.zsqsession); saving is atomic, a failure keeps the old file, shows a
    // dialog (when error dialogs are on) and emits sessionSaved(false, why).
    Session currentSession() const;
    void applySession(const Session& session);
    bool saveSessionAs(const QString& path);
    bool openSession(const QString& path);
    QString sessionPath() const { return m_sessionPath; }
    bool isSessionModified() const { return m_sessionModified; }
    SessionRecovery* sessionRecovery() const { return m_recovery; }
    // Starts crash recovery in `directory` (default: under AppDataLocation).
    // When the last instance died with unsaved work or mid-run, asks whether
    // to recover (or does so without asking when `ask` is false). Returns
    // true when a session was recovered.
    bool enableCrashRecovery(const QString& directory = {}, bool ask = true);

    // The runs waiting to start (the demo's pair, --script-demo's runs).
    RunQueue* runQueue() const { return m_runQueue; }
    // Extra keys for the LRQ vs ClusterQ demo's configs (shorter schedules
    // for screenshots and tests).
    void setDemoOverrides(const QJsonObject& overrides);
    int queuedRuns() const;

public slots:
    void showOpenDialog();
    // The Model tab's "Check on Dataset": the full-precision top-1 of the
    // open model on the Run panel's dataset, on a worker thread.
    void checkPreprocessing();
    void showAbout();
    // Starts a run with the Run panel's settings on the open model.
    void startRun();
    void togglePauseRun();
    void stopRun();
    void newSession();
    void showOpenSessionDialog();
    bool saveSession();
    bool showSaveSessionDialog();
    // One click: opens the demo model and queues quick LRQ then quick ClusterQ.
    void runDemoComparison();
    // Continues a stopped or interrupted run from its run.ckpt, with the
    // settings of its config.json (same folder) when there is one; false
    // (and an error dialog) when it cannot start.
    bool resumeFromCheckpoint(const QString& checkpoint);
    void showResumeDialog();
    // Refines the finished run in `runDir` with `refineMethod` (ranges,
    // adaround, brecq) without training again: the run's own settings and
    // trained student (run.ckpt), into a new folder beside it
    // (api::refineRunConfigJson). False, with the reason in the log (and a
    // dialog when error dialogs are on), when it cannot start.
    bool refineFinishedRun(const QString& runDir, const QString& refineMethod);
    // Asks which refinement for the selected (or newest) Results row.
    void showRefineDialog(const QString& runDir = {});
    void setPresentationMode(bool on);
    // Writes `runDir`/quantized.zsq (or a .zsq file) as ONNX or TorchScript
    // to `outputPath` (format from the extension) on a worker thread;
    // exportFinished() follows.
    bool exportQuantizedModel(const QString& model, const QString& outputPath);
    // Asks where to write the export of a run (or of the open checkpoint).
    void showExportModelDialog(const QString& runDir = {});

signals:
    // After every load attempt: ok, or the one-line error message.
    void loadFinished(bool ok, const QString& message);
    // After every run: finished, cancelled (ok, with `message` saying so) or
    // failed (not ok, the one-line error).
    void runFinished(bool ok, const QString& message);
    // Start found the model near chance on its dataset: `reason`, in words,
    // is what the question says. Emitted before asking.
    void nearChanceAsked(const QString& reason);
    // The demo is about to queue its runs: what the question says (how long
    // it takes, that the user's settings come back afterwards).
    void demoAsked(const QString& question);
    // Closing would stop a job or lose unsaved session changes: `reason`.
    void quitAsked(const QString& reason);
    // After the open model was read again with changed preprocessing
    // settings: ok (the Model tab shows the new values), or why they do not
    // fit the model.
    void modelRefreshed(bool ok, const QString& message);
    // After every session save (not autosaves): ok, or why not.
    void sessionSaved(bool ok, const QString& message);
    // After every model export: ok with the one-line summary, or why not.
    void exportFinished(bool ok, const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void rebuildRecentMenu();
    void onLoadStarted(const QString& path);
    void onLoaded(const zsq::api::ModelSummary& summary);
    void onFailed(const QString& path, const QString& message);
    void onIdle();
    void updateTitle();
    // Asks before closing what would be lost; false keeps the window open.
    bool confirmClose();
    void createRunUi();
    void createRunActions();
    void updateRunActions();
    void onEvaluation(const zsq::ui::EvaluationPoint& evaluation);
    void onRunDone(const zsq::ui::RunResult& result, bool cancelled);
    void onRunFailed(const QString& message);
    void createAnalysisUi();
    void offerRunOutputs(const QString& outputDir, bool select = true);
    // After a session is opened or recovered: every view offers its runs.
    void restoreRunViews(const QList<SessionRun>& runs);
    void createRunChoosers(QVBoxLayout* training, QVBoxLayout* images);
    void setRunChoosersLive(bool live);
    void createSessionActions(QMenu* file);
    void createResultsUi();
    void createPresentationActions();
    void sessionChanged();
    void recordFinishedRun(const zsq::ui::RunResult& result);
    void startNextQueued();
    void restylePlots();
    // Preprocessing (main_window_preprocessing.cpp).
    void createPreprocessingUi();
    QString preprocessingRequest(QString* arch) const;
    void resetPreprocessing();
    void onSettingsChanged();
    void refreshModel();
    void onRefreshed(const zsq::api::ModelSummary& summary, const QString& arch, const QString& preprocessingJson);
    void onRefreshFailed(const QString& path, const QString& message, const QString& arch,
                         const QString& preprocessingJson);
    void onCheckFinished(const QString& key, const zsq::api::PreprocessingCheck& check);
    void onCheckFailed(const QString& key, const QString& message);
    void confirmAndLaunch(const QString& config, const zsq::api::PreprocessingCheck& check);
    bool askStartNearChance(const zsq::api::PreprocessingCheck& check);
    void launchRun(const QString& config, const QStringList& givenKeys = {});

    ModelView* m_view = nullptr;
    ModelLoader* m_loader = nullptr;
    RecentFiles* m_recent = nullptr;
    QMenu* m_recentMenu = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_statusModel = nullptr;
    QString m_currentPath;
    bool m_errorDialogs = true;

    QTabWidget* m_tabs = nullptr;
    RunPanel* m_runPanel = nullptr;
    RunController* m_run = nullptr;
    LossPlot* m_lossPlot = nullptr;
    ImageGrid* m_imageGrid = nullptr;
    RunChooser* m_trainingRuns = nullptr;
    RunChooser* m_imageRuns = nullptr;
    LogView* m_log = nullptr;
    RunStatus* m_runStatus = nullptr;
    QLabel* m_accuracy = nullptr;
    QDockWidget* m_runDock = nullptr;
    QDockWidget* m_logDock = nullptr;
    QMenu* m_viewMenu = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_stopAction = nullptr;
    double m_bestTop1 = -1;
    qint64 m_inputSize = 0;
    TsneView* m_tsneView = nullptr;
    LayerView* m_layerView = nullptr;

    ResultsView* m_results = nullptr;
    SessionRecovery* m_recovery = nullptr;
    PresentationMode* m_presentation = nullptr;
    QAction* m_presentationAction = nullptr;
    QAction* m_demoAction = nullptr;
    LanguageMenu* m_languageMenu = nullptr;
    QString m_sessionPath;
    bool m_sessionModified = false;
    bool m_applyingSession = false;
    // Settings of a session, applied once its model has loaded (the model's
    // input size moves the profile's defaults).
    QJsonObject m_pendingConfig;
    bool m_hasPendingConfig = false;
    QString m_runningOutput;
    RunQueue* m_runQueue = nullptr;
    ModelExporter* m_exporter = nullptr;
    QString m_headingBeforePause;   // the Training tab's heading while paused

    // The model's preprocessing: the settings the shown summary was read
    // with, the checks of the model on its dataset and a Start waiting for one.
    PreprocessingChecker* m_checker = nullptr;
    QTimer* m_refreshTimer = nullptr;
    QString m_requestedArch;
    QString m_requestedPreprocessing;
    qint64 m_numClasses = 0;
    QString m_shownCheckKey;
    NearChanceAnswer m_nearChanceAnswer = NearChanceAnswer::Ask;
    QuitAnswer m_quitAnswer = QuitAnswer::Ask;
    bool m_startPending = false;
    QString m_pendingStartConfig;
    QString m_pendingStartKey;
};

} // namespace zsq::ui
