#pragma once
// Analyses kept with the run they analysed. A Per-layer or t-SNE analysis of
// a finished run's quantized.zsq is written into that run's folder, where
// `zsq layers --output RUN/layers` and `zsq tsne --output RUN/tsne` put
// theirs (layers.json/.csv, tsne.json/.csv), plus the chart as PNG. A session
// opened later shows them again, and the Results tab's HTML report embeds
// them.
#include <memory>

#include <QImage>
#include <QString>

#include "analysis_types.h"

namespace zsq::ui {

// The run folder of RUN/quantized.zsq when a result.json lies beside it;
// empty for any other file (the open model, a checkpoint from elsewhere).
QString runDirOfCheckpoint(const QString& checkpoint);

QString layerAnalysisDir(const QString& runDir);   // RUN/layers
QString tsneAnalysisDir(const QString& runDir);    // RUN/tsne
QString layerChartPng(const QString& runDir);      // RUN/layers/layers.png
QString tsnePlotPng(const QString& runDir);        // RUN/tsne/tsne.png

// Writes layers.json, layers.csv and (when not null) the chart; false with
// `error` on failure.
bool saveLayerAnalysis(const QString& runDir, const zsq::analysis::LayerAnalysisResult& result,
                       const QImage& chart, QString* error = nullptr);
// RUN/layers/layers.json read back; null when there is none, it does not
// read as one, or it is older than RUN/quantized.zsq (a later run in the same
// folder replaced the student it measured).
LayerResultPtr readLayerAnalysis(const QString& runDir);

// Writes tsne.json, tsne.csv and (when not null) the plot.
bool saveTsneAnalysis(const QString& runDir, const zsq::analysis::TsneJobResult& result, const QImage& plot,
                      QString* error = nullptr);
// RUN/tsne/tsne.csv and tsne.json read back (without thumbnails); null when
// there are none or they are older than RUN/quantized.zsq.
TsneResultPtr readTsneAnalysis(const QString& runDir);

} // namespace zsq::ui
