#include "loss_plot.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QSaveFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QSet>
#include <QSlider>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>

#include "qcustomplot.h"
#include "ui/base/signal_compressor.h"

namespace zsq::ui {

namespace {
// Replots at most this often while data streams in.
constexpr int kReplotIntervalMs = 200;

// Every loss the methods report, in a fixed order: a loss has the same
// colour in an LRQ, a ClusterQ or a GDFQ run (by order of appearance it did
// not: G/bns was blue in one method and green in another).
const char* const kKnownLosses[] = {"G/total", "G/ce",  "G/bns",  "G/cluster", "G/ama",         "S/total", "S/kd",
                                    "S/ce",    "S/tckd", "S/nckd", "ptq/bn_stats", "R/layer_mse", "R/block_mse"};

// The refinement after the method ("R/...") counts its own steps from 0.
bool isRefinement(const QString& name)
{
    return name.startsWith(QLatin1String("R/"));
}

QColor seriesColor(int index)
{
    static const QColor palette[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
                                     QColor(214, 39, 40),  QColor(148, 103, 189), QColor(140, 86, 75),
                                     QColor(227, 119, 194), QColor(127, 127, 127), QColor(188, 189, 34),
                                     QColor(23, 190, 207)};
    return palette[index % 10];
}

// A loss rect's legend, in a column right of the plots at the top of the
// rect's row: inside the rect (where it used to sit) it hid the newest points
// of the curves and the right axis at 1024x768 (issue 14).
QCPLegend* addLegend(QCustomPlot* plot, int row)
{
    auto* column = new QCPLayoutGrid;
    plot->plotLayout()->addElement(row, 1, column);
    auto* legend = new QCPLegend;
    column->addElement(0, 0, legend);
    column->addElement(1, 0, new QCPLayoutElement(plot)); // the rest of the row's height
    column->setRowStretchFactor(0, 0.001);
    column->setRowStretchFactor(1, 1);
    column->setMinimumMargins(QMargins(6, 6, 6, 0)); // off the widget's edge, level with the rect's top
    legend->setLayer(QStringLiteral("legend"));
    legend->setFont(QFont(legend->font().family(), 8));
    legend->setBrush(QColor(255, 255, 255, 200));
    legend->setVisible(false);   // until it has a series
    return legend;
}
} // namespace

LossPlot::LossPlot(QWidget* parent) : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    // Never a zero-size paint buffer (QCustomPlot warns when a hidden tab's
    // plot replots at 0 x 0).
    m_plot->setMinimumSize(240, 180);
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->plotLayout()->clear();
    auto* margins = new QCPMarginGroup(m_plot);
    auto makeRect = [&](int row, const QString& label) {
        auto* rect = new QCPAxisRect(m_plot);
        m_plot->plotLayout()->addElement(row, 0, rect);
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->axis(QCPAxis::atLeft)->setLabel(label);
        rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
        rect->setRangeZoom(Qt::Horizontal | Qt::Vertical);
        return rect;
    };
    m_genRect = makeRect(0, tr("Generator"));
    m_studentRect = makeRect(1, tr("Student"));
    m_evalRect = makeRect(2, tr("Top-1 (%)"));
    m_evalRect->axis(QCPAxis::atBottom)->setLabel(tr("Iteration"));
    m_plot->plotLayout()->setRowStretchFactor(2, 0.5);
    m_genLegend = addLegend(m_plot, 0);
    m_studentLegend = addLegend(m_plot, 1);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001); // the legends' width, no more
    // One iteration axis: panning or zooming one rect moves the others.
    const QList<QCPAxisRect*> rects = {m_genRect, m_studentRect, m_evalRect};
    for (QCPAxisRect* from : rects)
        for (QCPAxisRect* to : rects)
            if (from != to)
                connect(from->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
                        to->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    m_evalGraph = m_plot->addGraph(m_evalRect->axis(QCPAxis::atBottom), m_evalRect->axis(QCPAxis::atLeft));
    m_evalGraph->setName(tr("student top-1"));
    m_evalGraph->setPen(QPen(QColor(44, 160, 44), 1.5));
    m_evalGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    m_evalRect->axis(QCPAxis::atLeft)->setRange(0, 100);

    // A dashed line where the refinement after the method begins, across the
    // student's rect (x on the iteration axis, y from its top to its bottom).
    m_refineLine = new QCPItemStraightLine(m_plot);
    m_refineLine->setClipAxisRect(m_studentRect);
    for (QCPItemPosition* p : {m_refineLine->point1, m_refineLine->point2}) {
        p->setAxes(m_studentRect->axis(QCPAxis::atBottom), m_studentRect->axis(QCPAxis::atLeft));
        p->setAxisRect(m_studentRect);
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    m_refineLine->setPen(QPen(QColor(127, 127, 127), 1, Qt::DashLine));
    m_refineLabel = new QCPItemText(m_plot);
    m_refineLabel->setClipAxisRect(m_studentRect);
    m_refineLabel->position->setAxes(m_studentRect->axis(QCPAxis::atBottom), m_studentRect->axis(QCPAxis::atLeft));
    m_refineLabel->position->setAxisRect(m_studentRect);
    m_refineLabel->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m_refineLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_refineLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_refineLabel->setPadding(QMargins(4, 2, 4, 2));
    m_refineLabel->setText(tr("refinement →"));
    m_refineLabel->setColor(QColor(110, 110, 110));
    m_refineLine->setVisible(false);
    m_refineLabel->setVisible(false);

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setMouseTracking(true);
    // Once the user zooms or pans, new data no longer rescales the view.
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_follow = false; });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_follow = false; });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &LossPlot::fitToData);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) { updateReadout(e->pos()); });

    m_replot = new SignalCompressor(kReplotIntervalMs, this);
    connect(m_replot, &SignalCompressor::triggered, this, &LossPlot::replotNow);

    // Tool row.
    auto* smoothingLabel = new QLabel(tr("&Smoothing:"), this);
    m_smoothing = new QSlider(Qt::Horizontal, this);
    m_smoothing->setRange(0, 99);
    m_smoothing->setValue(60);
    m_smoothing->setMaximumWidth(160);
    m_smoothing->setToolTip(tr("Exponential moving average of each curve (0 = raw values)"));
    smoothingLabel->setBuddy(m_smoothing);
    connect(m_smoothing, &QSlider::valueChanged, this, &LossPlot::resmooth);
    m_logScale = new QCheckBox(tr("&Log scale"), this);
    m_logScale->setToolTip(tr("Logarithmic loss axes"));
    // On by default: the losses span four decades (BNS ~0.03 beside CE ~20),
    // and on a linear axis the small ones are flat lines at zero.
    m_logScale->setChecked(true);
    connect(m_logScale, &QCheckBox::toggled, this, &LossPlot::restyleAxes);
    auto* fit = new QToolButton(this);
    fit->setText(tr("&Fit"));
    fit->setToolTip(tr("Show all data and follow new points again (also: double-click the plot)"));
    connect(fit, &QToolButton::clicked, this, &LossPlot::fitToData);
    auto* png = new QToolButton(this);
    png->setText(tr("Export &PNG…"));
    connect(png, &QToolButton::clicked, this, &LossPlot::showExportPngDialog);
    auto* csv = new QToolButton(this);
    csv->setText(tr("Export &CSV…"));
    connect(csv, &QToolButton::clicked, this, &LossPlot::showExportCsvDialog);
    m_readout = new QLabel(this);
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* tools = new QHBoxLayout;
    tools->addWidget(smoothingLabel);
    tools->addWidget(m_smoothing);
    tools->addWidget(m_logScale);
    tools->addStretch(1);
    tools->addWidget(fit);
    tools->addWidget(png);
    tools->addWidget(csv);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_readout);
    m_readout->setText(tr("Hover over the curves to read values."));
    restyleAxes();
}

