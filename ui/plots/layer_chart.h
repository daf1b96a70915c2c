#pragma once
// Per-layer bar chart: for each quantizable layer one figure (single-layer
// accuracy, cumulative accuracy or SQNR, chosen in a combo box), with the
// "before" and "after" states as paired bars when the analysis had a
// fine-tuned checkpoint, and the FP accuracy as a dashed line for reference.
#include <QStringList>
#include <QWidget>

#include "analysis/layer_analysis.h"

class QComboBox;
class QCustomPlot;

namespace zsq::ui {

class LayerChart : public QWidget {
    Q_OBJECT
public:
    enum Metric { SingleAccuracy = 0, CumulativeAccuracy = 1, Sqnr = 2 };

    explicit LayerChart(QWidget* parent = nullptr);

    void setResult(const zsq::analysis::LayerAnalysisResult& result);
    void clear();
    void setMetric(Metric metric);
    Metric metric() const;
    // Bars drawn per state (0 before anything was analysed).
    int barCount() const;
    QCustomPlot* plot() const { return m_plot; }
    bool exportPng(const QString& path);

private:
    void rebuild();
    void labelEveryFewLayers();
    static constexpr double kLabelAngle = 50;   // degrees

    QCustomPlot* m_plot = nullptr;
    QComboBox* m_metric = nullptr;
    zsq::analysis::LayerAnalysisResult m_result;
    QStringList m_tickNames;   // every layer's short name, in order
    int m_labelStep = 0;       // every how many layers a name is shown
};

} // namespace zsq::ui
