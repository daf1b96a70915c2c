// MainWindow's analysis half: the t-SNE and Per-layer tabs, what they take
// from the Run panel, what a finished run offers them, and the per-layer
// bits that flow back into the run config.
#include "main_window.h"

#include <QDir>
#include <QFileInfo>
#include <QTabWidget>

#include "ui/analysis/analysis_controller.h"
#include "ui/analysis/layer_view.h"
#include "ui/analysis/saved_analysis.h"
#include "ui/base/log_view.h"
#include "ui/base/scrollable_page.h"
#include "ui/run/run_panel.h"
#include "ui/analysis/tsne_view.h"

namespace zsq::ui {

void MainWindow::createAnalysisUi()
{
    // Read when the user presses Start, so the views always use the Run
    // panel's current settings.
    auto context = [this] {
        AnalysisContext c;
        c.model = m_currentPath;
        c.inputSize = m_inputSize;
        c.preprocessingJson = preprocessingRequest(&c.arch);
        c.dataset = m_runPanel->datasetName();
        c.wbits = m_runPanel->parameter(QStringLiteral("wbits")).toInt(4);
        c.abits = m_runPanel->parameter(QStringLiteral("abits")).toInt(4);
        c.device = m_runPanel->parameter(QStringLiteral("device")).toString(QStringLiteral("auto"));
        return c;
    };
    m_tsneView = new TsneView(this);
    m_tsneView->setContextProvider(context);
    m_tabs->addTab(scrollablePage(m_tsneView, m_tabs), tr("t-S&NE"));
    m_layerView = new LayerView(this);
    m_layerView->setContextProvider(context);
    m_tabs->addTab(scrollablePage(m_layerView, m_tabs), tr("Per-&layer"));

    connect(m_layerView, &LayerView::layerBitsChanged, this, [this](const QJsonObject& bits) {
        m_runPanel->setParameter(QStringLiteral("layer_bits"), bits);
    });
    for (AnalysisController* c : {m_tsneView->controller(), m_layerView->controller()})
        connect(c, &AnalysisController::message, m_log, &LogView::append);
}

void MainWindow::offerRunOutputs(const QString& outputDir, bool select)
{
    const QDir dir(outputDir);
    // Written when export.synthetic_per_class > 0. Offered before a kept
    // embedding is shown, which ticks exactly the sets it used.
    const QString synthetic = dir.filePath(QStringLiteral("synthetic"));
    if (QFileInfo(synthetic).isDir())
        m_tsneView->addSyntheticFolder(synthetic, tr("synthetic (%1)").arg(dir.dirName()), select);
    const QString quantized = dir.filePath(QStringLiteral("quantized.zsq"));
    if (QFileInfo::exists(quantized)) {
        // Choosing a run's student shows the analysis kept with it (an
        // embedding only where one was kept: the t-SNE tab starts from the
        // full-precision model otherwise).
        m_tsneView->addQuantizedModel(quantized, select && QFileInfo::exists(QDir(tsneAnalysisDir(outputDir)).filePath(QStringLiteral("tsne.csv"))));
        m_layerView->addQuantizedModel(quantized, select);
        // Already the current entry (offered before): show what is kept.
        if (select) {
            m_layerView->showSavedAnalysis(outputDir);
            m_tsneView->showSavedAnalysis(outputDir);
        }
    }
}

} // namespace zsq::ui
