// MainWindow's run half: the Run dock, the Training and Synthetic Images
// tabs, the Log dock, the run actions and what happens on each run event.
#include "main_window.h"

#include <exception>

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScopedValueRollback>
#include <QStatusBar>
#include <QTabWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QVBoxLayout>

#include "api/quantization_run.h"
#include "common/error.h"
#include "common/events.h"
#include "ui/base/explanation_box.h"
#include "ui/base/scrollable_page.h"
#include "ui/plots/image_grid.h"
#include "language_menu.h"
#include "ui/base/log_view.h"
#include "ui/plots/loss_plot.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_queue.h"
#include "ui/run/run_panel.h"
#include "presentation_mode.h"
#include "ui/model/preprocessing_checker.h"
#include "ui/model/preprocessing_editor.h"
#include "ui/run/run_status.h"
#include "ui/plots/run_curves.h"
#include "ui/results/results_view.h"
#include "ui/session/session.h"
#include "ui/session/session_recovery.h"
#include "ui/base/text_format.h"
#include "ui/base/view_explanations.h"

namespace zsq::ui {

namespace {
QString percent(double value)
{
    return QLocale().toString(value, 'f', 2);
}
} // namespace

void MainWindow::createRunUi()
{
    m_run = new RunController(this);
    m_runQueue = new RunQueue(this);
    // Queued: the next run starts once the previous one's end is handled.
    connect(m_runQueue, &RunQueue::ready, this, &MainWindow::startNextQueued, Qt::QueuedConnection);
    connect(m_runQueue, &RunQueue::dropped, this, [this](int count, const QString& why) {
        const QString text = tr("%n queued run(s) will not run: %1.", nullptr, count).arg(why);
        m_log->append(static_cast<int>(zsq::LogLevel::Warning), text);
        statusBar()->showMessage(text, 10000);
    });
    connect(m_runQueue, &RunQueue::batchEnded, this, [this](const QJsonObject& userSettings) {
        // The user's own settings come back after a demo.
        if (userSettings.isEmpty())
            return;
        const QScopedValueRollback<bool> quiet(m_applyingSession, true);
        m_runPanel->applySessionConfig(userSettings);
    });

    auto* training = new QWidget(this);
    m_accuracy = new QLabel(tr("No run yet: choose the settings in the Run panel and press Start (Ctrl+R)."),
                            training);
    m_accuracy->setWordWrap(true);
    m_accuracy->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lossPlot = new LossPlot(training);
    auto* trainingLayout = new QVBoxLayout(training);
    trainingLayout->addWidget(new ExplanationBox(ViewExplanations::training(), training));
    trainingLayout->addWidget(m_accuracy);
    trainingLayout->addWidget(m_lossPlot, 1);
    m_tabs->addTab(scrollablePage(training, m_tabs), tr("&Training"));
    auto* images = new QWidget(this);
    m_imageGrid = new ImageGrid(images);
    auto* imagesLayout = new QVBoxLayout(images);
    imagesLayout->setContentsMargins(0, 0, 0, 0);
    imagesLayout->addWidget(m_imageGrid, 1);
    m_tabs->addTab(scrollablePage(images, m_tabs), tr("S&ynthetic Images"));
    createRunChoosers(trainingLayout, imagesLayout);

    m_runPanel = new RunPanel(this);
    m_runDock = new QDockWidget(tr("Run"), this);
    m_runDock->setObjectName(QStringLiteral("runDock"));
    m_runDock->setWidget(m_runPanel);
    addDockWidget(Qt::LeftDockWidgetArea, m_runDock);
    m_log = new LogView(this);
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    resizeDocks({m_logDock}, {110}, Qt::Vertical);
    // Wide enough for the method explanations and the bit spin boxes without
    // a horizontal scroll bar.
    resizeDocks({m_runDock}, {330}, Qt::Horizontal);

    m_runStatus = new RunStatus(this);
    m_runStatus->hide();
    statusBar()->addPermanentWidget(m_runStatus);

    connect(m_run, &RunController::stateChanged, this, [this](RunController::State state) {
        m_runStatus->setPaused(state == RunController::State::Paused);
        m_runPanel->setRunning(state != RunController::State::Idle);
        setRunChoosersLive(state != RunController::State::Idle);
        // The heading said "Running…" while paused.
        if (state == RunController::State::Paused) {
            m_headingBeforePause = m_accuracy->text();
            m_accuracy->setText(tr("Paused. Press Space (Run ▸ Resume) to go on."));
        } else if (state == RunController::State::Running && !m_headingBeforePause.isEmpty()) {
            m_accuracy->setText(m_headingBeforePause);
            m_headingBeforePause.clear();
        } else if (state == RunController::State::Idle) {
            m_headingBeforePause.clear();
        }
        updateRunActions();
    });
    connect(m_run, &RunController::progress, m_runStatus, &RunStatus::setProgress);
    connect(m_run, &RunController::lossesReceived, m_lossPlot, &LossPlot::addSamples);
    connect(m_run, &RunController::imagesReceived, m_imageGrid, &ImageGrid::addBatch);
    connect(m_run, &RunController::evaluationReceived, m_lossPlot, &LossPlot::addEvaluation);
    connect(m_run, &RunController::evaluationReceived, this, &MainWindow::onEvaluation);
    connect(m_run, &RunController::message, m_log, &LogView::append);
    connect(m_run, &RunController::finished, this, [this](const RunResult& r) { onRunDone(r, false); });
    connect(m_run, &RunController::cancelled, this, [this](const RunResult& r) { onRunDone(r, true); });
    connect(m_run, &RunController::failed, this, &MainWindow::onRunFailed);
}

void MainWindow::createRunActions()
{
    QMenu* run = menuBar()->addMenu(tr("&Run"));
    m_startAction = run->addAction(tr("&Start"), this, &MainWindow::startRun);
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_startAction->setStatusTip(tr("Quantize the open model with the settings of the Run panel"));
    m_pauseAction = run->addAction(tr("&Pause"), this, &MainWindow::togglePauseRun);
    m_pauseAction->setShortcut(QKeySequence(Qt::Key_Space));
    m_pauseAction->setStatusTip(tr("Pause or resume the run"));
    m_stopAction = run->addAction(tr("S&top"), this, &MainWindow::stopRun);
    // Not Esc: Esc closes popups, leaves fields and dialogs, and a stray one
    // must never end a long run. Ctrl+. is the conventional "stop" chord.
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stopAction->setStatusTip(tr("Stop the run; generative methods keep run.ckpt for a resume"));
    QAction* resume = run->addAction(tr("Resume from &Checkpoint..."), this, &MainWindow::showResumeDialog);
    resume->setStatusTip(tr("Continue a stopped or interrupted run from its run.ckpt"));
    QAction* refine = run->addAction(tr("Re&fine Finished Run…"), this, [this] { showRefineDialog(); });
    refine->setStatusTip(tr("Refine the selected run of the Results tab (ranges, AdaRound, BRECQ) without "
                            "training again"));
    run->addSeparator();
    m_demoAction = run->addAction(tr("&Demo: LRQ vs ClusterQ"), this, &MainWindow::runDemoComparison);
    m_demoAction->setStatusTip(tr("Open the demo model and run quick LRQ, then quick ClusterQ; the Results tab "
                                  "compares them"));
    m_runPanel->setActions(m_startAction, m_pauseAction, m_stopAction);
    // Queued: the panel has re-checked its dataset by the time this runs.
    connect(m_runPanel, &RunPanel::settingsChanged, this, &MainWindow::updateRunActions, Qt::QueuedConnection);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_runDock->toggleViewAction());
    m_viewMenu->addAction(m_logDock->toggleViewAction());
    m_languageMenu = new LanguageMenu(this);
    connect(m_languageMenu, &LanguageMenu::languageChosen, this, [this](const QString&, const QString& name) {
        statusBar()->showMessage(tr("ZSQ Studio will be in %1 from its next start.").arg(name), 10000);
    });
    updateRunActions();
}

