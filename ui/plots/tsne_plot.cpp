#include "tsne_plot.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

#include "qcustomplot.h"
#include "legend_columns.h"
#include "ui/base/signal_compressor.h"

namespace zsq::ui {

namespace {
// Frames arrive every few tens of ms; a few replots a second look smooth
// and leave the GUI thread free.
constexpr int kReplotIntervalMs = 80;
constexpr int kHoverRadiusPx = 8;

QColor classColor(int index)
{
    static const QColor palette[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
                                     QColor(214, 39, 40),  QColor(148, 103, 189), QColor(140, 86, 75),
                                     QColor(227, 119, 194), QColor(127, 127, 127), QColor(188, 189, 34),
                                     QColor(23, 190, 207)};
    if (index < 10)
        return palette[index];
    return QColor::fromHsv((index * 37) % 360, 200, 200);   // beyond ten classes (CIFAR-100)
}

// Real data as filled discs; synthetic sets as open shapes that stay
// readable on top of them.
QCPScatterStyle::ScatterShape sourceShape(int source)
{
    static const QCPScatterStyle::ScatterShape shapes[] = {
        QCPScatterStyle::ssDisc, QCPScatterStyle::ssCross, QCPScatterStyle::ssTriangle,
        QCPScatterStyle::ssSquare, QCPScatterStyle::ssDiamond, QCPScatterStyle::ssPlus};
    return shapes[source % 6];
}

QImage toImage(const float* src, int c, int h, int w)
{
    QImage image(w, h, c == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    const int plane = h * w;
    auto byte = [](float v) { return static_cast<uchar>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    for (int y = 0; y < h; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < w; ++x) {
            if (c == 1)
                line[x] = byte(src[y * w + x]);
            else
                for (int k = 0; k < 3; ++k)
                    line[3 * x + k] = byte(src[k * plane + y * w + x]);
        }
    }
    return image;
}
} // namespace

TsnePlot::TsnePlot(QWidget* parent) : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(240, 180);
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // t-SNE axes have no units; the legend sits under the points, not on
    // them, in as many columns as the width takes (legend_columns.h).
    m_plot->xAxis->setTickLabels(false);
    m_plot->yAxis->setTickLabels(false);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    // The keys are single markers: a line-sized icon only widened the columns.
    m_plot->legend->setIconSize(14, 14);
    m_plot->legend->setVisible(false);
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] { fitLegendColumns(m_plot, m_plot->legend); });
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);

    // A child widget rather than a QToolTip: it shows the image beside the
    // text and follows the cursor without flicker.
    m_hover = new QFrame(m_plot);
    m_hover->setAutoFillBackground(true);
    m_hover->setFrameShape(QFrame::Box);
    m_hover->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_hoverImage = new QLabel(m_hover);
    m_hoverText = new QLabel(m_hover);
    auto* hoverLayout = new QVBoxLayout(m_hover);
    hoverLayout->setContentsMargins(4, 4, 4, 4);
    hoverLayout->addWidget(m_hoverImage, 0, Qt::AlignHCenter);
    hoverLayout->addWidget(m_hoverText);
    m_hover->hide();

    m_replot = new SignalCompressor(kReplotIntervalMs, this);
    connect(m_replot, &SignalCompressor::triggered, this, &TsnePlot::replotNow);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void TsnePlot::clear()
{
    m_layout = TsneLayout();
    m_xy.clear();
    m_thumbnails.clear();
    m_frames = 0;
    m_hover->hide();
    rebuildGraphs();
    replotNow();
}

void TsnePlot::setLayout(const TsneLayout& layout)
{
    m_layout = layout;
    rebuildGraphs();
    fillGraphs();
    m_replot->request();
}

void TsnePlot::setFrame(const TsneFrame& frame)
{
    const bool resized = frame.xy.size() != m_xy.size();
    m_xy = frame.xy;
    ++m_frames;
    if (resized)
        rebuildGraphs();
    fillGraphs();
    m_replot->request();
}