QString LossPlot::displayName(const QString& name)
{
    if (name == QLatin1String("R/block_mse"))
        return tr("refine: block MSE");
    if (name == QLatin1String("R/layer_mse"))
        return tr("refine: layer MSE");
    return name;
}

QColor LossPlot::seriesColour(const QString& name) const
{
    const auto it = m_series.constFind(name);
    return it == m_series.constEnd() ? QColor() : it->graph->pen().color();
}

double LossPlot::smoothing() const
{
    return m_smoothing->value() / 100.0;
}

void LossPlot::setSmoothing(double weight)
{
    m_smoothing->setValue(qBound(0, static_cast<int>(std::lround(weight * 100)), 99));
}

bool LossPlot::isLogScale() const
{
    return m_logScale->isChecked();
}

void LossPlot::setLogScale(bool on)
{
    m_logScale->setChecked(on);
}

QCPAxisRect* LossPlot::rectFor(const QString& name) const
{
    // The refinement's losses compare the student's layers or blocks with
    // the teacher's: the student's rect.
    return name.startsWith(QLatin1String("S/")) || isRefinement(name) ? m_studentRect : m_genRect;
}

LossPlot::Series& LossPlot::seriesFor(const QString& name)
{
    auto it = m_series.find(name);
    if (it != m_series.end())
        return *it;
    Series s;
    QCPAxisRect* rect = rectFor(name);
    // Angles in degrees (G/intra_angle_deg, ~75-90) are a measurement, not a
    // loss: on the losses' axis they would flatten every loss to a line.
    QCPAxis* valueAxis = rect->axis(QCPAxis::atLeft);
    if (name.endsWith(QLatin1String("_deg"))) {
        valueAxis = rect->axis(QCPAxis::atRight);
        valueAxis->setLabel(tr("Angle (°)"));
        valueAxis->setVisible(true);
    }
    s.graph = m_plot->addGraph(rect->axis(QCPAxis::atBottom), valueAxis);
    s.graph->setName(displayName(name));
    int colour = -1;
    for (int i = 0; i < static_cast<int>(std::size(kKnownLosses)); ++i)
        if (name == QLatin1String(kKnownLosses[i]))
            colour = i;
    // Within a rect the known losses never share a colour (G/... are the
    // first five, S/... the next five); others follow in order of appearance.
    if (colour < 0)
        colour = static_cast<int>(std::size(kKnownLosses) + m_order.size());
    s.graph->setPen(QPen(seriesColor(colour), 1.2));
    QCPLegend* legend = rect == m_studentRect ? m_studentLegend : m_genLegend;
    s.graph->addToLegend(legend);
    legend->setVisible(true);
    m_order.append(name);
    return *m_series.insert(name, s);
}