void MainWindow::updateRunActions()
{
    const RunController::State state = m_run->state();
    const bool going = state == RunController::State::Running || state == RunController::State::Paused;
    const QString datasetProblem = m_runPanel->datasetProblem();
    m_startAction->setEnabled(state == RunController::State::Idle && hasModel() && !m_startPending &&
                              datasetProblem.isEmpty());
    m_startAction->setToolTip(datasetProblem.isEmpty() ? m_startAction->text().remove(QLatin1Char('&'))
                                                       : tr("Cannot start: %1").arg(datasetProblem));
    m_pauseAction->setEnabled(going && m_run->canPause());
    m_pauseAction->setText(state == RunController::State::Paused ? tr("&Resume") : tr("&Pause"));
    // A disabled Pause says why during a run of several processes.
    m_pauseAction->setToolTip(going && !m_run->canPause()
                                  ? tr("Pause is not available with %1 processes: they wait for each other at most "
                                       "dist.timeout seconds. Stop keeps run.ckpt for a resume.")
                                        .arg(m_run->processCount())
                                  : m_pauseAction->text().remove(QLatin1Char('&')));
    m_stopAction->setEnabled(going || m_startPending);
}

void MainWindow::startRun()
{
    if (m_run->isActive() || m_startPending)
        return;
    if (!hasModel()) {
        statusBar()->showMessage(tr("Open a model first."), 5000);
        return;
    }
    const QString config = m_runPanel->configJson();
    try {
        api::validateRunConfig(config.toStdString());
    } catch (const std::exception& e) {
        onRunFailed(QString::fromStdString(zsq::firstLine(e.what())));
        return;
    }
    // A model near chance on its dataset asks first. The check of these
    // settings may be known already (Check on Dataset, an earlier Start);
    // else it runs on a worker and the run starts when it is done.
    const QString key = PreprocessingChecker::keyFor(config);
    if (key.isEmpty()) {
        launchRun(config);
        return;
    }
    api::PreprocessingCheck check;
    if (m_checker->cached(key, &check)) {
        confirmAndLaunch(config, check);
        return;
    }
    m_startPending = true;
    m_pendingStartConfig = config;
    m_pendingStartKey = key;
    m_runPanel->setRunning(true);
    preprocessingEditor()->setEnabled(false);
    updateRunActions();
    statusBar()->showMessage(tr("Checking the model on %1 before the run…").arg(m_runPanel->datasetName()));
    m_checker->check(config);
}

