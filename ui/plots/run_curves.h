#pragma once
// A finished run's curves, read back from its folder: the per-iteration
// losses of losses.csv (written by the GUI when the run ends) and the
// per-epoch top-1 of result.json's details.history. Used to overlay runs in
// the Results tab and in its HTML report.
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QVector>

#include "ui/run/run_types.h"

class QCustomPlot;

namespace zsq::ui {

struct SessionRun;

struct RunCurves {
    Q_DECLARE_TR_FUNCTIONS(zsq::ui::RunCurves)

public:
    QMap<QString, QVector<QPointF>> losses;   // series name -> (iteration, value)
    QVector<QPointF> epochTop1;               // (epoch, percent)
    // The loss that best stands for the run: the student's total, else the
    // generator's, else PTQ's distillation loss, else the first one.
    QString mainLoss() const;
};

RunCurves readRunCurves(const SessionRun& run);
// The loss every run with losses has (S/total first, then G/total, then
// ptq/bn_stats, then any); empty when they share none.
QString commonLoss(const QList<RunCurves>& curves);
// The raw samples of a losses.csv written by LossPlot::exportCsv (empty when
// the file is missing or unreadable).
QList<LossSample> readLossesCsv(const QString& path);

// Clears `plot` and draws the runs' main losses (upper rect) and per-epoch
// top-1 (lower rect), one colour per run, labelled with `labels`.
void plotRunCurves(QCustomPlot* plot, const QList<RunCurves>& curves, const QStringList& labels);

} // namespace zsq::ui
