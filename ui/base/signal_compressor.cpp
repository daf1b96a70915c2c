#include "signal_compressor.h"

#include <QTimer>

namespace zsq::ui {

SignalCompressor::SignalCompressor(int intervalMs, QObject* parent) : QObject(parent)
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &SignalCompressor::triggered);
}

void SignalCompressor::request()
{
    if (!m_timer->isActive())
        m_timer->start();
}

bool SignalCompressor::isPending() const
{
    return m_timer->isActive();
}

} // namespace zsq::ui