void MainWindow::launchRun(const QString& config, const QStringList& givenKeys)
{
    // Read from the config itself: a refinement of a finished run does not
    // come from the Run panel.
    const QJsonObject runConfig = QJsonDocument::fromJson(config.toUtf8()).object();
    QStringList names;
    for (const std::string& name :
         api::datasetClassNames(runConfig.value(QStringLiteral("dataset")).toString().toStdString()))
        names << fromUtf8(name);
    m_imageGrid->clear();
    m_imageGrid->setClassNames(names);
    m_lossPlot->clear();
    // A resumed run continues its curves: the losses drawn before the stop
    // come back (those after the checkpoint are replaced as the run redoes
    // them), so losses.csv keeps the whole history.
    const QString resume =
        runConfig.value(QStringLiteral("train")).toObject().value(QStringLiteral("resume")).toString();
    if (!resume.isEmpty()) {
        // The checkpoint's own folder: the output for a resume, the finished
        // run for a refinement into a new folder.
        m_lossPlot->addRecordedSamples(
            readLossesCsv(QFileInfo(resume).absoluteDir().filePath(QStringLiteral("losses.csv"))));
    }
    m_bestTop1 = -1;
    QString method = runConfig.value(QStringLiteral("method")).toString();
    const QString refine = runConfig.value(QStringLiteral("refine")).toObject().value(QStringLiteral("method")).toString();
    if (!refine.isEmpty() && refine != QLatin1String("none"))
        method += QStringLiteral(" + ") + refine;
    m_accuracy->setText(tr("Running %1…").arg(method));
    m_log->append(static_cast<int>(zsq::LogLevel::Info), tr("Run settings: %1").arg(config));
    m_runStatus->reset();
    m_runStatus->show();
    if (!m_presentation->isActive())
        m_tabs->setCurrentIndex(TrainingTab);
    // The recovery file and its marker name the run's folder, so that a
    // crash from here on can be resumed from its run.ckpt.
    m_runningOutput = runConfig.value(QStringLiteral("output")).toString();
    m_recovery->saveNow();
    // After a check, the controller's state takes over locking the settings.
    m_runPanel->setRunning(false);
    preprocessingEditor()->setEnabled(true);
    m_run->start(config, givenKeys.isEmpty() ? m_runPanel->givenKeys() : givenKeys);
    // A resumed run (after a recovery) resumes once; the next Start is a new
    // run in a new folder.
    if (!m_runPanel->parameter(QStringLiteral("train.resume")).toString().isEmpty()) {
        m_runPanel->setParameter(QStringLiteral("train.resume"), QString());
        m_runPanel->setParameter(QStringLiteral("output"), QString());
    }
}

void MainWindow::togglePauseRun()
{
    m_run->togglePause();
}

void MainWindow::stopRun()
{
    if (m_startPending) {
        // Still checking the model: the run never starts.
        m_startPending = false;
        m_runQueue->runEnded(false, tr("the run before it was stopped"));
        m_runPanel->setRunning(false);
        preprocessingEditor()->setEnabled(true);
        updateRunActions();
        const QString why = tr("Not started: stopped while the model was being checked.");
        statusBar()->showMessage(why, 5000);
        emit runFinished(false, why);
        return;
    }
    if (!m_run->isActive())
        return;
    m_run->stop();
    statusBar()->showMessage(tr("Stopping: saving the checkpoint and evaluating the student…"));
}

void MainWindow::onEvaluation(const EvaluationPoint& e)
{
    if (e.what != QLatin1String("student"))
        return;
    m_bestTop1 = qMax(m_bestTop1, e.top1);
    m_accuracy->setText(tr("Epoch %1: student top-1 %2 % (best %3 %) on %4 images")
                            .arg(e.epoch)
                            .arg(percent(e.top1), percent(m_bestTop1))
                            .arg(e.samples));
}

