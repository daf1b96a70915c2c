#pragma once
// Light/dark colours and fonts for QCustomPlot, which paints with its own
// pens (black on white) instead of the widget palette. Qt 6.4 has no
// QStyleHints::colorScheme (6.5+), so "dark" means a window colour of low
// lightness in the palette the platform gave us.
#include <QColor>
#include <QPalette>

class QApplication;
class QCustomPlot;

namespace zsq::ui {

bool isDarkPalette(const QPalette& palette);

// "system" keeps the platform's palette (Fusion when it is dark, so that all
// widgets follow it); "light" and "dark" force one with the Fusion style.
// Returns false for an unknown name.
bool applyApplicationTheme(QApplication& app, const QString& theme);

// Axis, tick, label, grid, legend and background colours from `palette`,
// fonts from the application font (so presentation mode scales them).
void applyPlotTheme(QCustomPlot* plot, const QPalette& palette);
// Black on white, for exported reports whatever the screen shows.
void applyPrintTheme(QCustomPlot* plot);

} // namespace zsq::ui
