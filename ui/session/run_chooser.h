#pragma once
// "Shown run:" above the Training and Synthetic Images tabs: the session's
// finished runs, so that a session opened later (or an earlier run of this
// one) can be looked at again in those views. While a run is going the views
// follow it and the chooser says so instead.
#include <QList>
#include <QWidget>

#include "session.h"

class QComboBox;

namespace zsq::ui {

class RunChooser : public QWidget {
    Q_OBJECT
public:
    explicit RunChooser(QWidget* parent = nullptr);

    // The runs offered (the Results tab's); the shown one stays chosen when
    // it is still among them.
    void setRuns(const QList<SessionRun>& runs);
    // Marks `outputDir` as the run on display, without emitting runChosen.
    void setShownRun(const QString& outputDir);
    QString shownRun() const;
    // A run is going: the views show it, nothing can be chosen.
    void setLive(bool live);
    int runCount() const;
    QComboBox* comboBox() const { return m_combo; }

signals:
    // The user chose a finished run to look at.
    void runChosen(const QString& outputDir);

private:
    QComboBox* m_combo = nullptr;
    bool m_live = false;
};

} // namespace zsq::ui
