#include "legend_columns.h"

#include "qcustomplot.h"

namespace zsq::ui {

void fitLegendColumns(QCustomPlot* plot, QCPLegend* legend)
{
    int widest = 0;
    for (int i = 0; i < legend->elementCount(); ++i)
        if (QCPLayoutElement* item = legend->elementAt(i))   // a grid cell may be empty
            widest = qMax(widest, item->minimumOuterSizeHint().width());
    if (widest <= 0)
        return;
    const QMargins outer = legend->margins();
    const int available = plot->width() - outer.left() - outer.right() - 2;
    const int spacing = legend->columnSpacing();
    const int columns = qBound(1, (available + spacing) / (widest + spacing), legend->itemCount());
    if (columns != legend->wrap() || legend->fillOrder() != QCPLayoutGrid::foColumnsFirst) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);   // re-flows the entries
    }
}

} // namespace zsq::ui
