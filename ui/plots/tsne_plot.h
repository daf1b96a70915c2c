#pragma once
// The t-SNE scatter: one colour per class (legend with the class names), one
// marker shape per source (real data, each synthetic set). It is redrawn for
// every animation frame while the optimisation converges; replots are
// throttled by a SignalCompressor and queued. Hovering a point shows its
// class and source, and once the job has finished its image.
#include <QImage>
#include <QVector>
#include <QWidget>

#include "ui/analysis/analysis_types.h"

class QCPGraph;
class QCustomPlot;
class QFrame;
class QLabel;

namespace zsq::ui {

class SignalCompressor;

class TsnePlot : public QWidget {
    Q_OBJECT
public:
    explicit TsnePlot(QWidget* parent = nullptr);

    void clear();
    // Who the points are; frames with another point count are drawn in grey.
    void setLayout(const TsneLayout& layout);
    void setFrame(const TsneFrame& frame);
    // The final embedding, the true labels and the thumbnails.
    void setResult(const zsq::analysis::TsneJobResult& result);

    int pointCount() const { return static_cast<int>(m_xy.size() / 2); }
    int frameCount() const { return m_frames; }
    // Class and source of point `index`, as the hover read-out shows them.
    QString describe(int index) const;
    QImage thumbnail(int index) const;
    // The point under `pos` (plot widget coordinates), or -1.
    int pointAt(const QPoint& pos) const;
    bool exportPng(const QString& path);
    QCustomPlot* plot() const { return m_plot; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void rebuildGraphs();
    void fillGraphs();
    void replotNow();
    void showHover(const QPoint& pos);

    QCustomPlot* m_plot = nullptr;
    QFrame* m_hover = nullptr;
    QLabel* m_hoverImage = nullptr;
    QLabel* m_hoverText = nullptr;
    SignalCompressor* m_replot = nullptr;
    TsneLayout m_layout;
    QVector<float> m_xy;
    QVector<QCPGraph*> m_graphs;       // [source * classes + class], or one grey graph
    std::vector<float> m_thumbnails;   // [points, c, h, w]
    int m_channels = 0, m_height = 0, m_width = 0;
    int m_frames = 0;
};

} // namespace zsq::ui
