#pragma once
// Presentation mode for talks and demos: full screen, the application font
// scaled up (1.6x), the docks hidden and the tab bar down to the one view
// being shown; Page Up / Page Down move to the previous / next view. Leaving
// restores the window state, the font, the docks and the tabs as they were.
#include <QFont>
#include <QList>
#include <QObject>

class QDockWidget;
class QMainWindow;
class QShortcut;
class QTabWidget;

namespace zsq::ui {

class PresentationMode : public QObject {
    Q_OBJECT
public:
    PresentationMode(QMainWindow* window, QTabWidget* tabs, QList<QDockWidget*> docks);

    bool isActive() const { return m_active; }
    void setActive(bool on);
    double fontScale() const { return m_scale; }
    void setFontScale(double scale) { m_scale = scale; }

public slots:
    void nextView();
    void previousView();

signals:
    void activeChanged(bool active);

private:
    void showOnly(int index);

    QMainWindow* m_window;
    QTabWidget* m_tabs;
    QList<QDockWidget*> m_docks;
    QShortcut* m_next = nullptr;
    QShortcut* m_previous = nullptr;
    bool m_active = false;
    double m_scale = 1.6;
    // What to restore.
    QFont m_font;
    Qt::WindowStates m_windowState;
    QList<bool> m_dockVisible;
};

} // namespace zsq::ui
