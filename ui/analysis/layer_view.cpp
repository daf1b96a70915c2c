#include "layer_view.h"

#include <algorithm>
#include <exception>

#include <QCheckBox>
#include <QDir>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QEvent>
#include <QSplitter>
#include <QVBoxLayout>

#include "analysis/bit_allocation.h"
#include "analysis_controller.h"
#include "ui/run/checkpoint_picker.h"
#include "common/error.h"
#include "ui/base/explanation_box.h"
#include "ui/plots/layer_chart.h"
#include "ui/run/run_status.h"
#include "layer_table.h"
#include "refined_checkpoint.h"
#include "eval_data_text.h"
#include "saved_analysis.h"
#include "qcustomplot.h"
#include "ui/base/text_format.h"

namespace zsq::ui {

LayerView::LayerView(QWidget* parent) : QWidget(parent)
{
    m_controller = new AnalysisController(this);
    auto* explanation = new ExplanationBox(
        tr("<p>One bar per quantizable layer, in forward order. <b>Single</b>: the accuracy with only this "
           "layer's weights quantized, i.e. how sensitive the layer is on its own. <b>Cumulative</b>: this layer "
           "and all layers before it quantized, i.e. where the accuracy is lost as the errors add up through the "
           "network. <b>SQNR</b> (signal-to-quantization-noise ratio) compares the layer's output in the fully "
           "quantized model (weights and activations) with the full-precision output; each bit is worth about "
           "6 dB, and below about 10 dB the output is mostly noise. With a quantized checkpoint the figures come "
           "twice: before (the FP weights quantized as they are) and after the method's fine-tuning.</p>"
           "<p>Why W2 hurts much more than W4: 4-bit weights have 16 levels, 2-bit weights only 4, so the "
           "rounding step is five times larger (about 14 dB less SQNR), and small layers such as the first "
           "convolution or the classifier have few weights to average the error out.</p>"
           "<p>The <b>sensitivity</b> of a layer at b bits (KL columns) is the mean KL divergence between the "
           "FP model's predictions and those with only that layer at b bits (ZeroQ). <b>Suggest bits</b> chooses "
           "the widths that minimise the summed sensitivity while the average weight bits, weighted by the number "
           "of weights (the model's size), stay within the budget: large, robust layers get fewer bits, small, "
           "sensitive ones more. The W bits column is passed to the next run (layer_bits).</p>"),
        this);

    m_chart = new LayerChart(this);
    m_table = new LayerTable(this);
    connect(m_table, &LayerTable::bitsEdited, this, &LayerView::onBitsEdited);

    m_budget = new QDoubleSpinBox(this);
    m_budget->setRange(2, 8);
    m_budget->setSingleStep(0.25);
    m_budget->setValue(4);
    m_budget->setToolTip(tr("Average weight bits allowed, weighted by the number of weights"));
    m_suggest = new QPushButton(tr("Su&ggest Bits"), this);
    m_suggest->setToolTip(tr("Fill the bits column with the widths of least total sensitivity within the budget"));
    m_reset = new QPushButton(tr("&Uniform"), this);
    m_reset->setToolTip(tr("Back to the Run panel's weight bits for every layer"));
    m_average = new QLabel(this);
    connect(m_suggest, &QPushButton::clicked, this, &LayerView::suggestBits);
    connect(m_reset, &QPushButton::clicked, this, &LayerView::resetBits);
    auto* bitsRow = new QHBoxLayout;
    bitsRow->addWidget(new QLabel(tr("Budget (average W bits):"), this));
    bitsRow->addWidget(m_budget);
    bitsRow->addWidget(m_suggest);
    bitsRow->addWidget(m_reset);
    bitsRow->addStretch(1);
    // The average and the number of changed layers on a line of their own,
    // wrapped: beside the buttons the sentence made the tab scroll sideways
    // on a 1024-pixel projector.
    m_average->setWordWrap(true);
    auto* tablePanel = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePanel);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addLayout(bitsRow);
    tableLayout->addWidget(m_average);

    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_chart);
    right->addWidget(tablePanel);
    right->setChildrenCollapsible(false);
    // Half for the bars, half for the table, at every height until
    // the user drags the handle: set as sizes before the first layout, the
    // ratio was lost and the table showed 3 rows at 1280x720.
    m_chartAndTable = right;
    right->installEventFilter(this);
    connect(right, &QSplitter::splitterMoved, this, [this] { m_userSplit = true; });
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createOptions());
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 760});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(splitter, 1);

    connect(m_controller, &AnalysisController::activeChanged, this, &LayerView::onActive);
    connect(m_controller, &AnalysisController::progress, this, &LayerView::onProgress);
    connect(m_controller, &AnalysisController::layersFinished, this, &LayerView::onFinished);
    connect(m_controller, &AnalysisController::layersPartial, this, &LayerView::onPartial);
    connect(m_controller, &AnalysisController::cancelled, this, [this] {
        setStatus(tr("Stopped."));
        emit finished(true, statusText());
    });
    connect(m_controller, &AnalysisController::failed, this, [this](const QString& message) {
        setStatus(tr("Failed: %1").arg(message));
        emit finished(false, message);
    });
    onActive(false);
    updateAverage();
}

