#include "tsne_view.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedLayout>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "analysis/tsne_job.h"
#include "analysis_controller.h"
#include "ui/run/checkpoint_picker.h"
#include "qcustomplot.h"
#include "saved_analysis.h"
#include "common/error.h"
#include "ui/base/explanation_box.h"
#include "ui/base/text_format.h"
#include "ui/plots/tsne_figures.h"
#include "ui/plots/tsne_plot.h"

namespace zsq::ui {

TsneView::TsneView(QWidget* parent) : QWidget(parent)
{
    m_controller = new AnalysisController(this);
    auto* explanation = new ExplanationBox(
        tr("<p>t-SNE places every sample as a point so that samples that are neighbours in the model's feature "
           "space (the layer before the classifier) stay neighbours in the plane. One tight cluster per class "
           "means the model separates the classes well; the distances between clusters and their sizes mean "
           "little.</p>"
           "<p>Synthetic samples (open markers) that fall inside the real clusters of their class look like real "
           "data to the model: they make good calibration and fine-tuning data. Synthetic clusters away from all "
           "real ones are shortcuts that satisfy the model but that real images never show.</p>"
           "<p>The <b>intra-class angle</b> is the mean angle between a sample's features and its class mean: a "
           "small angle is a compact class. LRQ's Adversarial Margin Add (AMA) with its negative margin lets "
           "synthetic samples stay further from the class centre, so a larger angle on a synthetic set means more "
           "diverse samples. The <b>silhouette</b> is +1 for well separated classes and 0 for overlapping ones; "
           "<b>10-NN class agreement</b> is the share of a point's ten nearest neighbours that have its class, "
           "<b>preservation</b> the share of its neighbours that t-SNE kept.</p>"),
        this);

    m_plot = new TsnePlot(this);
    m_figures = new QTextBrowser(this);
    m_figures->setPlaceholderText(tr("The figures appear here when the embedding has finished."));
    // The plot and its figures sit side by side where the plot keeps at
    // least a square beside them; on a narrower tab (a 1024-pixel projector
    // beside the Run dock) they are two tabs, so that the plot keeps the
    // whole height. arrangeResults() decides on every resize.
    m_results = new QWidget(this);
    m_sideBySide = new QSplitter(Qt::Horizontal, m_results);
    m_sideBySide->setChildrenCollapsible(false);
    m_resultTabs = new QTabWidget(m_results);
    m_resultTabs->setDocumentMode(true);
    m_resultsLayout = new QStackedLayout(m_results);
    m_resultsLayout->addWidget(m_sideBySide);
    m_resultsLayout->addWidget(m_resultTabs);
    m_sideBySide->addWidget(m_plot);
    m_sideBySide->addWidget(m_figures);
    m_sideBySide->setStretchFactor(0, 1);
    m_results->installEventFilter(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createOptions());
    splitter->addWidget(m_results);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 780});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(splitter, 1);

    connect(m_controller, &AnalysisController::activeChanged, this, &TsneView::onActive);
    connect(m_controller, &AnalysisController::progress, this, &TsneView::onProgress);
    connect(m_controller, &AnalysisController::tsneLayout, m_plot, &TsnePlot::setLayout);
    connect(m_controller, &AnalysisController::tsneFrame, m_plot, &TsnePlot::setFrame);
    connect(m_controller, &AnalysisController::tsneFrame, this, [this](const TsneFrame& f) {
        setStatus(f.kl >= 0 ? tr("Iteration %1 of %2, KL %3").arg(f.iteration).arg(f.total).arg(f.kl, 0, 'f', 3)
                            : tr("Iteration %1 of %2").arg(f.iteration).arg(f.total));
    });
    connect(m_controller, &AnalysisController::tsneFinished, this, &TsneView::onFinished);
    connect(m_controller, &AnalysisController::cancelled, this, [this] {
        setStatus(tr("Stopped."));
        emit finished(true, statusText());
    });
    connect(m_controller, &AnalysisController::failed, this, [this](const QString& message) {
        setStatus(tr("Failed: %1").arg(message));
        emit finished(false, message);
    });
    onActive(false);
}

