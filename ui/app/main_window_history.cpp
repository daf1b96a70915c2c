// MainWindow's memory of finished runs: the Training and Synthetic Images
// tabs show any finished run of the session again (its losses.csv, its
// epochs from result.json, the image history kept in RUN/images), and an
// opened or recovered session is offered in every view, the t-SNE and
// Per-layer tabs included (with the analyses kept in the runs' folders).
#include "main_window.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "ui/analysis/analysis_controller.h"
#include "ui/analysis/layer_view.h"
#include "ui/analysis/tsne_view.h"
#include "ui/plots/image_grid.h"
#include "ui/plots/image_history_file.h"
#include "ui/plots/loss_plot.h"
#include "ui/plots/run_curves.h"
#include "ui/results/results_view.h"
#include "ui/run/run_controller.h"
#include "ui/session/run_chooser.h"
#include "ui/session/session.h"

namespace zsq::ui {

void MainWindow::createRunChoosers(QVBoxLayout* training, QVBoxLayout* images)
{
    m_trainingRuns = new RunChooser(this);
    m_imageRuns = new RunChooser(this);
    training->insertWidget(1, m_trainingRuns);
    images->insertWidget(0, m_imageRuns);
    for (RunChooser* chooser : {m_trainingRuns, m_imageRuns})
        connect(chooser, &RunChooser::runChosen, this, &MainWindow::showFinishedRun);
}

void MainWindow::setRunChoosersLive(bool live)
{
    m_trainingRuns->setLive(live);
    m_imageRuns->setLive(live);
}

bool MainWindow::showFinishedRun(const QString& outputDir)
{
    if (m_run->isActive())
        return false;
    const QList<SessionRun> runs = m_results->runs();
    const auto it = std::find_if(runs.cbegin(), runs.cend(), [&](const SessionRun& r) {
        return QDir::cleanPath(r.outputDir) == QDir::cleanPath(outputDir);
    });
    if (it == runs.cend())
        return false;
    const SessionRun& run = *it;

    m_lossPlot->clear();
    const RunCurves curves = readRunCurves(run);
    m_lossPlot->addRecordedSamples(
        readLossesCsv(run.lossesCsv.isEmpty() ? QDir(run.outputDir).filePath(QStringLiteral("losses.csv"))
                                              : run.lossesCsv));
    // result.json counts epochs from 1; epoch e ended after e/E of the
    // method's iterations (the refinement's steps come after them).
    qint64 methodIterations = 0;
    for (auto c = curves.losses.cbegin(); c != curves.losses.cend(); ++c)
        if (!c.key().startsWith(QLatin1String("R/")) && !c.value().isEmpty())
            methodIterations = qMax(methodIterations, static_cast<qint64>(c.value().last().x()) + 1);
    const double epochs = curves.epochTop1.isEmpty() ? 0 : curves.epochTop1.last().x();
    for (const QPointF& e : curves.epochTop1)
        m_lossPlot->addEvaluationAt(epochs > 0 ? qRound64(e.x() * static_cast<double>(methodIterations) / epochs) : 0,
                                    e.y());

    QStringList classNames;
    const QList<ImageSet> batches = readImageHistory(run.outputDir, &classNames);
    m_imageGrid->clear();
    m_imageGrid->setClassNames(classNames);
    for (const ImageSet& batch : batches)
        m_imageGrid->addBatch(batch);

    const QString name = QDir(run.outputDir).dirName();
    QString text = run.evaluated ? tr("%1 (%2): quantized top-1 %3 % (full precision %4 %).")
                                       .arg(name, run.methodLabel(), QLocale().toString(run.quantTop1, 'f', 2),
                                            QLocale().toString(run.fpTop1, 'f', 2))
                                 : tr("%1 (%2): %3.").arg(name, run.methodLabel(), run.accuracyNotMeasured());
    if (m_lossPlot->pointCount() == 0)
        text += QLatin1Char(' ') + tr("Its folder has no losses.csv to draw.");
    m_accuracy->setText(text);
    m_trainingRuns->setShownRun(run.outputDir);
    m_imageRuns->setShownRun(run.outputDir);
    return true;
}

void MainWindow::restoreRunViews(const QList<SessionRun>& runs)
{
    // The t-SNE and Per-layer tabs offer every run's student and synthetic
    // export, the newest chosen; choosing a run shows an analysis kept with
    // it.
    for (qsizetype i = 0; i < runs.size(); ++i)
        offerRunOutputs(runs[i].outputDir, i + 1 == runs.size());
    if (!runs.isEmpty())
        showFinishedRun(runs.last().outputDir);
}

} // namespace zsq::ui
