#include "plot_theme.h"

#include <QApplication>
#include <QStyleFactory>

#include "qcustomplot.h"

namespace zsq::ui {

namespace {
QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), disabled(130, 130, 130);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(90, 160, 240));
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(80, 80, 84));
    p.setColor(QPalette::Dark, QColor(25, 25, 27));
    p.setColor(QPalette::Light, QColor(70, 70, 74));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

void style(QCustomPlot* plot, const QColor& background, const QColor& foreground, const QColor& grid)
{
    plot->setBackground(background);
    QFont tickFont = QApplication::font();
    tickFont.setPointSizeF(tickFont.pointSizeF() * 0.9);
    // Legends follow the application font too (presentation mode enlarges
    // it; a legend fixed at 8 pt stayed unreadable on a projector).
    QFont legendFont = QApplication::font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    for (QCPAxisRect* rect : plot->axisRects()) {
        for (QCPAxis* axis : rect->axes()) {
            axis->setBasePen(QPen(foreground, 1));
            axis->setTickPen(QPen(foreground, 1));
            axis->setSubTickPen(QPen(foreground, 1));
            axis->setTickLabelColor(foreground);
            axis->setLabelColor(foreground);
            axis->setTickLabelFont(tickFont);
            axis->setLabelFont(QApplication::font());
            axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
            axis->grid()->setSubGridPen(Qt::NoPen);
            axis->grid()->setZeroLinePen(QPen(grid, 1));
        }
    }
    // Legends of their own (LossPlot's, beside its rects; a comparison's,
    // inside a rect), wherever the layout holds them.
    for (QCPLayoutElement* element : plot->plotLayout()->elements(true))
        if (auto* legend = qobject_cast<QCPLegend*>(element); legend && legend != plot->legend) {
            QColor fill = background;
            fill.setAlpha(210);
            legend->setBrush(fill);
            legend->setBorderPen(QPen(grid));
            legend->setTextColor(foreground);
            legend->setFont(legendFont);
        }
    if (plot->legend) {
        plot->legend->setBrush(background);
        plot->legend->setBorderPen(QPen(grid));
        plot->legend->setTextColor(foreground);
        plot->legend->setFont(legendFont);
    }
    for (QCPLayoutElement* element : plot->plotLayout()->elements(true))
        if (auto* title = qobject_cast<QCPTextElement*>(element))
            title->setTextColor(foreground);
    if (plot->isVisible())
        plot->replot(QCustomPlot::rpQueuedReplot);
}
} // namespace

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

bool applyApplicationTheme(QApplication& app, const QString& theme)
{
    if (theme.isEmpty() || theme == QLatin1String("system")) {
        // A dark platform palette with a style that draws its own light
        // frames looks broken; Fusion paints everything from the palette.
        if (isDarkPalette(QApplication::palette()))
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        return true;
    }
    if (theme != QLatin1String("light") && theme != QLatin1String("dark"))
        return false;
    QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QApplication::setStyle(fusion);
    app.setPalette(theme == QLatin1String("dark") ? darkPalette() : fusion->standardPalette());
    return true;
}

void applyPlotTheme(QCustomPlot* plot, const QPalette& palette)
{
    const QColor foreground = palette.color(QPalette::WindowText);
    QColor grid = foreground;
    grid.setAlpha(isDarkPalette(palette) ? 70 : 60);
    style(plot, palette.color(QPalette::Base), foreground, grid);
}

void applyPrintTheme(QCustomPlot* plot)
{
    style(plot, Qt::white, Qt::black, QColor(0, 0, 0, 50));
}

} // namespace zsq::ui
