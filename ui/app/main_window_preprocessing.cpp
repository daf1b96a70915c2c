// MainWindow's preprocessing half: the Model tab's preprocessing editor (its
// values are the Run panel's preprocessing.* keys), the model read again
// with them after every edit, the check of the model on its dataset, and the
// question before a run whose model is near chance.
#include "main_window.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>

#include "common/events.h"
#include "ui/base/log_view.h"
#include "ui/model/model_loader.h"
#include "ui/model/model_view.h"
#include "ui/model/preprocessing_checker.h"
#include "ui/model/preprocessing_editor.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_panel.h"
#include "ui/run/run_queue.h"
#include "ui/base/text_format.h"

namespace zsq::ui {

namespace {
// The preprocessing.* keys at their "the model's own" values.
QList<QPair<QString, QJsonValue>> unsetKeys()
{
    return {{QStringLiteral("preprocessing.file"), QString()},
            {QStringLiteral("preprocessing.input_size"), -1},
            {QStringLiteral("preprocessing.resize"), QStringLiteral("model")},
            {QStringLiteral("preprocessing.resize_size"), 0},
            {QStringLiteral("preprocessing.mean"), QJsonArray()},
            {QStringLiteral("preprocessing.std"), QJsonArray()},
            {QStringLiteral("preprocessing.class_names"), QString()}};
}
} // namespace

PreprocessingEditor* MainWindow::preprocessingEditor() const
{
    return m_view->preprocessingEditor();
}

void MainWindow::createPreprocessingUi()
{
    m_checker = new PreprocessingChecker(this);
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    // Typing "0.4914, 0.4822" reads the model once, not per keystroke.
    m_refreshTimer->setInterval(400);
    PreprocessingEditor* editor = preprocessingEditor();
    editor->setRunPanel(m_runPanel);
    connect(editor, &PreprocessingEditor::checkRequested, this, &MainWindow::checkPreprocessing);
    connect(m_runPanel, &RunPanel::settingsChanged, this, &MainWindow::onSettingsChanged);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refreshModel);
    connect(m_loader, &ModelLoader::refreshed, this, &MainWindow::onRefreshed);
    connect(m_loader, &ModelLoader::refreshFailed, this, &MainWindow::onRefreshFailed);
    connect(m_checker, &PreprocessingChecker::finished, this, &MainWindow::onCheckFinished);
    connect(m_checker, &PreprocessingChecker::failed, this, &MainWindow::onCheckFailed);
    connect(m_run, &RunController::stateChanged, this, [this](RunController::State state) {
        preprocessingEditor()->setEnabled(state == RunController::State::Idle && !m_startPending);
    });
}

QString MainWindow::preprocessingRequest(QString* arch) const
{
    const QJsonObject cfg = QJsonDocument::fromJson(m_runPanel->configJson().toUtf8()).object();
    if (arch)
        *arch = cfg.value(QStringLiteral("arch")).toString();
    const QJsonObject p = cfg.value(QStringLiteral("preprocessing")).toObject();
    if (p.isEmpty())
        return {};
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("preprocessing"), p}}).toJson(QJsonDocument::Compact));
}

void MainWindow::resetPreprocessing()
{
    if (preprocessingRequest(nullptr).isEmpty())
        return;
    for (const auto& [key, value] : unsetKeys())
        m_runPanel->setParameter(key, value);
    m_log->append(static_cast<int>(zsq::LogLevel::Info),
                  tr("The preprocessing settings went back to the new model's own."));
}

void MainWindow::onSettingsChanged()
{
    if (!hasModel())
        return;
    QString arch;
    const QString request = preprocessingRequest(&arch);
    if (arch != m_requestedArch || request != m_requestedPreprocessing)
        m_refreshTimer->start();
    // A check shown on the Model tab belongs to the settings it was made with.
    const QString key = PreprocessingChecker::keyFor(m_runPanel->configJson());
    if (key != m_shownCheckKey) {
        m_shownCheckKey = key;
        api::PreprocessingCheck check;
        if (m_checker->cached(key, &check))
            preprocessingEditor()->showCheck(check, m_runPanel->datasetName());
        else if (m_checker->isChecking(key))
            preprocessingEditor()->showChecking();
        else
            preprocessingEditor()->clearCheck();
    }
}

void MainWindow::refreshModel()
{
    m_refreshTimer->stop();
    if (!hasModel())
        return;
    QString arch;
    const QString request = preprocessingRequest(&arch);
    if (arch == m_requestedArch && request == m_requestedPreprocessing)
        return;
    m_requestedArch = arch;
    m_requestedPreprocessing = request;
    m_loader->refresh(m_currentPath, arch, request);
}

void MainWindow::onRefreshed(const api::ModelSummary& summary, const QString& arch, const QString& preprocessingJson)
{
    if (QFileInfo(fromUtf8(summary.path)).absoluteFilePath() != m_currentPath || arch != m_requestedArch ||
        preprocessingJson != m_requestedPreprocessing)
        return;   // an older request, or another model's
    m_inputSize = summary.inputSize;
    m_numClasses = summary.numClasses;
    m_view->setPreprocessingSummary(summary);
    preprocessingEditor()->setError(QString());
    m_runPanel->setModel(m_currentPath, summary.inputSize);
    statusBar()->showMessage(tr("Preprocessing in use: %1").arg(fromUtf8(summary.preprocessingText)), 8000);
    emit modelRefreshed(true, QString());
}

