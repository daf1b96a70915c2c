#include "run_curves.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "qcustomplot.h"
#include "ui/plots/loss_plot.h"
#include "ui/session/session.h"

namespace zsq::ui {

namespace {
QColor runColor(int index)
{
    static const QColor palette[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
                                     QColor(214, 39, 40), QColor(148, 103, 189), QColor(140, 86, 75)};
    return palette[index % 6];
}
} // namespace

QString RunCurves::mainLoss() const
{
    for (const char* name : {"S/total", "G/total", "ptq/bn_stats"})
        if (losses.contains(QLatin1String(name)))
            return QLatin1String(name);
    return losses.isEmpty() ? QString() : losses.firstKey();
}

QList<LossSample> readLossesCsv(const QString& path)
{
    QList<LossSample> samples;
    QFile csv(path);
    if (!csv.open(QIODevice::ReadOnly | QIODevice::Text))
        return samples;
    // LossPlot::exportCsv's layout: iteration, then one column per series,
    // empty where a series has no value.
    const QList<QByteArray> header = csv.readLine().trimmed().split(',');
    while (!csv.atEnd()) {
        const QList<QByteArray> cells = csv.readLine().trimmed().split(',');
        bool ok = false;
        const qint64 iteration = cells.value(0).toLongLong(&ok);
        if (!ok)
            continue;
        for (qsizetype i = 1; i < cells.size() && i < header.size(); ++i) {
            const double value = cells[i].toDouble(&ok);
            if (ok)
                samples.append({iteration, QString::fromUtf8(header[i]), value});
        }
    }
    return samples;
}

RunCurves readRunCurves(const SessionRun& run)
{
    RunCurves curves;
    const QString csv = run.lossesCsv.isEmpty() ? QDir(run.outputDir).filePath(QStringLiteral("losses.csv"))
                                                : run.lossesCsv;
    for (const LossSample& s : readLossesCsv(csv))
        curves.losses[s.name].append(QPointF(static_cast<double>(s.iteration), s.value));
    QFile result(QDir(run.outputDir).filePath(QStringLiteral("result.json")));
    if (result.open(QIODevice::ReadOnly)) {
        const QJsonObject details = QJsonDocument::fromJson(result.readAll()).object().value(QStringLiteral("details")).toObject();
        for (const QJsonValue& v : details.value(QStringLiteral("history")).toArray()) {
            const QJsonObject epoch = v.toObject();
            if (epoch.contains(QStringLiteral("top1")))
                curves.epochTop1.append(QPointF(epoch.value(QStringLiteral("epoch")).toDouble(),
                                                epoch.value(QStringLiteral("top1")).toDouble()));
        }
    }
    return curves;
}

QString commonLoss(const QList<RunCurves>& curves)
{
    QList<const RunCurves*> withLosses;
    for (const RunCurves& c : curves)
        if (!c.losses.isEmpty())
            withLosses << &c;
    if (withLosses.isEmpty())
        return {};
    auto everyRunHas = [&](const QString& name) {
        for (const RunCurves* c : withLosses)
            if (!c->losses.contains(name))
                return false;
        return true;
    };
    for (const char* name : {"S/total", "G/total", "ptq/bn_stats"})
        if (everyRunHas(QLatin1String(name)))
            return QLatin1String(name);
    for (auto it = withLosses.front()->losses.constBegin(); it != withLosses.front()->losses.constEnd(); ++it)
        if (everyRunHas(it.key()))
            return it.key();
    return {};
}

void plotRunCurves(QCustomPlot* plot, const QList<RunCurves>& curves, const QStringList& labels)
{
    // Only the loss curves go into the legend; top-1 shares their colours.
    plot->setAutoAddPlottableToLegend(false);
    plot->clearPlottables();
    plot->plotLayout()->clear();
    auto* lossRect = new QCPAxisRect(plot);
    auto* top1Rect = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(0, 0, lossRect);
    plot->plotLayout()->addElement(1, 0, top1Rect);
    auto* margins = new QCPMarginGroup(plot);
    lossRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    top1Rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    lossRect->axis(QCPAxis::atBottom)->setLabel(RunCurves::tr("Iteration"));
    top1Rect->axis(QCPAxis::atBottom)->setLabel(RunCurves::tr("Epoch"));
    top1Rect->axis(QCPAxis::atLeft)->setLabel(RunCurves::tr("Top-1 (%)"));
    auto* legend = new QCPLegend;
    lossRect->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
    legend->setLayer(QStringLiteral("legend"));

    // One loss for every run, so that the curves share a meaning and an axis
    // (two runs showed one's G/total against the other's S/total).
    const QString common = commonLoss(curves);
    QStringList lossNames;
    for (int i = 0; i < curves.size(); ++i) {
        const RunCurves& c = curves[i];
        const QColor color = runColor(i);
        const QString name = common.isEmpty() ? c.mainLoss() : common;
        if (!name.isEmpty()) {
            lossNames << name;
            QCPGraph* g = plot->addGraph(lossRect->axis(QCPAxis::atBottom), lossRect->axis(QCPAxis::atLeft));
            for (const QPointF& p : c.losses.value(name))
                g->addData(p.x(), p.y());
            g->setPen(QPen(color, 1.4));
            g->setName(QStringLiteral("%1 (%2)").arg(labels.value(i), LossPlot::displayName(name)));
            g->addToLegend(legend);
        }
        if (!c.epochTop1.isEmpty()) {
            QCPGraph* g = plot->addGraph(top1Rect->axis(QCPAxis::atBottom), top1Rect->axis(QCPAxis::atLeft));
            for (const QPointF& p : c.epochTop1)
                g->addData(p.x(), p.y());
            g->setPen(QPen(color, 1.4));
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        }
    }
    lossNames.removeDuplicates();
    // Epochs are whole numbers.
    QSharedPointer<QCPAxisTickerFixed> epochs(new QCPAxisTickerFixed);
    epochs->setTickStep(1.0);
    epochs->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    top1Rect->axis(QCPAxis::atBottom)->setTicker(epochs);
    lossRect->axis(QCPAxis::atLeft)->setLabel(lossNames.size() == 1 ? LossPlot::displayName(lossNames.front())
                                                                    : RunCurves::tr("Loss"));
    for (QCPAxisRect* rect : {lossRect, top1Rect}) {
        const QList<QCPGraph*> graphs = rect->graphs();
        for (int i = 0; i < graphs.size(); ++i)
            graphs[i]->rescaleAxes(i > 0);
    }
    legend->setVisible(legend->itemCount() > 0);
    // PTQ runs have no epochs: no empty lower panel for them.
    if (top1Rect->graphs().isEmpty()) {
        plot->plotLayout()->remove(top1Rect);
        plot->plotLayout()->simplify();
    }
}

} // namespace zsq::ui