void LossPlot::addSamples(const QList<LossSample>& samples)
{
    appendSamples(samples, false);
}

void LossPlot::addRecordedSamples(const QList<LossSample>& samples)
{
    appendSamples(samples, true);
}

qint64 LossPlot::refinementStart() const
{
    // Right after the method's last iteration (0 when the method reported
    // no losses).
    qint64 start = 0;
    for (auto it = m_series.constBegin(); it != m_series.constEnd(); ++it)
        if (!isRefinement(it.key()) && !it->keys.isEmpty())
            start = qMax(start, static_cast<qint64>(it->keys.last()) + 1);
    return start;
}

void LossPlot::appendSamples(const QList<LossSample>& samples, bool recorded)
{
    const double w = smoothing();
    for (const LossSample& sample : samples) {
        if (!std::isfinite(sample.value))
            continue;
        qint64 iteration = sample.iteration;
        if (isRefinement(sample.name)) {
            // The refinement's steps start at 0 again: drawn from 0 they
            // would lie over the method's iterations as if both ran at once.
            // They follow the method's last iteration instead; a recorded
            // losses.csv already holds them there.
            bool started = false;
            for (auto it = m_series.constBegin(); it != m_series.constEnd() && !started; ++it)
                started = isRefinement(it.key()) && !it->keys.isEmpty();
            if (!started && !recorded)
                m_refineStart = refinementStart();
            else if (!started)
                m_refineStart = iteration;
            if (!recorded)
                iteration += m_refineStart;
        }
        Series& s = seriesFor(sample.name);
        if (!s.keys.isEmpty() && static_cast<double>(iteration) <= s.keys.last())
            rewindTo(iteration);
        s.ema = s.keys.isEmpty() ? sample.value : w * s.ema + (1 - w) * sample.value;
        s.keys.append(static_cast<double>(iteration));
        s.values.append(sample.value);
        s.graph->addData(static_cast<double>(iteration), s.ema);
        m_lastIteration = qMax(m_lastIteration, iteration);
        ++m_points;
    }
    updateRefinementMarker();
    if (!samples.isEmpty())
        m_replot->request();
}

