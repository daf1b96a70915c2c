#pragma once
// Qt-side values of the analysis jobs, as the AnalysisController delivers
// them on the GUI thread: the t-SNE points' labels (known before the
// optimisation starts, so the animation can be coloured), animation frames,
// and the jobs' results, shared rather than copied (a t-SNE result with
// thumbnails is megabytes).
#include <memory>

#include <QMetaType>
#include <QStringList>
#include <QVector>

#include "analysis/layer_analysis.h"
#include "analysis/tsne_job.h"

namespace zsq::ui {

// Who each point is, in the order of the embedding's rows.
struct TsneLayout {
    QStringList classNames;
    QStringList sourceNames;
    QVector<int> labels;        // per point
    QVector<int> sources;       // per point, index into sourceNames
};

// The embedding at one iteration of the optimisation.
struct TsneFrame {
    int iteration = 0;
    int total = 0;
    double kl = -1;             // < 0 before the first estimate
    QVector<float> xy;          // [points * 2]
};

// What the analysis views take from the rest of the window when the user
// presses Start: the open model and the Run panel's settings.
struct AnalysisContext {
    QString model;              // "" = none open
    qint64 inputSize = 0;
    QString arch;               // the Run panel's arch ("" = detect)
    QString preprocessingJson;  // its preprocessing.* keys, {"preprocessing": {...}}; "" = the model's own
    QString dataset;            // name, folder or "none"
    int wbits = 4;
    int abits = 4;
    QString device = QStringLiteral("auto");
};

using TsneResultPtr = std::shared_ptr<const zsq::analysis::TsneJobResult>;
using LayerResultPtr = std::shared_ptr<const zsq::analysis::LayerAnalysisResult>;

} // namespace zsq::ui

Q_DECLARE_METATYPE(zsq::ui::TsneLayout)
Q_DECLARE_METATYPE(zsq::ui::TsneFrame)
Q_DECLARE_METATYPE(zsq::ui::TsneResultPtr)
Q_DECLARE_METATYPE(zsq::ui::LayerResultPtr)
