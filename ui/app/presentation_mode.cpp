#include "presentation_mode.h"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QShortcut>
#include <QTabWidget>

namespace zsq::ui {

PresentationMode::PresentationMode(QMainWindow* window, QTabWidget* tabs, QList<QDockWidget*> docks)
    : QObject(window), m_window(window), m_tabs(tabs), m_docks(std::move(docks))
{
    // Window-wide, so that they work whatever has the focus; off outside the
    // mode, where Page Up/Down scroll tables and text as usual.
    m_next = new QShortcut(QKeySequence(Qt::Key_PageDown), window, this, &PresentationMode::nextView);
    m_previous = new QShortcut(QKeySequence(Qt::Key_PageUp), window, this, &PresentationMode::previousView);
    m_next->setEnabled(false);
    m_previous->setEnabled(false);
    // A view chosen by the program (a finished run shows Results, the demo
    // walks the tabs) is the one shown: its page came up under the hidden
    // tab's label otherwise.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_active && index >= 0 && !m_tabs->isTabVisible(index))
            showOnly(index);
    });
}

void PresentationMode::setActive(bool on)
{
    if (on == m_active)
        return;
    m_active = on;
    if (on) {
        m_font = QApplication::font();
        m_windowState = m_window->windowState();
        m_dockVisible.clear();
        for (QDockWidget* dock : m_docks) {
            m_dockVisible << dock->isVisible();
            dock->hide();
        }
        QFont big = m_font;
        big.setPointSizeF(m_font.pointSizeF() * m_scale);
        QApplication::setFont(big);
        showOnly(m_tabs->currentIndex());
        m_window->showFullScreen();
    } else {
        QApplication::setFont(m_font);
        for (int i = 0; i < m_tabs->count(); ++i)
            m_tabs->setTabVisible(i, true);
        for (int i = 0; i < m_docks.size(); ++i)
            m_docks[i]->setVisible(m_dockVisible.value(i, true));
        m_window->setWindowState(m_windowState);
    }
    m_next->setEnabled(on);
    m_previous->setEnabled(on);
    emit activeChanged(on);
}

void PresentationMode::showOnly(int index)
{
    // Show the new tab before hiding the others: a tab widget with no
    // visible tab would pick one itself.
    m_tabs->setTabVisible(index, true);
    m_tabs->setCurrentIndex(index);
    for (int i = 0; i < m_tabs->count(); ++i)
        if (i != index && m_tabs->isTabVisible(i))
            m_tabs->setTabVisible(i, false);
}

void PresentationMode::nextView()
{
    if (m_active && m_tabs->count() > 0)
        showOnly((m_tabs->currentIndex() + 1) % m_tabs->count());
}

void PresentationMode::previousView()
{
    if (m_active && m_tabs->count() > 0)
        showOnly((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
}

} // namespace zsq::ui
