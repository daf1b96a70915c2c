// MainWindow's session half: New/Open/Save/Save As, the autosave to the
// recovery file and the offer to recover after a crash.
#include "main_window.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include "ui/base/log_view.h"
#include "ui/plots/image_grid.h"
#include "ui/plots/loss_plot.h"
#include "ui/results/results_view.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_panel.h"
#include "ui/run/run_queue.h"
#include "ui/session/session.h"
#include "ui/session/session_recovery.h"
#include "common/events.h"

namespace zsq::ui {

namespace {
const char* const kSessionDirKey = "session/lastDirectory";
const char* const kAutoRecoverKey = "session/autoRecover";

QString sessionFilter()
{
    return MainWindow::tr("ZSQ Studio sessions (*.zsqsession)");
}
} // namespace

void MainWindow::createSessionActions(QMenu* file)
{
    m_recovery = new SessionRecovery(this);
    m_recovery->setProvider([this] { return currentSession(); });
    connect(m_recovery, &SessionRecovery::saveFailed, this, [this](const QString& message) {
        m_log->append(static_cast<int>(zsq::LogLevel::Warning), tr("Autosave failed: %1").arg(message));
    });
    connect(m_runPanel, &RunPanel::settingsChanged, this, &MainWindow::sessionChanged);
    connect(m_results, &ResultsView::runsChanged, this, &MainWindow::sessionChanged);

    file->addSeparator();
    QAction* fresh = file->addAction(tr("&New Session"), this, &MainWindow::newSession);
    fresh->setShortcut(QKeySequence::New);
    fresh->setStatusTip(tr("Forget the finished runs and go back to the default settings"));
    QAction* open = file->addAction(tr("Open &Session…"), this, &MainWindow::showOpenSessionDialog);
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    open->setStatusTip(tr("Open a saved session: model, run settings and finished runs"));
    QAction* save = file->addAction(tr("Sa&ve Session"), this, &MainWindow::saveSession);
    save->setShortcut(QKeySequence::Save);
    QAction* saveAs = file->addAction(tr("Save Session &As…"), this, &MainWindow::showSaveSessionDialog);
    saveAs->setShortcut(QKeySequence::SaveAs);
}

Session MainWindow::currentSession() const
{
    Session s;
    s.modelPath = m_currentPath;
    s.config = m_hasPendingConfig ? m_pendingConfig : m_runPanel->sessionConfig();
    s.runs = m_results->runs();
    s.interruptedRun = m_runningOutput;
    return s;
}

void MainWindow::sessionChanged()
{
    // Restoring a session fires the same signals; that is not a change.
    if (m_applyingSession)
        return;
    m_sessionModified = true;
    updateTitle();
    if (m_recovery)
        m_recovery->scheduleSave();
}

void MainWindow::applySession(const Session& session)
{
    m_applyingSession = true;
    m_results->setRuns(session.runs);
    if (!m_run->isActive())
        restoreRunViews(session.runs);
    m_pendingConfig = session.config;
    const QString ckpt = session.interruptedRun.isEmpty()
                             ? QString()
                             : QDir(session.interruptedRun).filePath(QStringLiteral("run.ckpt"));
    if (!ckpt.isEmpty() && QFileInfo::exists(ckpt)) {
        // The interrupted run continues where its checkpoint left off, in
        // its own folder.
        m_pendingConfig.insert(QStringLiteral("output"), session.interruptedRun);
        QJsonObject train = m_pendingConfig.value(QStringLiteral("train")).toObject();
        train.insert(QStringLiteral("resume"), ckpt);
        m_pendingConfig.insert(QStringLiteral("train"), train);
        const QString note = tr("The interrupted run can be resumed from %1: press Start (Ctrl+R).")
                                 .arg(QDir::toNativeSeparators(ckpt));
        m_accuracy->setText(note);
        m_log->append(static_cast<int>(zsq::LogLevel::Info), note);
    } else if (!session.interruptedRun.isEmpty()) {
        m_log->append(static_cast<int>(zsq::LogLevel::Warning),
                      tr("The interrupted run in %1 left no checkpoint to resume from.")
                          .arg(QDir::toNativeSeparators(session.interruptedRun)));
    }
    const bool sameModel = !session.modelPath.isEmpty() && hasModel() &&
                           QFileInfo(session.modelPath).absoluteFilePath() == m_currentPath;
    if (session.modelPath.isEmpty() || sameModel) {
        m_runPanel->applySessionConfig(m_pendingConfig);
        m_hasPendingConfig = false;
    } else {
        m_hasPendingConfig = true;   // applied in onLoaded()
        openFile(session.modelPath);
    }
    m_applyingSession = false;
}

void MainWindow::newSession()
{
    if (m_run->isActive()) {
        statusBar()->showMessage(tr("Stop the run before starting a new session."), 5000);
        return;
    }
    m_applyingSession = true;
    m_results->setRuns({});
    m_runPanel->applySessionConfig({});
    m_applyingSession = false;
    // The views showed the old session's runs.
    m_lossPlot->clear();
    m_imageGrid->clear();
    m_accuracy->setText(tr("No run yet: choose the settings in the Run panel and press Start (Ctrl+R)."));
    m_hasPendingConfig = false;
    m_runQueue->drop(tr("a new session was started"));
    m_sessionPath.clear();
    m_sessionModified = false;
    updateTitle();
    if (m_recovery)
        m_recovery->scheduleSave();
}

bool MainWindow::openSession(const QString& path)
{
    Session session;
    QString error;
    if (!loadSession(path, &session, &error)) {
        statusBar()->showMessage(tr("Could not open the session"), 5000);
        if (m_errorDialogs)
            QMessageBox::critical(this, tr("Cannot Open Session"), error);
        return false;
    }
    // A session file never carries a run in progress; only recovery does.
    session.interruptedRun.clear();
    applySession(session);
    m_sessionPath = QFileInfo(path).absoluteFilePath();
    m_sessionModified = false;
    updateTitle();
    statusBar()->showMessage(tr("Opened session %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::showOpenSessionDialog()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Session"),
                                                      settings.value(QLatin1String(kSessionDirKey)).toString(),
                                                      sessionFilter());
    if (path.isEmpty())
        return;
    settings.setValue(QLatin1String(kSessionDirKey), QFileInfo(path).absolutePath());
    openSession(path);
}

bool MainWindow::saveSessionAs(const QString& path)
{
    Session session = currentSession();
    session.interruptedRun.clear();
    QString error;
    if (!zsq::ui::saveSession(path, session, &error)) {
        // QSaveFile left the previous file as it was.
        statusBar()->showMessage(tr("The session was not saved"), 10000);
        m_log->append(static_cast<int>(zsq::LogLevel::Error), error);
        emit sessionSaved(false, error);
        if (m_errorDialogs)
            QMessageBox::critical(this, tr("Cannot Save Session"),
                                  tr("%1\n\nThe previous file, if any, is unchanged.").arg(error));
        return false;
    }
    m_sessionPath = QFileInfo(path).absoluteFilePath();
    m_sessionModified = false;
    updateTitle();
    statusBar()->showMessage(tr("Saved session %1").arg(QDir::toNativeSeparators(path)), 5000);
    emit sessionSaved(true, QString());
    return true;
}

bool MainWindow::saveSession()
{
    return m_sessionPath.isEmpty() ? showSaveSessionDialog() : saveSessionAs(m_sessionPath);
}

bool MainWindow::showSaveSessionDialog()
{
    QSettings settings;
    QString dir = settings.value(QLatin1String(kSessionDirKey)).toString();
    if (dir.isEmpty())
        dir = RunPanel::defaultRunsDir();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Session"),
                                                QDir(dir).filePath(QStringLiteral("session.zsqsession")),
                                                sessionFilter());
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".zsqsession")))
        path += QStringLiteral(".zsqsession");
    settings.setValue(QLatin1String(kSessionDirKey), QFileInfo(path).absolutePath());
    return saveSessionAs(path);
}

