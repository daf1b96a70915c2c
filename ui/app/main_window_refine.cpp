// MainWindow's "Refine…": a finished run's student refined afterwards
// (ranges, AdaRound, BRECQ) without training again. Core builds the run
// config from the run's folder (its config.json and run.ckpt, a new output
// folder beside it); the run then goes like any other, and its Results row
// is named "method + refinement".
#include "main_window.h"

#include <exception>

#include <QAction>
#include <QDir>
#include <QInputDialog>
#include <QMessageBox>
#include <QStatusBar>

#include "api/quantization_run.h"
#include "common/error.h"
#include "common/events.h"
#include "ui/base/log_view.h"
#include "ui/base/text_format.h"
#include "ui/results/results_view.h"
#include "ui/run/run_controller.h"

namespace zsq::ui {

bool MainWindow::refineFinishedRun(const QString& runDir, const QString& refineMethod)
{
    auto refuse = [this](const QString& why) {
        m_log->append(static_cast<int>(zsq::LogLevel::Error), why);
        statusBar()->showMessage(tr("Not refined"), 10000);
        if (m_errorDialogs)
            QMessageBox::warning(this, tr("Cannot Refine"), sentence(why));
        return false;
    };
    if (m_run->isActive() || m_startPending)
        return refuse(tr("A run is going; refine when it has ended."));
    std::vector<std::string> keys;
    QString config;
    try {
        config = fromUtf8(api::refineRunConfigJson(toStd(runDir), toStd(refineMethod), &keys));
        api::validateRunConfig(toStd(config));
    } catch (const std::exception& e) {
        return refuse(fromUtf8(zsq::firstLine(e.what())));
    }
    QStringList givenKeys;
    for (const std::string& key : keys)
        givenKeys << fromUtf8(key);
    m_log->append(static_cast<int>(zsq::LogLevel::Info),
                  tr("Refining %1 with %2").arg(QDir::toNativeSeparators(runDir), refineMethod));
    // The run was checked on its dataset when it ran; its settings are its own.
    launchRun(config, givenKeys);
    return m_run->isActive();
}

void MainWindow::showRefineDialog(const QString& runDir)
{
    const QString dir = runDir.isEmpty() ? m_results->currentRunDir() : runDir;
    if (dir.isEmpty()) {
        statusBar()->showMessage(tr("Finish a run first: Refine works on a run of the Results tab."), 8000);
        return;
    }
    // The refinements core knows, cheapest first.
    const QStringList methods = {QStringLiteral("ranges"), QStringLiteral("adaround"), QStringLiteral("brecq")};
    const QStringList labels = {tr("ranges: Lp search of every weight and activation range (seconds)"),
                                tr("adaround: the ranges, then each layer's rounding learned (minutes)"),
                                tr("brecq: the ranges, then each block's rounding and ranges learned (minutes)")};
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Refine Finished Run"),
        tr("Refine %1 without training again; the result goes to a new folder beside it:")
            .arg(QDir(dir).dirName()),
        labels, 2, false, &ok);
    if (ok)
        refineFinishedRun(dir, methods.value(static_cast<int>(labels.indexOf(chosen))));
}

} // namespace zsq::ui
