#include "main_window.h"

#include <exception>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

#include "common/error.h"
#include "language_menu.h"
#include "ui/analysis/analysis_controller.h"
#include "ui/analysis/layer_view.h"
#include "ui/analysis/tsne_view.h"
#include "ui/base/scrollable_page.h"
#include "ui/model/model_loader.h"
#include "ui/model/model_view.h"
#include "presentation_mode.h"
#include "ui/model/preprocessing_editor.h"
#include "ui/session/recent_files.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_panel.h"
#include "ui/run/run_queue.h"
#include "ui/session/session_recovery.h"
#include "ui/base/text_format.h"

namespace zsq::ui {

namespace {
const char* const kGeometryKey = "mainWindow/geometry";
const char* const kLastDirKey = "mainWindow/lastDirectory";

QString firstLocalFile(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            return url.toLocalFile();
    return {};
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    m_view = new ModelView(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(scrollablePage(m_view, m_tabs), tr("&Model"));
    setCentralWidget(m_tabs);
    createRunUi();
    createAnalysisUi();
    createResultsUi();
    m_loader = new ModelLoader(this);
    m_recent = new RecentFiles(this);
    createPreprocessingUi();

    m_statusModel = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusModel);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);

    createActions();
    connect(m_loader, &ModelLoader::started, this, &MainWindow::onLoadStarted);
    connect(m_loader, &ModelLoader::loaded, this, &MainWindow::onLoaded);
    connect(m_loader, &ModelLoader::failed, this, &MainWindow::onFailed);
    connect(m_loader, &ModelLoader::idle, this, &MainWindow::onIdle);
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);