void TsnePlot::setResult(const analysis::TsneJobResult& r)
{
    TsneLayout layout;
    for (const std::string& name : r.classNames)
        layout.classNames << QString::fromStdString(name);
    for (const std::string& name : r.sourceNames)
        layout.sourceNames << QString::fromStdString(name);
    for (const analysis::TsnePoint& p : r.points) {
        layout.labels << p.label;
        layout.sources << p.source;
    }
    m_layout = layout;
    m_xy = QVector<float>(r.embedding.begin(), r.embedding.end());
    m_thumbnails = r.thumbnails;
    m_channels = r.channels;
    m_height = r.height;
    m_width = r.width;
    rebuildGraphs();
    fillGraphs();
    replotNow();
}

void TsnePlot::rebuildGraphs()
{
    m_plot->clearGraphs();
    m_graphs.clear();
    m_plot->legend->clearItems();
    const int n = pointCount();
    const bool labelled = n > 0 && m_layout.labels.size() == n && !m_layout.classNames.isEmpty();
    if (!labelled) {
        // Points of unknown class (no layout yet): grey discs.
        QCPGraph* g = m_plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(120, 120, 120), 4));
        g->setAdaptiveSampling(false);
        m_graphs << g;
        m_plot->legend->setVisible(false);
        return;
    }
    const int classes = static_cast<int>(m_layout.classNames.size());
    const int sources = static_cast<int>(qMax<qsizetype>(1, m_layout.sourceNames.size()));
    for (int s = 0; s < sources; ++s) {
        for (int c = 0; c < classes; ++c) {
            QCPGraph* g = m_plot->addGraph();
            g->setLineStyle(QCPGraph::lsNone);
            g->setAdaptiveSampling(false);
            const QColor color = classColor(c);
            const QCPScatterStyle::ScatterShape shape = sourceShape(s);
            if (shape == QCPScatterStyle::ssDisc)
                g->setScatterStyle(QCPScatterStyle(shape, color, color, 5));
            else
                g->setScatterStyle(QCPScatterStyle(shape, QPen(color, 1.5), Qt::NoBrush, 7));
            if (s == 0) {
                g->setName(m_layout.classNames.value(c));
                g->addToLegend();
            }
            m_graphs << g;
        }
    }
    // One shape entry per source (only needed when there is more than one).
    if (sources > 1) {
        for (int s = 0; s < sources; ++s) {
            QCPGraph* key = m_plot->addGraph();
            key->setLineStyle(QCPGraph::lsNone);
            key->setScatterStyle(QCPScatterStyle(sourceShape(s), QPen(Qt::black, 1.5),
                                                 s == 0 ? QBrush(Qt::black) : QBrush(Qt::NoBrush), 7));
            key->setName(m_layout.sourceNames.value(s));
            key->addToLegend();
        }
    }
    m_plot->legend->setVisible(true);
}

void TsnePlot::fillGraphs()
{
    const int n = pointCount();
    if (m_graphs.isEmpty())
        return;
    QVector<QVector<QCPGraphData>> data(m_graphs.size());
    const int classes = static_cast<int>(m_layout.classNames.size());
    const bool labelled = m_graphs.size() > 1 || (classes == 1 && m_layout.labels.size() == n);
    for (int i = 0; i < n; ++i) {
        int g = 0;
        if (labelled) {
            const int label = std::clamp(m_layout.labels.value(i), 0, classes - 1);
            g = m_layout.sources.value(i) * classes + label;
            if (g < 0 || g >= m_graphs.size())
                continue;
        }
        data[g].append(QCPGraphData(m_xy[2 * i], m_xy[2 * i + 1]));
    }
    for (int g = 0; g < m_graphs.size(); ++g) {
        std::sort(data[g].begin(), data[g].end(), qcpLessThanSortKey<QCPGraphData>);
        m_graphs[g]->data()->set(data[g], true);
    }
}

