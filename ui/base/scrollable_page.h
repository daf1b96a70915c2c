#pragma once
// Wraps a tab's page in a frameless scroll area, so that the page's minimum
// size never becomes the window's: a page that needs more room than the
// window has (a wide per-layer table, long German labels, presentation mode's
// large fonts) scrolls, instead of pushing the window's minimum width past a
// 1024-pixel projector and crushing the docks beside it.
class QWidget;

namespace zsq::ui {

QWidget* scrollablePage(QWidget* page, QWidget* parent);

} // namespace zsq::ui