    setAcceptDrops(true);
    if (!restoreGeometry(QSettings().value(QLatin1String(kGeometryKey)).toByteArray()))
        resize(1200, 780);
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Model…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open a PyTorch model or a ZSQ checkpoint"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction* demo = file->addAction(tr("Open &Demo Model"), this, &MainWindow::openDemoModel);
    demo->setStatusTip(tr("Open the Fashion-MNIST ResNet-8 that comes with ZSQ Studio"));
    createSessionActions(file);
    file->addSeparator();
    QAction* exportModel = file->addAction(tr("&Export Quantized Model…"), this, [this] { showExportModelDialog(); });
    exportModel->setStatusTip(tr("Write a run's quantized model as ONNX (QDQ) or TorchScript"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    rebuildRecentMenu();

    createRunActions();
    createPresentationActions();
    m_viewMenu->addSeparator();
    m_viewMenu->addMenu(m_languageMenu);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ZSQ Studio"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    int index = 0;
    for (const QString& path : files) {
        ++index;
        const QString name = QFileInfo(path).fileName();
        const QString text = index < 10 ? QStringLiteral("&%1 %2").arg(index).arg(name) : name;
        QAction* action = m_recentMenu->addAction(text, this, [this, path] { openFile(path); });
        action->setToolTip(path);
        action->setStatusTip(path);
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear Menu"), m_recent, &RecentFiles::clear);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::openFile(const QString& path)
{
    if (path.isEmpty())
        return;
    m_loader->load(path);
}

void MainWindow::openDemoModel()
{
    QString path;
    QString message;
    try {
        path = fromUtf8(api::demoModelPath());
    } catch (const std::exception& e) {
        message = QString::fromStdString(zsq::firstLine(e.what()));
    }
    if (!path.isEmpty()) {
        openFile(path);
        return;
    }
    if (!hasModel())
        m_view->showEmpty(sentence(message));
    statusBar()->showMessage(sentence(message));
    emit loadFinished(false, message);
}

bool MainWindow::hasModel() const
{
    return m_view->hasModel();
}

void MainWindow::showOpenDialog()
{
    QSettings settings;
    QString dir = settings.value(QLatin1String(kLastDirKey)).toString();
    if (dir.isEmpty() && !m_currentPath.isEmpty())
        dir = QFileInfo(m_currentPath).absolutePath();
    const QStringList filters = {tr("Models (*.pt *.pth *.zsq *.ts)"), tr("ZSQ checkpoints (*.zsq)"),
                                 tr("PyTorch files (*.pt *.pth)"), tr("TorchScript archives (*.ts *.pt)"),
                                 tr("All files (*)")};
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Model"), dir, filters.join(QStringLiteral(";;")));
    if (path.isEmpty())
        return;
    settings.setValue(QLatin1String(kLastDirKey), QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About ZSQ Studio"),
        tr("<h3>ZSQ Studio %1</h3>"
           "<p>Zero-shot quantization of convolutional neural networks: low-bit models without the "
           "training data.</p>"
           "<p>Reads TorchScript archives, PyTorch state_dict files and ZSQ checkpoints.</p>"
           "<p>Built with Qt %2 and LibTorch.</p>")
            .arg(QStringLiteral(ZSQ_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::onLoadStarted(const QString& path)
{
    m_busy->show();
    statusBar()->showMessage(tr("Loading %1…").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::onLoaded(const api::ModelSummary& summary)
{
    const QString path = QFileInfo(fromUtf8(summary.path)).absoluteFilePath();
    const bool otherModel = !m_currentPath.isEmpty() && path != m_currentPath;
    m_currentPath = path;
    m_inputSize = summary.inputSize;
    m_numClasses = summary.numClasses;
    // Read with the file's own preprocessing; the Run panel's settings
    // follow in refreshModel().
    m_requestedArch.clear();
    m_requestedPreprocessing.clear();
    // Opening a model into an untitled session with nothing else in it is
    // not an unsaved change (the title had "*" from the very start).
    const bool pristine = m_sessionPath.isEmpty() && !m_sessionModified && !m_hasPendingConfig;
    const QScopedValueRollback<bool> quiet(m_applyingSession, m_applyingSession || pristine);
    m_view->setSummary(summary);
    preprocessingEditor()->setError(QString());
    m_runPanel->setModel(m_currentPath, summary.inputSize);
    if (m_hasPendingConfig) {
        // A session's settings, now that the model's defaults are known.
        m_applyingSession = true;
        m_runPanel->applySessionConfig(m_pendingConfig);
        m_applyingSession = false;
        m_hasPendingConfig = false;
    } else if (otherModel) {
        // Preprocessing belongs to a model: another model starts from its own.
        resetPreprocessing();
    }
    refreshModel();
    updateRunActions();
    m_recent->add(m_currentPath);
    m_statusModel->setText(tr("%1, %2 parameters").arg(fromUtf8(summary.arch), countText(summary.parameters)));
    statusBar()->showMessage(tr("Loaded %1").arg(QDir::toNativeSeparators(m_currentPath)), 5000);
    updateTitle();
    if (!pristine)
        sessionChanged();
    m_runQueue->modelReady();
    emit loadFinished(true, QString());
}

void MainWindow::onFailed(const QString& path, const QString& message)
{
    if (!QFileInfo::exists(path))
        m_recent->remove(path);
    statusBar()->showMessage(tr("Could not open %1").arg(QDir::toNativeSeparators(path)), 5000);
    m_runQueue->drop(tr("the model could not be opened"));
    m_hasPendingConfig = false;
    emit loadFinished(false, message);
    if (m_errorDialogs)
        QMessageBox::critical(this, tr("Cannot Open Model"), sentence(message));
}

void MainWindow::onIdle()
{
    m_busy->hide();
}

void MainWindow::updateTitle()
{
    // The application's display name is appended by Qt; "[*]" shows unsaved
    // session changes.
    QStringList parts;
    if (!m_sessionPath.isEmpty())
        parts << QFileInfo(m_sessionPath).fileName();
    if (!m_currentPath.isEmpty())
        parts << QFileInfo(m_currentPath).fileName();
    setWindowTitle(parts.isEmpty() ? QString() : parts.join(QStringLiteral(" – ")) + QStringLiteral("[*]"));
    setWindowModified(m_sessionModified && !parts.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!firstLocalFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = firstLocalFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openFile(path);
}

bool MainWindow::confirmClose()
{
    const bool running = m_run->isActive() || m_startPending || m_runQueue->isBatchActive();
    const bool analysing = m_tsneView->controller()->isActive() || m_layerView->controller()->isActive();
    if (!running && !analysing && !m_sessionModified)
        return true;
    QStringList lost;
    if (running)
        lost << tr("A quantization run is going: closing stops it (a generative run keeps run.ckpt for a resume).");
    if (analysing)
        lost << tr("An analysis is going: closing stops it.");
    if (m_sessionModified)
        lost << tr("The session has unsaved changes.");
    const QString reason = lost.join(QLatin1Char(' '));
    emit quitAsked(reason);
    QuitAnswer answer = m_quitAnswer;
    if (answer == QuitAnswer::Ask) {
        if (!m_errorDialogs)
            return true;
        QMessageBox box(QMessageBox::Question, tr("Quit ZSQ Studio?"), reason, QMessageBox::NoButton, this);
        QPushButton* save = m_sessionModified ? box.addButton(tr("&Save and Quit"), QMessageBox::AcceptRole) : nullptr;
        QPushButton* discard =
            box.addButton(m_sessionModified ? tr("&Quit without Saving") : tr("&Quit"), QMessageBox::DestructiveRole);
        QPushButton* cancel = box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(cancel);
        box.setEscapeButton(cancel);
        box.exec();
        answer = box.clickedButton() == save      ? QuitAnswer::Save
                 : box.clickedButton() == discard ? QuitAnswer::Discard
                                                  : QuitAnswer::Cancel;
    }
    if (answer == QuitAnswer::Cancel)
        return false;
    if (answer == QuitAnswer::Save && m_sessionModified && !saveSession())
        return false;   // the save was cancelled or failed: nothing is lost
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!confirmClose()) {
        event->ignore();
        return;
    }
    QSettings().setValue(QLatin1String(kGeometryKey), saveGeometry());
    // A generative run keeps its checkpoint; the controller waits for the
    // worker (the final evaluation takes a few seconds) when it is destroyed.
    if (m_run->isActive())
        m_run->stop();
    if (m_presentation->isActive())
        m_presentation->setActive(false);
    // A clean exit: no recovery offer next time.
    m_recovery->finishCleanly();
    QMainWindow::closeEvent(event);
}

} // namespace zsq::ui
