#pragma once
// ZSQ Studio's main window: opens model files (menu, recent files, drag and
// drop, command line) on a worker thread and shows them in a ModelView.
#include <QMainWindow>

#include "api/model_summary.h"

class QLabel;
class QMenu;
class QProgressBar;

namespace zsq::ui {

class ModelLoader;
class ModelView;
class RecentFiles;

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
    // always reported through loadFinished().
    void setErrorDialogsEnabled(bool enabled) { m_errorDialogs = enabled; }

    ModelView* modelView() const { return m_view; }
    RecentFiles* recentFiles() const { return m_recent; }
    bool hasModel() const;
    QString currentPath() const { return m_currentPath; }

public slots:
    void showOpenDialog();
    void showAbout();

signals:
    // After every load attempt: ok, or the one-line error message.
    void loadFinished(bool ok, const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void rebuildRecentMenu();
    void onLoadStarted(const QString& path);
    void onLoaded(const zsq::api::ModelSummary& summary);
    void onFailed(const QString& path, const QString& message);
    void onIdle();
    void updateTitle();

    ModelView* m_view = nullptr;
    ModelLoader* m_loader = nullptr;
    RecentFiles* m_recent = nullptr;
    QMenu* m_recentMenu = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_statusModel = nullptr;
    QString m_currentPath;
    bool m_errorDialogs = true;
};

} // namespace zsq::ui