void TsnePlot::replotNow()
{
    // t-SNE spreads the points out as it converges: follow them.
    if (pointCount() > 0) {
        float xmin = std::numeric_limits<float>::max(), xmax = -xmin, ymin = xmin, ymax = -xmin;
        for (int i = 0; i < pointCount(); ++i) {
            xmin = std::min(xmin, m_xy[2 * i]);
            xmax = std::max(xmax, m_xy[2 * i]);
            ymin = std::min(ymin, m_xy[2 * i + 1]);
            ymax = std::max(ymax, m_xy[2 * i + 1]);
        }
        const double mx = 0.05 * std::max(1e-6f, xmax - xmin), my = 0.05 * std::max(1e-6f, ymax - ymin);
        m_plot->xAxis->setRange(xmin - mx, xmax + mx);
        m_plot->yAxis->setRange(ymin - my, ymax + my);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString TsnePlot::describe(int index) const
{
    if (index < 0 || index >= pointCount())
        return {};
    if (m_layout.labels.size() != pointCount())
        return tr("Point %1").arg(index + 1);
    return tr("%1 (%2)").arg(m_layout.classNames.value(m_layout.labels.value(index), QString::number(m_layout.labels.value(index))),
                             m_layout.sourceNames.value(m_layout.sources.value(index)));
}

QImage TsnePlot::thumbnail(int index) const
{
    const qsizetype per = static_cast<qsizetype>(m_channels) * m_height * m_width;
    if (index < 0 || per <= 0 || (m_channels != 1 && m_channels != 3) ||
        static_cast<qsizetype>(m_thumbnails.size()) < per * (index + 1))
        return {};
    return toImage(m_thumbnails.data() + per * index, m_channels, m_height, m_width);
}

int TsnePlot::pointAt(const QPoint& pos) const
{
    int best = -1;
    double bestDistance = kHoverRadiusPx * kHoverRadiusPx;
    for (int i = 0; i < pointCount(); ++i) {
        const double dx = m_plot->xAxis->coordToPixel(m_xy[2 * i]) - pos.x();
        const double dy = m_plot->yAxis->coordToPixel(m_xy[2 * i + 1]) - pos.y();
        const double d = dx * dx + dy * dy;
        if (d <= bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

void TsnePlot::showHover(const QPoint& pos)
{
    const int index = pointAt(pos);
    if (index < 0) {
        m_hover->hide();
        return;
    }
    const QImage image = thumbnail(index);
    // Small dataset images are scaled up so that they can be recognised: to
    // about six text lines, so that presentation mode enlarges them too.
    const int target = 6 * fontMetrics().height();
    const int scale = image.isNull() ? 1 : qMax(1, target / qMax(1, image.width()));
    m_hoverImage->setPixmap(image.isNull() ? QPixmap()
                                           : QPixmap::fromImage(image.scaled(image.width() * scale,
                                                                             image.height() * scale)));
    m_hoverImage->setVisible(!image.isNull());
    m_hoverText->setText(describe(index));
    m_hover->adjustSize();
    // Beside the cursor, kept inside the plot.
    QPoint at = pos + QPoint(14, 14);
    at.setX(qMin(at.x(), m_plot->width() - m_hover->width()));
    at.setY(qMin(at.y(), m_plot->height() - m_hover->height()));
    m_hover->move(at);
    m_hover->show();
    m_hover->raise();
}

bool TsnePlot::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot) {
        if (event->type() == QEvent::MouseMove)
            showHover(static_cast<QMouseEvent*>(event)->position().toPoint());
        else if (event->type() == QEvent::Leave)
            m_hover->hide();
    }
    return QWidget::eventFilter(watched, event);
}

void TsnePlot::showEvent(QShowEvent* event)
{
    // Queued replots of a hidden tab were drawn at its old size.
    QWidget::showEvent(event);
    replotNow();
}

bool TsnePlot::exportPng(const QString& path)
{
    replotNow();
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    return m_plot->savePng(path, 0, 0, 1.0, -1, 144);
}

} // namespace zsq::ui
