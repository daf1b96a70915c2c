// MainWindow's results half: the Results tab and what a finished run adds
// to it, the queued LRQ vs ClusterQ demo, presentation mode and the plots'
// light/dark colours.
#include "main_window.h"

#include <QAction>
#include <QDir>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QScopedValueRollback>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

#include "api/quantization_run.h"
#include "common/events.h"
#include "ui/base/log_view.h"
#include "ui/base/scrollable_page.h"
#include "ui/run/run_queue.h"
#include "ui/plots/image_grid.h"
#include "ui/plots/image_history_file.h"
#include "ui/plots/loss_plot.h"
#include "ui/session/run_chooser.h"
#include "ui/plots/plot_theme.h"
#include "presentation_mode.h"
#include "qcustomplot.h"
#include "ui/results/model_exporter.h"
#include "ui/results/results_view.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_panel.h"
#include "ui/run/run_status.h"
#include "ui/session/session.h"
#include "ui/session/session_recovery.h"
#include "ui/base/text_format.h"

namespace zsq::ui {

void MainWindow::createResultsUi()
{
    m_results = new ResultsView(this);
    m_tabs->addTab(scrollablePage(m_results, m_tabs), tr("Res&ults"));
    // The Training and Synthetic Images tabs offer the same runs.
    connect(m_results, &ResultsView::runsChanged, this, [this] {
        m_trainingRuns->setRuns(m_results->runs());
        m_imageRuns->setRuns(m_results->runs());
    });
    m_exporter = new ModelExporter(this);
    connect(m_results, &ResultsView::exportModelRequested, this, [this](const QString& dir) { showExportModelDialog(dir); });
    connect(m_results, &ResultsView::refineRequested, this, [this](const QString& dir) { showRefineDialog(dir); });
    connect(m_exporter, &ModelExporter::finished, this, [this](const QString&, const QString& summary) {
        m_log->append(static_cast<int>(zsq::LogLevel::Info), summary);
        statusBar()->showMessage(summary, 15000);
        emit exportFinished(true, summary);
    });
    connect(m_exporter, &ModelExporter::failed, this, [this](const QString& message) {
        m_log->append(static_cast<int>(zsq::LogLevel::Error), message);
        statusBar()->showMessage(tr("Export failed"), 10000);
        emit exportFinished(false, message);
        if (m_errorDialogs)
            QMessageBox::warning(this, tr("Cannot Export"), message);
    });
}

bool MainWindow::exportQuantizedModel(const QString& model, const QString& outputPath)
{
    const QString source =
        QFileInfo(model).isDir() ? QDir(model).filePath(QStringLiteral("quantized.zsq")) : model;
    // A stopped run keeps run.ckpt and CANCELLED.txt but never a
    // quantized.zsq (a partial student must not pass for a result): say so
    // and how to finish it, rather than "file not found".
    if (QFileInfo(model).isDir() && !QFileInfo::exists(source) &&
        QFileInfo::exists(QDir(model).filePath(QStringLiteral("CANCELLED.txt")))) {
        const QString message =
            tr("%1 was stopped before it finished and has no quantized.zsq to export; finish it first with "
               "Run > Resume from Checkpoint (its run.ckpt).")
                .arg(QDir::toNativeSeparators(model));
        m_log->append(static_cast<int>(zsq::LogLevel::Error), message);
        emit exportFinished(false, message);
        if (m_errorDialogs)
            QMessageBox::warning(this, tr("Cannot Export"), message);
        return true; // handled: the outcome is reported like any export's
    }
    if (!m_exporter->start(source, ModelExporter::formatForPath(outputPath), outputPath)) {
        statusBar()->showMessage(tr("An export is already going."), 5000);
        return false;
    }
    statusBar()->showMessage(tr("Exporting %1…").arg(QDir::toNativeSeparators(outputPath)));
    return true;
}

void MainWindow::showExportModelDialog(const QString& runDir)
{
    // The run asked for, else the selected (or newest) result, else the open
    // model when it is a ZSQ checkpoint, else a file the user picks.
    QString model = runDir.isEmpty() ? m_results->currentRunDir() : runDir;
    if (model.isEmpty() && m_currentPath.endsWith(QLatin1String(".zsq")))
        model = m_currentPath;
    if (model.isEmpty())
        model = QFileDialog::getOpenFileName(this, tr("Export Quantized Model"), QString(),
                                             tr("ZSQ checkpoints (*.zsq)"));
    if (model.isEmpty())
        return;
    const QString folder = QFileInfo(model).isDir() ? model : QFileInfo(model).absolutePath();
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Quantized Model"), QDir(folder).filePath(QStringLiteral("model.onnx")),
        tr("ONNX with QuantizeLinear/DequantizeLinear (*.onnx);;TorchScript for torch.jit.load (*.pt)"), &filter);
    if (path.isEmpty())
        return;
    QString output = path;
    if (QFileInfo(output).suffix().isEmpty())
        output += filter.contains(QLatin1String("*.onnx")) ? QStringLiteral(".onnx") : QStringLiteral(".pt");
    exportQuantizedModel(model, output);
}

