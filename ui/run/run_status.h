#pragma once
// The status-bar part of a run: a progress bar whose text carries the stage,
// the ETA and the iteration rate. Hidden while no run is going.
#include <QWidget>

#include "run_types.h"

class QLabel;
class QProgressBar;

namespace zsq::ui {

class RunStatus : public QWidget {
    Q_OBJECT
public:
    explicit RunStatus(QWidget* parent = nullptr);

    void setProgress(const RunProgress& progress);
    void setPaused(bool paused);
    void reset();
    QString text() const;

    // "0:42", "12:05", "1:02:03"; "?" when unknown.
    static QString durationText(double seconds);

private:
    QProgressBar* m_bar = nullptr;
    QLabel* m_label = nullptr;
    RunProgress m_last;
    bool m_paused = false;
    void render();
};

} // namespace zsq::ui
