#pragma once
// Live training curves: one series per named loss, the generator's ("G/...",
// and PTQ's "ptq/...") in the upper axis rect, the student's ("S/...") in the
// middle one, and the epoch-end top-1 in the lower one, all on the iteration
// axis. The refinement after the method ("R/..." losses, steps counted from
// 0) is drawn in the student's rect after the method's last iteration, past
// a dashed "refinement" line. EMA smoothing, log scale, zoom/pan (double-click fits again), a hover
// read-out, PNG and CSV export. Replots are throttled by a SignalCompressor
// and queued (rpQueuedReplot), so a fast run never waits for the plot.
#include <QColor>
#include <QHash>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include "ui/run/run_types.h"

class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPLegend;
class QCheckBox;
class QCustomPlot;
class QLabel;
class QSlider;

namespace zsq::ui {

class SignalCompressor;

class LossPlot : public QWidget {
    Q_OBJECT
public:
    explicit LossPlot(QWidget* parent = nullptr);

    // Live samples as the run reports them.
    void addSamples(const QList<LossSample>& samples);
    // Samples read back from a losses.csv that exportCsv wrote: the
    // refinement's are already placed after the method's iterations.
    void addRecordedSamples(const QList<LossSample>& samples);
    void addEvaluation(const EvaluationPoint& evaluation);
    // A recorded epoch-end top-1 (result.json's history), at the iteration
    // where that epoch ended.
    void addEvaluationAt(qint64 iteration, double top1);
    void clear();

    // 0 = raw, up to 0.99 (TensorBoard-style EMA weight of the past).
    double smoothing() const;
    void setSmoothing(double weight);
    bool isLogScale() const;
    void setLogScale(bool on);
    // Back to following the data after the user zoomed or panned.
    void fitToData();

    bool exportPng(const QString& path);
    bool exportCsv(const QString& path) const;

    QStringList seriesNames() const;
    int pointCount() const { return m_points; }
    // The pen colour of a series (invalid when there is none): the same for a
    // loss in every run, whatever the method.
    QColor seriesColour(const QString& name) const;
    // The legend's name of a series: the refinement's are translated
    // ("refine: block MSE"), the others are their loss names.
    static QString displayName(const QString& name);
    // Where the refinement's first step sits on the iteration axis; -1 when
    // the run has no refinement losses.
    qint64 refinementStartIteration() const;
    int evaluationCount() const;
    QCustomPlot* plot() const { return m_plot; }

public slots:
    void showExportPngDialog();
    void showExportCsvDialog();

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Series {
        QVector<double> keys;
        QVector<double> values;       // raw
        double ema = 0;
        QCPGraph* graph = nullptr;
    };
    QCPAxisRect* rectFor(const QString& name) const;
    Series& seriesFor(const QString& name);
    void restyleAxes();
    void resmooth();
    void appendSamples(const QList<LossSample>& samples, bool recorded);
    qint64 refinementStart() const;
    void updateRefinementMarker();
    void rewindTo(qint64 iteration);
    void replotNow();
    void updateReadout(const QPoint& pos);

    QCustomPlot* m_plot = nullptr;
    QCPAxisRect* m_genRect = nullptr;
    QCPAxisRect* m_studentRect = nullptr;
    QCPAxisRect* m_evalRect = nullptr;
    QCPLegend* m_genLegend = nullptr;
    QCPLegend* m_studentLegend = nullptr;
    QCPGraph* m_evalGraph = nullptr;
    QCPItemStraightLine* m_refineLine = nullptr;
    QCPItemText* m_refineLabel = nullptr;
    QSlider* m_smoothing = nullptr;
    QCheckBox* m_logScale = nullptr;
    QLabel* m_readout = nullptr;
    SignalCompressor* m_replot = nullptr;
    QHash<QString, Series> m_series;
    QStringList m_order;              // creation order, for colours and CSV columns
    qint64 m_lastIteration = 0;
    qint64 m_refineStart = 0;         // iteration axis position of refinement step 0
    int m_points = 0;
    bool m_follow = true;             // rescale on replot until the user zooms/pans
};

} // namespace zsq::ui
