#pragma once
// Collapses bursts of requests into one call at most every `interval` ms, like
// Krita's KisSignalCompressor (FIRST_INACTIVE): the first request arms a
// single-shot timer and later ones ride on it. Used so that data arriving
// every iteration triggers a few replots per second, not hundreds.
#include <QObject>

class QTimer;

namespace zsq::ui {

class SignalCompressor : public QObject {
    Q_OBJECT
public:
    explicit SignalCompressor(int intervalMs, QObject* parent = nullptr);

    void request();
    bool isPending() const;

signals:
    void triggered();

private:
    QTimer* m_timer = nullptr;
};

} // namespace zsq::ui