void MainWindow::createPresentationActions()
{
    m_presentation = new PresentationMode(this, m_tabs, {m_runDock, m_logDock});
    m_presentationAction = m_viewMenu->addAction(tr("&Presentation Mode"));
    m_presentationAction->setCheckable(true);
    m_presentationAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_presentationAction->setStatusTip(tr("Full screen with large fonts, one view at a time (Page Up/Down)"));
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);
    connect(m_presentation, &PresentationMode::activeChanged, m_presentationAction, &QAction::setChecked);
    connect(m_presentation, &PresentationMode::activeChanged, this, [this](bool on) {
        if (!on)
            return;
        // Short: at 1.6x the font, the whole sentence ran under the run's
        // speed read-out. Laid out first, so that the read-out's place is
        // known; elided rather than cut should it still not fit.
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        int right = statusBar()->width() - 12;
        for (QWidget* w : {static_cast<QWidget*>(m_runStatus), static_cast<QWidget*>(m_statusModel)})
            if (w->isVisible())
                right = qMin(right, w->mapTo(statusBar(), QPoint(0, 0)).x() - 8);
        const QString hint = tr("PgUp/PgDn: other views · F11: leave");
        statusBar()->showMessage(statusBar()->fontMetrics().elidedText(hint, Qt::ElideRight, qMax(0, right - 6)), 8000);
    });
    restylePlots();
}

void MainWindow::setPresentationMode(bool on)
{
    m_presentation->setActive(on);
}

void MainWindow::recordFinishedRun(const RunResult& result)
{
    if (result.outputDir.isEmpty() || result.resultJson.isEmpty())
        return;
    const QDir dir(result.outputDir);
    // Per-iteration losses exist only in the GUI (core keeps per-epoch
    // figures); the Results tab overlays them later from this file.
    if (m_lossPlot->pointCount() > 0 && !m_lossPlot->exportCsv(dir.filePath(QStringLiteral("losses.csv"))))
        m_log->append(static_cast<int>(zsq::LogLevel::Warning),
                      tr("Could not write %1").arg(QDir::toNativeSeparators(dir.filePath(QStringLiteral("losses.csv")))));
    // The image history, so that the run's images can be shown again.
    QString error;
    if (m_imageGrid->batchCount() > 0 &&
        !writeImageHistory(result.outputDir, m_imageGrid->batches(), m_imageGrid->classNames(), &error))
        m_log->append(static_cast<int>(zsq::LogLevel::Warning), tr("Could not keep the images: %1").arg(error));
    m_results->addRun(SessionRun::fromResultJson(result.outputDir, result.resultJson.toUtf8()));
    m_trainingRuns->setShownRun(result.outputDir);
    m_imageRuns->setShownRun(result.outputDir);
}

void MainWindow::setDemoOverrides(const QJsonObject& overrides)
{
    m_runQueue->setOverrides(overrides);
}

int MainWindow::queuedRuns() const
{
    return m_runQueue->size();
}

void MainWindow::runDemoComparison()
{
    if (m_run->isActive() || m_runQueue->isBatchActive()) {
        statusBar()->showMessage(tr("A run is going; stop it before starting the demo."), 5000);
        return;
    }
    // The classroom profile: 34 s (LRQ) and 25 s (ClusterQ) on an idle 2-core
    // CPU, images every 5 iterations.
    const QString question =
        tr("The demo quantizes the demo model twice to 4 bits, first with LRQ, then with ClusterQ, on a short "
           "classroom schedule: about one minute on a 2-core CPU. The Run panel shows each run's settings; "
           "yours come back when the demo ends. Stop ends the demo.");
    emit demoAsked(question);
    if (m_errorDialogs &&
        QMessageBox::question(this, tr("Demo: LRQ vs ClusterQ"), question, QMessageBox::Ok | QMessageBox::Cancel,
                              QMessageBox::Ok) != QMessageBox::Ok)
        return;
    QList<QJsonObject> configs;
    for (const char* method : {"lrq", "clusterq"})
        configs << QJsonObject{{QStringLiteral("method"), QLatin1String(method)},
                               {QStringLiteral("profile"), QStringLiteral("classroom")},
                               {QStringLiteral("wbits"), 4},
                               {QStringLiteral("abits"), 4},
                               {QStringLiteral("seed"), 0},
                               {QStringLiteral("device"), QStringLiteral("auto")},
                               {QStringLiteral("dataset"), QStringLiteral("fashion-mnist")},
                               {QStringLiteral("output"), QString()}};
    QString demo;
    try {
        demo = QFileInfo(fromUtf8(api::demoModelPath())).absoluteFilePath();
    } catch (const std::exception&) {
        // openDemoModel() reports it.
    }
    const bool loaded = !demo.isEmpty() && hasModel() && demo == m_currentPath;
    const QJsonObject userSettings = m_hasPendingConfig ? m_pendingConfig : m_runPanel->sessionConfig();
    m_runQueue->queueBatch(configs, userSettings, !loaded);
    if (!loaded)
        openDemoModel();
}

void MainWindow::startNextQueued()
{
    if (m_run->isActive() || m_startPending)
        return;
    const QJsonObject config = m_runQueue->takeNext();
    if (config.isEmpty())
        return;
    {
        // The batch borrows the panel; that is not a change of the session.
        const QScopedValueRollback<bool> quiet(m_applyingSession, true);
        m_runPanel->applySessionConfig(config);
    }
    statusBar()->showMessage(tr("Demo: %n run(s) still queued after this one", nullptr, m_runQueue->size()), 8000);
    startRun();
}

void MainWindow::restylePlots()
{
    for (QCustomPlot* plot : findChildren<QCustomPlot*>())
        applyPlotTheme(plot, palette());
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    // The system switching light/dark, or presentation mode's font.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        restylePlots();
}

} // namespace zsq::ui
