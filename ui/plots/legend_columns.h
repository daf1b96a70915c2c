#pragma once
// A legend laid out on a row of its own (above or under the axis rect), in
// as many columns as the plot's width takes: beside or inside the axis rect a
// legend took the plot's width, or covered the data, on a 1024-pixel
// projector. Call it before every replot (QCustomPlot::beforeReplot), so
// that a resize or a larger font re-flows the entries.
class QCPLegend;
class QCustomPlot;

namespace zsq::ui {

void fitLegendColumns(QCustomPlot* plot, QCPLegend* legend);

} // namespace zsq::ui