QWidget* LayerView::createOptions()
{
    m_options = new QWidget(this);
    auto* form = new QFormLayout(m_options);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Labels above their fields where both do not fit side by side (German
    // labels made the tab scroll sideways on a 1024-pixel projector).
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_quantized = new CheckpointPicker(tr("None (before only)"), QStringLiteral("%1"), m_options);
    m_quantized->setToolTip(tr("A method's fine-tuned quantized.zsq: the figures before AND after fine-tuning"));
    connect(m_quantized, &CheckpointPicker::currentPathChanged, this, [this](const QString& path) {
        const QString runDir = runDirOfCheckpoint(path);
        if (!runDir.isEmpty())
            showSavedAnalysis(runDir);
    });
    auto* quantizedLabel = new QLabel(tr("&Compare with:"), m_options);
    quantizedLabel->setBuddy(m_quantized->comboBox());
    form->addRow(quantizedLabel, m_quantized);
    m_limit = new QSpinBox(m_options);
    m_limit->setRange(50, 70000);
    m_limit->setSingleStep(500);
    m_limit->setValue(2000);
    m_limit->setToolTip(tr("Evaluation samples of the Run panel's dataset"));
    form->addRow(tr("Sampl&es:"), m_limit);
    m_candidates = new QLineEdit(QStringLiteral("2,3,4,5,6,8"), m_options);
    m_candidates->setToolTip(tr("Bit widths whose sensitivity is measured; Suggest Bits chooses among them"));
    form->addRow(tr("Can&didate bits:"), m_candidates);
    m_sensitivity = new QCheckBox(tr("Measure the sensitivity"), m_options);
    m_sensitivity->setChecked(true);
    m_sensitivity->setToolTip(tr("Needed for Suggest Bits; skipping it is faster"));
    form->addRow(m_sensitivity);
    auto* note = new QLabel(tr("Bit widths and dataset come from the Run panel."), m_options);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(note);

    m_start = new QPushButton(tr("&Start"), this);
    m_stop = new QPushButton(tr("St&op"), this);
    connect(m_start, &QPushButton::clicked, this, &LayerView::start);
    connect(m_stop, &QPushButton::clicked, this, &LayerView::stop);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    m_progress = new QProgressBar(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_options);
    layout->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    return panel;
}

void LayerView::addQuantizedModel(const QString& path, bool select)
{
    m_quantized->addCheckpoint(path, select);
}

void LayerView::setLimit(int samples)
{
    m_limit->setValue(samples);
}

void LayerView::setCandidateBits(const QString& list)
{
    m_candidates->setText(list);
}

void LayerView::setBudget(double averageBits)
{
    m_budget->setValue(averageBits);
}

analysis::LayerAnalysisConfig LayerView::jobConfig() const
{
    const AnalysisContext context = m_context ? m_context() : AnalysisContext();
    analysis::LayerAnalysisConfig c;
    c.model = toStd(context.model);
    c.arch = toStd(context.arch);
    c.preprocessingJson = toStd(context.preprocessingJson);
    c.quantized = toStd(m_quantized->currentPath());
    c.wbits = context.wbits;
    c.abits = context.abits;
    c.dataset = toStd(context.dataset.isEmpty() ? QStringLiteral("none") : context.dataset);
    c.device = toStd(context.device);
    c.limit = m_limit->value();
    c.calibrationSamples = qMin<qint64>(c.calibrationSamples, m_limit->value());
    c.sensitivity = m_sensitivity->isChecked();
    c.candidateBits.clear();
    for (const QString& part : m_candidates->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int bits = part.trimmed().toInt(&ok);
        if (ok)
            c.candidateBits.push_back(bits);
    }
    return c;
}

void LayerView::start()
{
    if (m_controller->isActive())
        return;
    const analysis::LayerAnalysisConfig config = jobConfig();
    if (config.sensitivity && config.candidateBits.empty()) {
        setStatus(tr("Give the candidate bit widths as a list, e.g. 2,4,8."));
        emit finished(false, statusText());
        return;
    }
    m_uniformBits = config.wbits;
    m_roundedBy = roundedWeightsRefinement(m_quantized->currentPath());
    m_jobRunDir = runDirOfCheckpoint(m_quantized->currentPath());
    m_partialRows = 0;
    m_progress->setRange(0, 0);
    setStatus(tr("Analysing…"));
    m_controller->startLayers(config);
}

void LayerView::stop()
{
    m_controller->stop();
    if (m_controller->isActive())
        setStatus(tr("Stopping…"));
}

void LayerView::onActive(bool active)
{
    m_start->setEnabled(!active);
    m_stop->setEnabled(active);
    m_options->setEnabled(!active);
    m_progress->setVisible(active);
    const bool sensitivities = m_result && !m_result->states.empty() && !m_result->states.front().layers.empty() &&
                               !m_result->states.front().layers.front().sensitivity.empty();
    m_suggest->setEnabled(!active && sensitivities);
    m_reset->setEnabled(!active && m_table->layerCount() > 0);
}

void LayerView::onProgress(const RunProgress& p)
{
    if (p.total <= 0)
        return;
    m_progress->setRange(0, static_cast<int>(p.total));
    m_progress->setValue(static_cast<int>(p.current));
    // 2 000 samples take minutes: say how long is left, and that the rows
    // shown are the figures so far.
    QString text = tr("Analysing: %1 % done, about %2 left.")
                       .arg(100 * p.current / p.total)
                       .arg(RunStatus::durationText(p.etaSeconds));
    if (m_partialRows > 0)
        text += QLatin1Char(' ') + tr("The table shows the figures over the samples measured so far.");
    if (!m_controller->isStopping())
        setStatus(text);
}

void LayerView::onPartial(const LayerResultPtr& partial)
{
    if (partial->states.empty())
        return;
    // Shown, not kept: Suggest Bits waits for the complete sensitivities.
    m_chart->setResult(*partial);
    m_table->setResult(*partial);
    m_partialRows = static_cast<int>(partial->states.front().layers.size());
}

void LayerView::showResult(const LayerResultPtr& result)
{
    m_result = result;
    m_chart->setResult(*result);
    m_table->setResult(*result);
}

bool LayerView::showSavedAnalysis(const QString& runDir)
{
    if (m_controller->isActive())
        return false;
    const LayerResultPtr saved = readLayerAnalysis(runDir);
    if (!saved)
        return false;
    // The width most layers have in the run: what "Uniform" goes back to.
    QMap<int, int> widths;
    for (const analysis::LayerFigures& l : saved->states.front().layers)
        ++widths[l.bits];
    int most = 0;
    for (auto it = widths.cbegin(); it != widths.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            m_uniformBits = it.key();
        }
    m_roundedBy = roundedWeightsRefinement(QDir(runDir).filePath(QStringLiteral("quantized.zsq")));
    // The sample count it was measured with, so that Start repeats it (a
    // restored analysis showed the default 2000 beside a 200-sample result).
    if (saved->samples > 0)
        m_limit->setValue(static_cast<int>(std::clamp<std::int64_t>(saved->samples, m_limit->minimum(), m_limit->maximum())));
    showResult(saved);
    setStatus(tr("The analysis kept with %1 (%2 samples, %3): press Start to measure again.")
                  .arg(QDir(runDir).dirName())
                  .arg(saved->samples)
                  .arg(evalDataText(saved->dataSource, saved->data)));
    onActive(false);
    updateAverage();
    onBitsEdited();
    return true;
}

bool LayerView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_chartAndTable && event->type() == QEvent::Resize && !m_userSplit) {
        const int height = m_chartAndTable->height() - m_chartAndTable->handleWidth();
        m_chartAndTable->setSizes({height / 2, height - height / 2});
    }
    return QWidget::eventFilter(watched, event);
}