bool MainWindow::enableCrashRecovery(const QString& directory, bool ask)
{
    if (!m_recovery->start(directory.isEmpty() ? SessionRecovery::defaultDirectory() : directory))
        return false;   // another instance owns the recovery folder
    if (!m_recovery->hasRecovery())
        return false;
    if (QSettings().value(QLatin1String(kAutoRecoverKey), false).toBool())
        ask = false;
    if (ask) {
        QMessageBox box(QMessageBox::Question, tr("Recover Session"),
                        tr("ZSQ Studio did not shut down properly last time. Recover the model, the run "
                           "settings and the finished runs?"),
                        QMessageBox::Yes | QMessageBox::No, this);
        box.setInformativeText(tr("A run that was going can be resumed from its checkpoint."));
        box.setDefaultButton(QMessageBox::Yes);
        if (box.exec() != QMessageBox::Yes) {
            m_recovery->discardRecovery();
            return false;
        }
    }
    Session session;
    QString error;
    if (!m_recovery->takeRecovery(&session, &error)) {
        m_log->append(static_cast<int>(zsq::LogLevel::Warning), tr("Could not recover the session: %1").arg(error));
        m_recovery->discardRecovery();
        return false;
    }
    applySession(session);
    // Recovered work is unsaved work.
    m_sessionModified = true;
    updateTitle();
    m_recovery->saveNow();
    statusBar()->showMessage(tr("Recovered the previous session"), 10000);
    return true;
}

} // namespace zsq::ui
