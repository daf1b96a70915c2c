#pragma once
// Setup shared by the GUI suites: settings kept out of the user's home, the
// Fashion-MNIST check, and a shown MainWindow with the demo model loaded.
#include <QAction>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QString>
#include <QtTest>

#include "data/dataset_registry.h"
#include "ui/app/main_window.h"

namespace zsq::test {

// Every QSettings of the test goes to `dir` (an INI file there).
inline void isolateSettings(const QString& dir)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
}

// Where core looks for it (also $ZSQ_DATA_DIR/fashion-mnist and the user's
// data folder; a set ZSQ_DATA_DIR without it counted as installed).
inline bool fashionMnistInstalled()
{
    for (const std::string& dir : zsq::data::datasetSearchDirs("fashion-mnist"))
        if (QFileInfo(QString::fromStdString(dir)).isDir())
            return true;
    return false;
}

// A shown main window without error dialogs.
inline zsq::ui::MainWindow* newTestWindow(int width, int height)
{
    auto* window = new zsq::ui::MainWindow;
    window->setErrorDialogsEnabled(false);
    window->resize(width, height);
    window->show();
    return window;
}

// Presses Start as a user would, once the Run panel's settings have reached
// the Start action: it follows them through a queued connection, and while a
// named dataset that is not installed is still set (the default
// fashion-mnist on a machine without it) Start is disabled, so a trigger
// right after setting dataset "none" did nothing. Empty on success, else why
// Start stayed disabled.
inline QString pressStart(zsq::ui::MainWindow& window, int timeoutMs = 10000)
{
    if (!QTest::qWaitFor([&] { return window.startAction()->isEnabled(); }, timeoutMs))
        return QStringLiteral("Start stayed disabled: %1").arg(window.startAction()->toolTip());
    window.startAction()->trigger();
    return {};
}

// Loads the demo model; an empty string on success, else why not.
inline QString loadDemoModel(zsq::ui::MainWindow& window)
{
    QSignalSpy loaded(&window, &zsq::ui::MainWindow::loadFinished);
    window.openDemoModel();
    if (!QTest::qWaitFor([&] { return loaded.count() >= 1; }, 60000))
        return QStringLiteral("the demo model did not load within 60 s");
    return loaded.at(0).at(0).toBool() ? QString() : loaded.at(0).at(1).toString();
}

} // namespace zsq::test
