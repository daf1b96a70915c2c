#include "run_analysis_report.h"

#include <cmath>

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QLocale>

#include "qcustomplot.h"
#include "ui/analysis/eval_data_text.h"
#include "ui/analysis/saved_analysis.h"
#include "ui/plots/layer_chart.h"
#include "ui/plots/plot_theme.h"
#include "ui/plots/tsne_figures.h"
#include "ui/plots/tsne_plot.h"

namespace zsq::ui {

namespace {
QString cell(const QString& text, const char* tag = "td")
{
    return QStringLiteral("<%1>%2</%1>").arg(QLatin1String(tag), text.toHtmlEscaped());
}

QString number(double v, int decimals)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("∞");
}

QImage printed(QCustomPlot* plot, int width, int height)
{
    applyPrintTheme(plot);
    return plot->toPixmap(width, height).toImage();
}

QString layerSection(const analysis::LayerAnalysisResult& r)
{
    QString out = QStringLiteral("<h3>%1</h3>\n<p>%2</p>\n")
                      .arg(RunAnalysisReport::tr("Per-layer analysis").toHtmlEscaped(),
                           RunAnalysisReport::tr("%1 layers, measured on %2.")
                               .arg(r.states.front().layers.size())
                               .arg(evalDataText(r.dataSource, r.data))
                               .toHtmlEscaped());
    // One chart per figure the tab can show, as it shows them.
    LayerChart chart;
    const QList<QPair<LayerChart::Metric, QString>> metrics = {
        {LayerChart::SingleAccuracy, RunAnalysisReport::tr("Accuracy with only this layer quantized")},
        {LayerChart::CumulativeAccuracy, RunAnalysisReport::tr("Accuracy with this layer and all before it quantized")},
        {LayerChart::Sqnr, RunAnalysisReport::tr("SQNR of each layer's output in the fully quantized model")}};
    chart.setResult(r);
    for (const auto& [metric, caption] : metrics) {
        chart.setMetric(metric);
        out += QStringLiteral("<figure>%1<figcaption>%2</figcaption></figure>\n")
                   .arg(embeddedPng(printed(chart.plot(), 900, 420), caption), caption.toHtmlEscaped());
    }
    out += QStringLiteral("<table>\n<tr>");
    for (const QString& h : {RunAnalysisReport::tr("State"), RunAnalysisReport::tr("Layer"),
                             RunAnalysisReport::tr("W bits"), RunAnalysisReport::tr("Single (%)"),
                             RunAnalysisReport::tr("Cumulative (%)"), RunAnalysisReport::tr("SQNR (dB)"),
                             RunAnalysisReport::tr("Cosine")})
        out += cell(h, "th");
    out += QStringLiteral("</tr>\n");
    for (const analysis::LayerStateReport& s : r.states)
        for (const analysis::LayerFigures& l : s.layers)
            out += QStringLiteral("<tr>%1%2%3%4%5%6%7</tr>\n")
                       .arg(cell(QString::fromStdString(s.state)), cell(QString::fromStdString(l.name)),
                            cell(QString::number(l.bits)), cell(number(l.singleTop1, 2)),
                            cell(number(l.cumulativeTop1, 2)), cell(number(l.sqnrDb, 1)), cell(number(l.cosine, 4)));
    out += QStringLiteral("</table>\n");
    return out;
}

QString tsneSection(const analysis::TsneJobResult& r)
{
    TsnePlot plot;
    plot.resize(760, 640);
    plot.setResult(r);
    const QString caption = RunAnalysisReport::tr("t-SNE of the student's penultimate features (%n point(s))", nullptr,
                                                  static_cast<int>(r.points.size()));
    return QStringLiteral("<h3>%1</h3>\n<figure>%2<figcaption>%3</figcaption></figure>\n%4\n")
        .arg(RunAnalysisReport::tr("t-SNE").toHtmlEscaped(), embeddedPng(printed(plot.plot(), 760, 640), caption),
             caption.toHtmlEscaped(), TsneFigures::html(r.figures));
}
} // namespace

QString embeddedPng(const QImage& image, const QString& alt)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("<img src=\"data:image/png;base64,%1\" alt=\"%2\">")
        .arg(QString::fromLatin1(png.toBase64()), alt.toHtmlEscaped());
}

QString RunAnalysisReport::html(const SessionRun& run)
{
    const LayerResultPtr layers = readLayerAnalysis(run.outputDir);
    const TsneResultPtr tsne = readTsneAnalysis(run.outputDir);
    if (!layers && !tsne)
        return {};
    QString out = QStringLiteral("<h2>%1</h2>\n")
                      .arg(tr("Analyses of %1 (%2 W%3A%4)")
                               .arg(QDir(run.outputDir).dirName(), run.methodLabel())
                               .arg(run.wbits)
                               .arg(run.abits)
                               .toHtmlEscaped());
    if (layers)
        out += layerSection(*layers);
    if (tsne)
        out += tsneSection(*tsne);
    return out;
}

} // namespace zsq::ui
