#include "layer_chart.h"

#include <algorithm>
#include <cmath>

#include <QComboBox>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "qcustomplot.h"
#include "legend_columns.h"

namespace zsq::ui {

namespace {
// "features.stage2.unit1.body.conv1.conv" is too long for a tick label:
// rotated, such names took half the chart's height. Every part but the last
// is shortened to its first letter and its number ("stage2" -> "s2",
// "body" -> "b"): "s2.u1.b.conv1". The table has the full names.
QString shortName(const std::string& name)
{
    QStringList parts = QString::fromStdString(name).split(QLatin1Char('.'));
    if (parts.size() > 1 && parts.last() == QLatin1String("conv"))
        parts.removeLast();
    if (parts.size() > 1 && parts.first() == QLatin1String("features"))
        parts.removeFirst();
    constexpr int kShortEnough = 12;
    if (parts.join(QLatin1Char('.')).size() > kShortEnough)
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            QString digits;
            for (qsizetype c = parts[i].size(); c > 0 && parts[i][c - 1].isDigit(); --c)
                digits.prepend(parts[i][c - 1]);
            parts[i] = parts[i].left(1) + digits;
        }
    return parts.join(QLatin1Char('.'));
}

double figure(const analysis::LayerFigures& l, int metric)
{
    switch (metric) {
    case LayerChart::CumulativeAccuracy:
        return l.cumulativeTop1;
    case LayerChart::Sqnr:
        return l.sqnrDb;
    default:
        return l.singleTop1;
    }
}
} // namespace

LayerChart::LayerChart(QWidget* parent) : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(240, 160);
    m_plot->legend->setVisible(false);
    // The legend on a row above the bars, its entries side by side as far as
    // the width takes (legend_columns.h): inside the axis rect it covered
    // the bars, which mostly reach the top.
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] {
        fitLegendColumns(m_plot, m_plot->legend);
        labelEveryFewLayers();
    });
    m_metric = new QComboBox(this);
    m_metric->addItem(tr("Single-layer accuracy"), SingleAccuracy);
    m_metric->addItem(tr("Cumulative accuracy"), CumulativeAccuracy);
    m_metric->addItem(tr("SQNR (dB)"), Sqnr);
    m_metric->setToolTip(tr("Single: only this layer quantized. Cumulative: this layer and all before it. "
                            "SQNR: signal-to-quantization-noise ratio of the layer's output in the fully "
                            "quantized model."));
    connect(m_metric, &QComboBox::currentIndexChanged, this, &LayerChart::rebuild);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show:"), this));
    top->addWidget(m_metric);
    top->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);
    rebuild();
}

void LayerChart::setResult(const analysis::LayerAnalysisResult& result)
{
    m_result = result;
    rebuild();
}

void LayerChart::clear()
{
    m_result = analysis::LayerAnalysisResult();
    m_result.states.clear();
    rebuild();
}

void LayerChart::setMetric(Metric metric)
{
    m_metric->setCurrentIndex(m_metric->findData(metric));
}

LayerChart::Metric LayerChart::metric() const
{
    return static_cast<Metric>(m_metric->currentData().toInt());
}

int LayerChart::barCount() const
{
    int bars = 0;
    for (int i = 0; i < m_plot->plottableCount(); ++i)
        if (auto* b = qobject_cast<QCPBars*>(m_plot->plottable(i)))
            bars += b->data()->size();
    return bars;
}

void LayerChart::rebuild()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_plot->legend->clearItems();
    const int metric = m_metric->currentData().toInt();
    const bool accuracy = metric != Sqnr;
    const QString unit = m_result.realLabels ? tr("top-1 (%)") : tr("agreement with FP (%)");
    m_plot->yAxis->setLabel(accuracy ? unit : tr("SQNR (dB)"));
    if (m_result.states.empty()) {
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const analysis::LayerStateReport& first = m_result.states.front();
    const int layers = static_cast<int>(first.layers.size());
    m_tickNames.clear();
    for (int i = 0; i < layers; ++i)
        m_tickNames << shortName(first.layers[static_cast<std::size_t>(i)].name);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_plot->xAxis->setTickLabelRotation(kLabelAngle);
    labelEveryFewLayers();
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->setRange(0.3, layers + 0.7);

    auto* group = new QCPBarsGroup(m_plot);
    const QColor colors[] = {QColor(31, 119, 180), QColor(255, 127, 14)};
    double lo = 0, hi = 1;
    bool firstValue = true;
    for (std::size_t s = 0; s < m_result.states.size() && s < 2; ++s) {
        const analysis::LayerStateReport& state = m_result.states[s];
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(state.state == "after" ? tr("after fine-tuning") : tr("before (FP weights quantized)"));
        bars->setBrush(colors[s]);
        bars->setPen(Qt::NoPen);
        bars->setWidth(m_result.states.size() > 1 ? 0.38 : 0.7);
        if (m_result.states.size() > 1)
            bars->setBarsGroup(group);
        for (std::size_t i = 0; i < state.layers.size(); ++i) {
            const double v = figure(state.layers[i], metric);
            bars->addData(static_cast<double>(i + 1), v);
            lo = firstValue ? v : std::min(lo, v);
            hi = firstValue ? v : std::max(hi, v);
            firstValue = false;
        }
    }
    if (accuracy) {
        // The full-precision accuracy: how far each bar falls short of it.
        auto* line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(0, first.fpTop1);
        line->point2->setCoords(1, first.fpTop1);
        line->setPen(QPen(Qt::darkGray, 1, Qt::DashLine));
        hi = std::max(hi, first.fpTop1);
        // Bars start at 0: an axis from ~84 % made a 1-point drop look like
        // half the bar (the table and the dashed FP line give exact values).
        lo = 0;
        hi = std::min(100.0, hi + 0.05 * hi + 0.5);
    } else {
        lo = std::min(0.0, lo);
        hi = hi + 0.1 * std::max(1.0, hi - lo);
    }
    m_plot->yAxis->setRange(lo, hi);
    if (m_result.states.size() > 1) {
        for (int i = 0; i < m_plot->plottableCount(); ++i)
            m_plot->plottable(i)->addToLegend();
        m_plot->legend->setVisible(true);
    } else {
        m_plot->legend->setVisible(false);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LayerChart::labelEveryFewLayers()
{
    // Rotated labels are parallel lines: one needs its font's height divided
    // by sin(angle) of the axis. With more layers than that fits (54 in a
    // ResNet-20 on 600 px), every k-th layer is named, so the names stay
    // readable instead of running into one another; the table names them all.
    auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(m_plot->xAxis->ticker());
    if (!ticker || m_tickNames.isEmpty())
        return;
    const int width = m_plot->axisRect()->width() > 0 ? m_plot->axisRect()->width() : m_plot->width();
    const double perLayer = static_cast<double>(std::max(1, width)) / m_tickNames.size();
    const double needed = QFontMetricsF(m_plot->xAxis->tickLabelFont()).height() /
                              std::sin(kLabelAngle * 3.14159265358979 / 180.0) + 2;
    const int step = std::max(1, static_cast<int>(std::ceil(needed / perLayer)));
    if (step == m_labelStep && ticker->ticks().size() == (m_tickNames.size() + step - 1) / step)
        return;
    m_labelStep = step;
    ticker->clear();
    for (qsizetype i = 0; i < m_tickNames.size(); i += step)
        ticker->addTick(static_cast<double>(i + 1), m_tickNames[i]);
}

bool LayerChart::exportPng(const QString& path)
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    return m_plot->savePng(path, 0, 0, 1.0, -1, 144);
}

} // namespace zsq::ui