QWidget* TsneView::createOptions()
{
    m_options = new QWidget(this);
    // The rows keep their heights at the top; the scroll area makes the
    // widget as tall as the column, and a form alone spread that height
    // between its rows (a gap under "Features of:" on a tall window).
    auto* column = new QVBoxLayout(m_options);
    auto* form = new QFormLayout;
    column->addLayout(form);
    column->addStretch(1);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_model = new CheckpointPicker(tr("Open model (full precision)"), tr("%1 (quantized)"), m_options);
    m_model->setToolTip(tr("Whose features are embedded: the open model's, or a quantized student's"));
    connect(m_model, &CheckpointPicker::currentPathChanged, this, [this](const QString& path) {
        const QString runDir = runDirOfCheckpoint(path);
        if (!runDir.isEmpty())
            showSavedAnalysis(runDir);
    });
    auto* modelLabel = new QLabel(tr("Feat&ures of:"), m_options);
    modelLabel->setBuddy(m_model->comboBox());
    form->addRow(modelLabel, m_model);

    m_real = new QCheckBox(tr("Real evaluation data"), m_options);
    m_real->setChecked(true);
    m_real->setToolTip(tr("Test samples of the Run panel's dataset"));
    m_limit = new QSpinBox(m_options);
    m_limit->setRange(50, 70000);
    m_limit->setSingleStep(500);
    m_limit->setValue(2000);
    m_limit->setToolTip(tr("The first N test samples"));
    connect(m_real, &QCheckBox::toggled, m_limit, &QWidget::setEnabled);
    form->addRow(m_real);
    form->addRow(tr("Sampl&es:"), m_limit);

    m_synthetic = new QListWidget(m_options);
    m_synthetic->setToolTip(tr("Folders of synthetic images in class sub-folders; a finished run's export "
                               "(export.synthetic_per_class) is added here"));
    m_synthetic->setMaximumHeight(90);
    auto* addSynthetic = new QPushButton(tr("Add Fol&der…"), m_options);
    connect(addSynthetic, &QPushButton::clicked, this, &TsneView::browseSynthetic);
    form->addRow(new QLabel(tr("Synthetic sets:"), m_options));
    form->addRow(m_synthetic);
    form->addRow(addSynthetic);

    m_perplexity = new QDoubleSpinBox(m_options);
    m_perplexity->setRange(2, 100);
    m_perplexity->setValue(30);
    m_perplexity->setToolTip(tr("Roughly the number of neighbours each point keeps close (5 to 50)"));
    form->addRow(tr("Perple&xity:"), m_perplexity);
    m_theta = new QDoubleSpinBox(m_options);
    m_theta->setRange(0, 1);
    m_theta->setSingleStep(0.1);
    m_theta->setValue(0.5);
    m_theta->setToolTip(tr("Barnes-Hut accuracy: 0 is exact t-SNE (slow above a few thousand points)"));
    form->addRow(tr("Thet&a:"), m_theta);
    m_iterations = new QSpinBox(m_options);
    m_iterations->setRange(50, 10000);
    m_iterations->setSingleStep(250);
    m_iterations->setValue(1000);
    form->addRow(tr("&Iterations:"), m_iterations);

    m_start = new QPushButton(tr("&Start"), this);
    m_stop = new QPushButton(tr("St&op"), this);
    connect(m_start, &QPushButton::clicked, this, &TsneView::start);
    connect(m_stop, &QPushButton::clicked, this, &TsneView::stop);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    m_progress = new QProgressBar(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_exportPng = new QPushButton(tr("Export &PNG…"), this);
    m_exportCsv = new QPushButton(tr("Export &CSV…"), this);
    m_exportCsv->setToolTip(tr("Writes tsne.csv (points) and tsne.json (figures) into a folder"));
    connect(m_exportPng, &QPushButton::clicked, this, &TsneView::showExportPngDialog);
    connect(m_exportCsv, &QPushButton::clicked, this, &TsneView::showExportCsvDialog);
    auto* exports = new QHBoxLayout;
    exports->addWidget(m_exportPng);
    exports->addWidget(m_exportCsv);

    // The options scroll down; the buttons and progress stay in view. The
    // column is never narrower than the options (a label or a field was cut
    // at the right): their width is kept as the scroll area's minimum.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_optionsScroll = new QScrollArea(this);
    m_optionsScroll->setWidget(m_options);
    m_optionsScroll->setWidgetResizable(true);
    m_optionsScroll->setFrameShape(QFrame::NoFrame);
    m_optionsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_options->installEventFilter(this);
    keepOptionsWhole();
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_optionsScroll, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(exports);
    return panel;
}

void TsneView::keepOptionsWhole()
{
    const int scrollBar = m_optionsScroll->verticalScrollBar()->sizeHint().width();
    m_optionsScroll->setMinimumWidth(m_options->minimumSizeHint().width() + scrollBar);
}

void TsneView::arrangeResults()
{
    // The figures need about 44 characters (fewer wrapped names); the plot
    // beside them at least 4/5 of its height.
    const int figuresWidth = qMax(m_figures->minimumWidth(), 44 * fontMetrics().averageCharWidth());
    const bool sideBySide = 5 * (m_results->width() - figuresWidth) >= 4 * m_results->height();
    if (sideBySide == (m_resultsLayout->currentWidget() == m_sideBySide)) {
        // A larger font (presentation mode) needs wider figures: the names
        // broke inside words.
        if (sideBySide && m_sideBySide->sizes().value(1) < figuresWidth)
            m_sideBySide->setSizes({m_results->width() - figuresWidth, figuresWidth});
        return;
    }
    if (sideBySide) {
        m_resultTabs->clear();
        m_sideBySide->addWidget(m_plot);
        m_sideBySide->addWidget(m_figures);
        m_sideBySide->setSizes({m_results->width() - figuresWidth, figuresWidth});
        m_resultsLayout->setCurrentWidget(m_sideBySide);
        m_plot->show();   // the tab widget had hidden the page not shown
        m_figures->show();
    } else {
        m_resultTabs->addTab(m_plot, tr("Plot"));
        m_resultTabs->addTab(m_figures, tr("Figures"));
        m_resultsLayout->setCurrentWidget(m_resultTabs);
    }
}

bool TsneView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_options && event->type() == QEvent::LayoutRequest)
        keepOptionsWhole();
    else if (watched == m_results && event->type() == QEvent::Resize)
        arrangeResults();
    return QWidget::eventFilter(watched, event);
}

