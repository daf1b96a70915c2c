#include "scrollable_page.h"

#include <QFrame>
#include <QScrollArea>

namespace zsq::ui {

QWidget* scrollablePage(QWidget* page, QWidget* parent)
{
    auto* scroll = new QScrollArea(parent);
    scroll->setFrameShape(QFrame::NoFrame);
    // The page fills the visible area and scrolls only below its own minimum.
    scroll->setWidgetResizable(true);
    scroll->setWidget(page);
    return scroll;
}

} // namespace zsq::ui