void MainWindow::onRefreshFailed(const QString& path, const QString& message, const QString& arch,
                                 const QString& preprocessingJson)
{
    if (QFileInfo(path).absoluteFilePath() != m_currentPath || arch != m_requestedArch ||
        preprocessingJson != m_requestedPreprocessing)
        return;
    // Shown beside the editors rather than in a dialog: the user is typing.
    preprocessingEditor()->setError(sentence(message));
    statusBar()->showMessage(tr("The preprocessing settings do not fit the model: %1").arg(message), 10000);
    m_log->append(static_cast<int>(zsq::LogLevel::Warning),
                  tr("The preprocessing settings do not fit the model: %1").arg(message));
    emit modelRefreshed(false, message);
}

void MainWindow::checkPreprocessing()
{
    if (!hasModel())
        return;
    refreshModel();
    const QString config = m_runPanel->configJson();
    const QString key = PreprocessingChecker::keyFor(config);
    m_shownCheckKey = key;
    PreprocessingEditor* editor = preprocessingEditor();
    if (key.isEmpty()) {
        editor->showCheckMessage(tr("Choose a dataset in the Run panel to check the model on it."));
        return;
    }
    api::PreprocessingCheck check;
    if (m_checker->cached(key, &check)) {
        editor->showCheck(check, m_runPanel->datasetName());
        return;
    }
    editor->showChecking();
    m_checker->check(config);
}

void MainWindow::onCheckFinished(const QString& key, const api::PreprocessingCheck& check)
{
    if (key == m_shownCheckKey)
        preprocessingEditor()->showCheck(check, m_runPanel->datasetName());
    if (!check.warning.empty())
        m_log->append(static_cast<int>(zsq::LogLevel::Warning), fromUtf8(check.warning));
    if (m_startPending && key == m_pendingStartKey) {
        m_startPending = false;
        confirmAndLaunch(m_pendingStartConfig, check);
    }
}

void MainWindow::onCheckFailed(const QString& key, const QString& message)
{
    if (key == m_shownCheckKey)
        preprocessingEditor()->showCheckMessage(tr("The check failed: %1").arg(message));
    if (m_startPending && key == m_pendingStartKey) {
        // The run reports the same problem in its own words (and the log).
        m_startPending = false;
        launchRun(m_pendingStartConfig);
    }
}

void MainWindow::confirmAndLaunch(const QString& config, const api::PreprocessingCheck& check)
{
    if (!check.nearChance) {
        launchRun(config);
        return;
    }
    if (askStartNearChance(check)) {
        m_log->append(static_cast<int>(zsq::LogLevel::Warning),
                      tr("Started although the model is near chance on %1.").arg(m_runPanel->datasetName()));
        launchRun(config);
        return;
    }
    const QString why = tr("Not started: the full-precision model is near chance on %1 (%2 % top-1); check its "
                           "preprocessing on the Model tab.")
                            .arg(m_runPanel->datasetName(), QLocale().toString(check.top1, 'f', 2));
    m_runQueue->runEnded(false, tr("the run before it did not start"));
    m_runPanel->setRunning(false);
    preprocessingEditor()->setEnabled(true);
    m_accuracy->setText(why);
    m_log->append(static_cast<int>(zsq::LogLevel::Warning), why);
    statusBar()->showMessage(why, 10000);
    updateRunActions();
    emit runFinished(false, why);
}

bool MainWindow::askStartNearChance(const api::PreprocessingCheck& check)
{
    const double chance = m_numClasses > 0 ? 100.0 / static_cast<double>(m_numClasses) : 0;
    const QString reason =
        tr("The full-precision model reaches only %1 % top-1 on the first %2 images of %3, near chance (%4 %). "
           "Its preprocessing (input size, resize, mean, std) is almost certainly not the one it was trained "
           "with, so the accuracies of this run would mean little.")
            .arg(QLocale().toString(check.top1, 'f', 2))
            .arg(check.samples)
            .arg(m_runPanel->datasetName(), QLocale().toString(chance, 'f', 2));
    emit nearChanceAsked(reason);
    switch (m_nearChanceAnswer) {
    case NearChanceAnswer::StartAnyway:
        return true;
    case NearChanceAnswer::Cancel:
        return false;
    case NearChanceAnswer::Ask:
        break;
    }
    if (!m_errorDialogs)
        return false;
    QMessageBox box(QMessageBox::Warning, tr("Model Near Chance"), reason, QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("nearChanceQuestion"));
    box.setInformativeText(tr("In use: %1\n\nSet the model's own values on the Model tab and press Check on "
                              "Dataset, or start anyway.")
                               .arg(fromUtf8(check.preprocessingText)));
    box.setDetailedText(fromUtf8(check.warning));
    QPushButton* start = box.addButton(tr("Start Anyway"), QMessageBox::AcceptRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == start;
}

} // namespace zsq::ui