void LayerView::onFinished(const LayerResultPtr& result)
{
    showResult(result);
    QString text;
    if (!result->states.empty()) {
        const analysis::LayerStateReport& s = result->states.back();
        text = tr("%1 layers on %2 samples: full precision %3 %, fully quantized %4 % (W%5A%6).")
                   .arg(m_table->layerCount())
                   .arg(result->samples)
                   .arg(QLocale().toString(s.fpTop1, 'f', 2), QLocale().toString(s.quantTop1, 'f', 2))
                   .arg(m_uniformBits)
                   .arg(result->abits);
    }
    // AdaRound/BRECQ write the rounded weights into the checkpoint: the
    // analysis keeps a layer in float with the FP model's weight (core's
    // layer_analysis), which for a fine-tuned student is not its own.
    if (result->states.size() == 2 && !m_roundedBy.isEmpty())
        text += QLatin1Char(' ') + tr("The compared run was refined by %1, which stores its weights already rounded: "
                                      "in its “after” single and cumulative columns, the layers kept in float have "
                                      "the float model's weights.")
                                       .arg(m_roundedBy);
    if (!result->sensitivityData.empty())
        text += QLatin1Char(' ') + tr("Sensitivities (for Suggest Bits) measured on %1, never on the test split.")
                                       .arg(evalDataText(result->sensitivitySource, result->sensitivityData));
    // Kept with the run it analysed, for its session and its report.
    if (!m_jobRunDir.isEmpty()) {
        QString error;
        if (saveLayerAnalysis(m_jobRunDir, *result, m_chart->plot()->toPixmap(900, 480).toImage(), &error))
            text += QLatin1Char(' ') + tr("Kept in %1.").arg(QDir::toNativeSeparators(layerAnalysisDir(m_jobRunDir)));
        else
            text += QLatin1Char(' ') + tr("Could not keep it with the run: %1").arg(error);
    }
    setStatus(text);
    onActive(false);
    updateAverage();
    onBitsEdited();
    emit finished(true, text);
}