void LossPlot::updateRefinementMarker()
{
    bool refined = false;
    for (auto it = m_series.constBegin(); it != m_series.constEnd() && !refined; ++it)
        refined = isRefinement(it.key()) && !it->keys.isEmpty();
    m_refineLine->setVisible(refined);
    m_refineLabel->setVisible(refined);
    if (!refined)
        return;
    // Where the refinement begins, half a step before its first point.
    const double x = static_cast<double>(m_refineStart) - 0.5;
    m_refineLine->point1->setCoords(x, 0);
    m_refineLine->point2->setCoords(x, 1);
    m_refineLabel->position->setCoords(x, 0);
}

qint64 LossPlot::refinementStartIteration() const
{
    return m_refineLine->visible() ? m_refineStart : -1;
}

void LossPlot::addEvaluation(const EvaluationPoint& evaluation)
{
    // Epoch-end evaluations follow the epoch's last iteration, so they sit on
    // the iteration axis there. The final figure is shown elsewhere.
    if (evaluation.what == QLatin1String("final"))
        return;
    m_evalGraph->addData(static_cast<double>(m_lastIteration + 1), evaluation.top1);
    m_replot->request();
}

void LossPlot::addEvaluationAt(qint64 iteration, double top1)
{
    m_evalGraph->addData(static_cast<double>(iteration), top1);
    m_replot->request();
}

void LossPlot::rewindTo(qint64 iteration)
{
    // A run resumed from a checkpoint goes back to an earlier iteration: what
    // was drawn from there on is replaced, the history before it is kept.
    const double key = static_cast<double>(iteration);
    const double w = smoothing();
    for (Series& s : m_series) {
        qsizetype keep = 0;
        while (keep < s.keys.size() && s.keys[keep] < key)
            ++keep;
        if (keep == s.keys.size())
            continue;
        m_points -= static_cast<int>(s.keys.size() - keep);
        s.keys.resize(keep);
        s.values.resize(keep);
        s.graph->data()->removeAfter(key - 0.5);
        s.ema = 0;
        for (qsizetype i = 0; i < keep; ++i)
            s.ema = i == 0 ? s.values[i] : w * s.ema + (1 - w) * s.values[i];
    }
    m_evalGraph->data()->removeAfter(key - 0.5);
    m_lastIteration = qMax<qint64>(0, iteration - 1);
    updateRefinementMarker();
}

int LossPlot::evaluationCount() const
{
    return m_evalGraph->dataCount();
}

void LossPlot::clear()
{
    // The axis rects' own legends are not cleaned up by removeGraph().
    for (auto it = m_series.constBegin(); it != m_series.constEnd(); ++it) {
        it->graph->removeFromLegend(rectFor(it.key()) == m_studentRect ? m_studentLegend : m_genLegend);
        m_plot->removeGraph(it->graph);
    }
    m_series.clear();
    m_order.clear();
    m_genLegend->setVisible(false);
    m_studentLegend->setVisible(false);
    m_genRect->axis(QCPAxis::atRight)->setVisible(false);
    m_studentRect->axis(QCPAxis::atRight)->setVisible(false);
    m_evalGraph->data()->clear();
    m_points = 0;
    m_lastIteration = 0;
    m_refineStart = 0;
    updateRefinementMarker();
    m_follow = true;
    m_readout->setText(tr("Hover over the curves to read values."));
    replotNow();
}

void LossPlot::resmooth()
{
    const double w = smoothing();
    for (Series& s : m_series) {
        QVector<double> smoothed(s.values.size());
        double ema = 0;
        for (qsizetype i = 0; i < s.values.size(); ++i) {
            ema = i == 0 ? s.values[i] : w * ema + (1 - w) * s.values[i];
            smoothed[i] = ema;
        }
        s.ema = ema;
        s.graph->setData(s.keys, smoothed, true);
    }
    m_replot->request();
}