void TsneView::addQuantizedModel(const QString& path, bool select)
{
    m_model->addCheckpoint(path, select);
}

void TsneView::addSyntheticFolder(const QString& path, const QString& name, bool checked)
{
    for (int i = 0; i < m_synthetic->count(); ++i)
        if (m_synthetic->item(i)->data(Qt::UserRole).toString() == path)
            return;
    auto* item = new QListWidgetItem(name.isEmpty() ? QFileInfo(path).fileName() : name, m_synthetic);
    item->setData(Qt::UserRole, path);
    item->setToolTip(QDir::toNativeSeparators(path));
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsEditable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void TsneView::restoreOptions(const nlohmann::json& figures)
{
    // The options a kept embedding was computed with (its tsne.json), so that
    // the form beside it does not show the defaults and Start repeats it.
    auto number = [&](const char* key, double fallback) {
        const auto it = figures.find(key);
        return it != figures.end() && it->is_number() ? it->get<double>() : fallback;
    };
    setOptimisation(number("perplexity", m_perplexity->value()), number("theta", m_theta->value()),
                    static_cast<int>(number("iterations", m_iterations->value())));
    const auto sources = figures.find("sources");
    if (sources == figures.end() || !sources->is_object())
        return;
    const auto real = sources->find("real");
    const bool hasReal = real != sources->end() && real->is_object();
    const auto samples = hasReal ? real->find("samples") : sources->end();
    setRealData(hasReal, hasReal && samples != real->end() && samples->is_number_integer()
                             ? samples->get<int>()
                             : m_limit->value());
    restoreSyntheticSets(*sources);
}

void TsneView::restoreSyntheticSets(const nlohmann::json& sources)
{
    // Exactly the sets the embedding used are ticked, under the names it
    // gave them. tsne.json files written before their folders were recorded
    // name the sets only: the list is left as it is then.
    QList<QPair<QString, QString>> used;   // name, folder
    for (const auto& [name, figures] : sources.items()) {
        const auto folder = figures.find("dataset");
        if (name != "real" && folder != figures.end() && folder->is_string())
            used.append({QString::fromStdString(name), QString::fromStdString(folder->get<std::string>())});
    }
    m_missingSets.clear();
    if (used.isEmpty())
        return;
    for (int i = 0; i < m_synthetic->count(); ++i)
        m_synthetic->item(i)->setCheckState(Qt::Unchecked);
    for (const auto& [name, folder] : used) {
        QListWidgetItem* item = nullptr;
        for (int i = 0; i < m_synthetic->count() && !item; ++i)
            if (m_synthetic->item(i)->data(Qt::UserRole).toString() == folder)
                item = m_synthetic->item(i);
        if (item) {
            item->setText(name);
            item->setCheckState(Qt::Checked);
        } else if (QFileInfo(folder).isDir()) {
            addSyntheticFolder(folder, name, true);
        } else {
            m_missingSets.append(name);
        }
    }
}

void TsneView::setRealData(bool on, int limit)
{
    m_real->setChecked(on);
    m_limit->setValue(limit);
}

void TsneView::setOptimisation(double perplexity, double theta, int iterations)
{
    m_perplexity->setValue(perplexity);
    m_theta->setValue(theta);
    m_iterations->setValue(iterations);
}

analysis::TsneJobConfig TsneView::jobConfig() const
{
    const AnalysisContext context = m_context ? m_context() : AnalysisContext();
    analysis::TsneJobConfig c;
    const QString quantized = m_model->currentPath();
    c.model = toStd(quantized.isEmpty() ? context.model : quantized);
    // A quantized checkpoint carries its architecture and the preprocessing
    // it was made with.
    if (quantized.isEmpty()) {
        c.arch = toStd(context.arch);
        c.preprocessingJson = toStd(context.preprocessingJson);
    }
    c.device = toStd(context.device);
    c.keepImages = true;   // hover previews
    if (m_real->isChecked() && context.dataset != QLatin1String("none"))
        c.sources.push_back({"real", toStd(context.dataset), "test", m_limit->value()});
    for (int i = 0; i < m_synthetic->count(); ++i) {
        const QListWidgetItem* item = m_synthetic->item(i);
        if (item->checkState() == Qt::Checked)
            c.sources.push_back({toStd(item->text()), toStd(item->data(Qt::UserRole).toString()), "test", 0});
    }
    c.tsne.perplexity = m_perplexity->value();
    c.tsne.theta = m_theta->value();
    c.tsne.iterations = m_iterations->value();
    // As `zsq tsne` does: early exaggeration takes at most a quarter of a
    // short run, else a 150-iteration run would never leave it.
    c.tsne.exaggerationIterations = std::min(250, c.tsne.iterations / 4);
    // An animation frame every few iterations; the controller paces them.
    c.tsne.reportEvery = qMax(5, c.tsne.iterations / 100);
    return c;
}

void TsneView::start()
{
    if (m_controller->isActive())
        return;
    const AnalysisContext context = m_context ? m_context() : AnalysisContext();
    const analysis::TsneJobConfig config = jobConfig();
    if (config.sources.empty()) {
        setStatus(tr("Nothing to embed: tick the real data (with a dataset in the Run panel) or a synthetic set."));
        emit finished(false, statusText());
        return;
    }
    m_jobRunDir = runDirOfCheckpoint(m_model->currentPath());
    m_result.reset();
    m_plot->clear();
    m_figures->clear();
    m_progress->setRange(0, 0);
    setStatus(tr("Computing the features…"));
    m_controller->startTsne(config, context.inputSize);
}

void TsneView::stop()
{
    m_controller->stop();
    if (m_controller->isActive())
        setStatus(tr("Stopping…"));
}

void TsneView::onActive(bool active)
{
    m_start->setEnabled(!active);
    m_stop->setEnabled(active);
    m_options->setEnabled(!active);
    m_exportPng->setEnabled(!active && m_plot->pointCount() > 0);
    m_exportCsv->setEnabled(!active && m_result != nullptr);
    m_progress->setVisible(active);
}

void TsneView::onProgress(const RunProgress& p)
{
    if (p.total > 0) {
        m_progress->setRange(0, static_cast<int>(p.total));
        m_progress->setValue(static_cast<int>(p.current));
    }
}

void TsneView::onFinished(const TsneResultPtr& result)
{
    m_result = result;
    m_plot->setResult(*result);
    m_figures->setHtml(TsneFigures::html(result->figures));
    QString text = tr("Done: %n point(s).", nullptr, static_cast<int>(result->points.size()));
    // Kept with the run whose student was embedded, for its session and its
    // report.
    if (!m_jobRunDir.isEmpty()) {
        QString error;
        if (saveTsneAnalysis(m_jobRunDir, *result, m_plot->plot()->toPixmap(760, 640).toImage(), &error))
            text += QLatin1Char(' ') + tr("Kept in %1.").arg(QDir::toNativeSeparators(tsneAnalysisDir(m_jobRunDir)));
        else
            text += QLatin1Char(' ') + tr("Could not keep it with the run: %1").arg(error);
    }
    setStatus(text);
    onActive(false);
    emit finished(true, statusText());
}

bool TsneView::showSavedAnalysis(const QString& runDir)
{
    if (m_controller->isActive())
        return false;
    const TsneResultPtr saved = readTsneAnalysis(runDir);
    if (!saved)
        return false;
    m_result = saved;
    restoreOptions(saved->figures);
    m_plot->setResult(*saved);
    m_figures->setHtml(TsneFigures::html(saved->figures));
    QString text = tr("The embedding kept with %1 (%n point(s)): press Start to compute it again.", nullptr,
                      static_cast<int>(saved->points.size()))
                       .arg(QDir(runDir).dirName());
    if (!m_missingSets.isEmpty())
        text += QLatin1Char(' ') + tr("The folders of %1 are gone; Start leaves them out.")
                                       .arg(QLocale().createSeparatedList(m_missingSets));
    setStatus(text);
    onActive(false);
    return true;
}

QString TsneView::figuresText() const
{
    return m_figures->toPlainText();
}

QString TsneView::statusText() const
{
    return m_status->text();
}

void TsneView::setStatus(const QString& text)
{
    m_status->setText(text);
}

void TsneView::browseSynthetic()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Synthetic Images Folder"));
    if (!dir.isEmpty())
        addSyntheticFolder(dir);
}

bool TsneView::exportPng(const QString& path)
{
    return m_plot->exportPng(path);
}

bool TsneView::exportCsv(const QString& dir)
{
    if (!m_result)
        return false;
    try {
        analysis::writeTsneOutputs(*m_result, toStd(dir));
    } catch (const std::exception& e) {
        setStatus(tr("Export failed: %1").arg(QString::fromStdString(zsq::firstLine(e.what()))));
        return false;
    }
    setStatus(tr("Wrote tsne.csv and tsne.json to %1").arg(QDir::toNativeSeparators(dir)));
    return true;
}

void TsneView::showExportPngDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export t-SNE Plot"), QStringLiteral("tsne.png"),
                                                      tr("PNG images (*.png)"));
    if (!path.isEmpty() && !exportPng(path))
        setStatus(tr("Could not write %1").arg(QDir::toNativeSeparators(path)));
}

void TsneView::showExportCsvDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export t-SNE Points"));
    if (!dir.isEmpty())
        exportCsv(dir);
}

} // namespace zsq::ui