void MainWindow::onRunDone(const RunResult& r, bool cancelled)
{
    m_runStatus->hide();
    QString text;
    if (r.outputDir.isEmpty())
        text = tr("Stopped before training began; nothing was written.");
    else if (r.evaluated)
        text = tr("Quantized top-1: %1 % (full precision: %2 %).").arg(percent(r.quantTop1), percent(r.fpTop1));
    else {
        const QString notMeasured = SessionRun::fromResultJson(r.outputDir, r.resultJson.toUtf8()).accuracyNotMeasured();
        text = cancelled ? sentence(notMeasured) + QLatin1Char('.') : tr("Done; %1.").arg(notMeasured);
    }
    if (cancelled && !r.outputDir.isEmpty())
        text = tr("Stopped. %1 The checkpoint run.ckpt is kept for a resume.").arg(text);
    m_accuracy->setText(text);
    m_runningOutput.clear();
    recordFinishedRun(r);
    m_runQueue->runEnded(!cancelled, tr("the run before it was stopped"));
    const QString where = QDir::toNativeSeparators(r.outputDir);
    if (!r.outputDir.isEmpty())
        m_log->append(static_cast<int>(zsq::LogLevel::Info), tr("%1 Output: %2").arg(text, where));
    statusBar()->showMessage(cancelled ? tr("Run stopped") : tr("Run finished: %1").arg(where), 10000);
    updateRunActions();
    if (!r.outputDir.isEmpty())
        offerRunOutputs(r.outputDir);
    emit runFinished(true, text);
}

void MainWindow::onRunFailed(const QString& message)
{
    m_runStatus->hide();
    m_runningOutput.clear();
    m_runQueue->runEnded(false, tr("the run before it failed"));
    m_recovery->scheduleSave();
    m_accuracy->setText(tr("The run failed: %1").arg(message));
    m_log->append(static_cast<int>(zsq::LogLevel::Error), message);
    statusBar()->showMessage(tr("Run failed"), 10000);
    updateRunActions();
    emit runFinished(false, message);
    if (m_errorDialogs)
        QMessageBox::critical(this, tr("Run Failed"), sentence(message));
}

void MainWindow::showResumeDialog()
{
    // Start where the checkpoints are: the last run's folder, else the Run
    // panel's output folder (the current directory helped nobody).
    QString start = m_runPanel->parameter(QStringLiteral("output")).toString();
    const QList<SessionRun> runs = m_results->runs();
    if (!runs.isEmpty())
        start = runs.last().outputDir;
    while (!start.isEmpty() && !QFileInfo(start).isDir() && QFileInfo(start).absolutePath() != start)
        start = QFileInfo(start).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Resume from Checkpoint"), start,
                                                      tr("Run checkpoints (run.ckpt);;All files (*)"));
    if (!path.isEmpty())
        resumeFromCheckpoint(path);
}

bool MainWindow::resumeFromCheckpoint(const QString& checkpoint)
{
    const QFileInfo info(checkpoint);
    auto refuse = [this](const QString& why) {
        m_log->append(static_cast<int>(zsq::LogLevel::Error), why);
        if (m_errorDialogs)
            QMessageBox::warning(this, tr("Cannot resume"), why);
        return false;
    };
    if (!info.isFile())
        return refuse(tr("%1 is not a file.").arg(QDir::toNativeSeparators(checkpoint)));
    if (!hasModel() || m_run->state() != RunController::State::Idle)
        return refuse(tr("Open the run's model and wait until no run is going, then resume."));
    // The run's own settings: the generator and the optimizers in the
    // checkpoint only fit the method and bits they were made with.
    QJsonObject cfg = m_runPanel->sessionConfig();
    QFile saved(info.absoluteDir().filePath(QStringLiteral("config.json")));
    if (saved.open(QIODevice::ReadOnly)) {
        const QJsonObject runConfig = QJsonDocument::fromJson(saved.readAll()).object();
        if (!runConfig.isEmpty())
            cfg = runConfig;
    }
    cfg.remove(QStringLiteral("model"));
    cfg.insert(QStringLiteral("output"), info.absolutePath());
    QJsonObject train = cfg.value(QStringLiteral("train")).toObject();
    train.insert(QStringLiteral("resume"), info.absoluteFilePath());
    cfg.insert(QStringLiteral("train"), train);
    m_runPanel->applySessionConfig(cfg);
    m_log->append(static_cast<int>(zsq::LogLevel::Info),
                  tr("Resuming from %1").arg(QDir::toNativeSeparators(info.absoluteFilePath())));
    startRun();
    return m_run->state() != RunController::State::Idle || m_startPending;
}

} // namespace zsq::ui