void LossPlot::restyleAxes()
{
    for (QCPAxisRect* rect : {m_genRect, m_studentRect}) {
        QCPAxis* axis = rect->axis(QCPAxis::atLeft);
        if (isLogScale()) {
            axis->setScaleType(QCPAxis::stLogarithmic);
            axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        } else {
            axis->setScaleType(QCPAxis::stLinear);
            axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        }
    }
    m_follow = true;
    m_replot->request();
}

void LossPlot::fitToData()
{
    m_follow = true;
    replotNow();
}

void LossPlot::replotNow()
{
    if (m_follow) {
        // Each value axis fits its own graphs: the first one sets the
        // range, the others only enlarge it.
        QSet<QCPAxis*> fitted;
        for (QCPAxisRect* rect : {m_genRect, m_studentRect})
            for (QCPGraph* graph : rect->graphs()) {
                graph->rescaleAxes(fitted.contains(graph->valueAxis()));
                fitted.insert(graph->valueAxis());
            }
        if (m_lastIteration > 0)
            m_genRect->axis(QCPAxis::atBottom)->setRange(0, static_cast<double>(m_lastIteration + 1));
    }
    // A hidden plot has no paint buffer; showEvent() catches up.
    if (m_plot->isVisible())
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    replotNow();
}

void LossPlot::updateReadout(const QPoint& pos)
{
    for (QCPAxisRect* rect : {m_genRect, m_studentRect, m_evalRect}) {
        if (!rect->rect().contains(pos))
            continue;
        const double key = rect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x());
        QStringList parts;
        double shownKey = -1;
        for (QCPGraph* graph : rect->graphs()) {
            const auto data = graph->data();
            if (data->isEmpty())
                continue;
            auto it = data->findBegin(key, false);
            if (it == data->constEnd())
                --it;
            if (it != data->constBegin()) {
                auto prev = it - 1;
                if (std::abs(prev->key - key) < std::abs(it->key - key))
                    it = prev;
            }
            shownKey = it->key;
            parts << QStringLiteral("%1 = %2").arg(graph->name()).arg(it->value, 0, 'g', 4);
        }
        if (parts.isEmpty())
            break;
        m_readout->setText(tr("Iteration %1: %2").arg(static_cast<qint64>(shownKey)).arg(parts.join(QStringLiteral(", "))));
        return;
    }
}

QStringList LossPlot::seriesNames() const
{
    return m_order;
}

bool LossPlot::exportPng(const QString& path)
{
    replotNow();
    return m_plot->savePng(path, 0, 0, 1.0, -1);
}

bool LossPlot::exportCsv(const QString& path) const
{
    // Atomic: a failed or interrupted export leaves the old file as it was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    // One row per iteration, one raw column per series (empty where a series
    // has no value at that iteration).
    std::map<qint64, QHash<QString, double>> rows;
    for (const QString& name : m_order) {
        const Series& s = m_series[name];
        for (qsizetype i = 0; i < s.keys.size(); ++i)
            rows[static_cast<qint64>(s.keys[i])].insert(name, s.values[i]);
    }
    QTextStream out(&file);
    out << "iteration";
    for (const QString& name : m_order)
        out << ',' << name;
    out << '\n';
    for (const auto& [iteration, values] : rows) {
        out << iteration;
        for (const QString& name : m_order) {
            out << ',';
            if (values.contains(name))
                out << QString::number(values.value(name), 'g', 9);
        }
        out << '\n';
    }
    out.flush();
    return out.status() == QTextStream::Ok && file.commit();
}

void LossPlot::showExportPngDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Curves as PNG"),
                                                      QDir::home().filePath(QStringLiteral("losses.png")),
                                                      tr("PNG images (*.png)"));
    if (!path.isEmpty() && !exportPng(path))
        m_readout->setText(tr("Could not write %1").arg(QDir::toNativeSeparators(path)));
}

void LossPlot::showExportCsvDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Losses as CSV"),
                                                      QDir::home().filePath(QStringLiteral("losses.csv")),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty() && !exportCsv(path))
        m_readout->setText(tr("Could not write %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace zsq::ui
