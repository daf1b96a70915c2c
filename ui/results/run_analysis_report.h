#pragma once
// The HTML report's part for one run's analyses: the Per-layer and t-SNE
// results kept in the run's folder (RUN/layers, RUN/tsne: by the GUI's tabs
// or by `zsq layers/tsne --output RUN/...`), each drawn again in print
// colours and embedded as a base64 PNG, with the per-layer figures as a
// table and the t-SNE figures beside the plot. Empty when the run has none.
#include <QCoreApplication>
#include <QString>

#include "ui/session/session.h"

namespace zsq::ui {

class RunAnalysisReport {
    Q_DECLARE_TR_FUNCTIONS(zsq::ui::RunAnalysisReport)
public:
    static QString html(const SessionRun& run);
};

// <img src="data:image/png;base64,..."> of `image`, with `alt` text.
QString embeddedPng(const QImage& image, const QString& alt);

} // namespace zsq::ui