bool LayerView::suggestBits()
{
    if (!m_result || m_result->states.empty()) {
        setStatus(tr("Analyse the layers first."));
        return false;
    }
    std::vector<analysis::LayerCost> costs;
    for (const analysis::LayerFigures& l : m_result->states.front().layers)
        costs.push_back({l.parameters, l.sensitivity});
    try {
        const analysis::BitAllocation a = analysis::allocateBits(costs, m_budget->value());
        m_table->setBits(QVector<int>(a.bits.begin(), a.bits.end()));
        setStatus(tr("Suggested bits: summed sensitivity %1.").arg(QLocale().toString(a.sensitivity, 'g', 4)));
    } catch (const std::exception& e) {
        setStatus(QString::fromStdString(zsq::firstLine(e.what())));
        return false;
    }
    onBitsEdited();
    return true;
}

void LayerView::resetBits()
{
    m_table->setBits(QVector<int>(m_table->layerCount(), m_uniformBits));
    onBitsEdited();
}

double LayerView::averageBits() const
{
    const QVector<int> bits = m_table->bits();
    const QVector<qint64> params = m_table->parameters();
    double sum = 0, weights = 0;
    for (int i = 0; i < bits.size() && i < params.size(); ++i) {
        sum += static_cast<double>(params[i]) * bits[i];
        weights += static_cast<double>(params[i]);
    }
    return weights > 0 ? sum / weights : 0;
}

QString LayerView::averageText() const
{
    return m_average->text();
}

QString LayerView::statusText() const
{
    return m_status->text();
}

QJsonObject LayerView::layerBits() const
{
    QJsonObject out;
    const QVector<int> bits = m_table->bits();
    const QStringList names = m_table->layerNames();
    for (int i = 0; i < bits.size() && i < names.size(); ++i)
        if (bits[i] != m_uniformBits)
            out.insert(names[i], bits[i]);
    return out;
}

void LayerView::onBitsEdited()
{
    updateAverage();
    emit layerBitsChanged(layerBits());
}

void LayerView::updateAverage()
{
    if (m_table->layerCount() == 0) {
        m_average->setText(tr("No layers analysed yet."));
        return;
    }
    m_average->setText(tr("Average weight bits: %1 (%2 layers differ from W%3)")
                           .arg(QLocale().toString(averageBits(), 'f', 2))
                           .arg(layerBits().size())
                           .arg(m_uniformBits));
}

void LayerView::setStatus(const QString& text)
{
    m_status->setText(text);
}

} // namespace zsq::ui
