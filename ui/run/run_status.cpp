#include "run_status.h"

#include <cmath>

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace zsq::ui {

RunStatus::RunStatus(QWidget* parent) : QWidget(parent)
{
    m_label = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setMaximumWidth(220);
    m_bar->setTextVisible(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    reset();
}

QString RunStatus::durationText(double seconds)
{
    if (!(seconds >= 0) || !std::isfinite(seconds))
        return QStringLiteral("?");
    const qint64 s = static_cast<qint64>(std::llround(seconds));
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void RunStatus::setProgress(const RunProgress& progress)
{
    m_last = progress;
    render();
}

void RunStatus::setPaused(bool paused)
{
    m_paused = paused;
    render();
}

void RunStatus::reset()
{
    m_last = RunProgress();
    m_paused = false;
    m_bar->setRange(0, 0);
    m_bar->setFormat(QString());
    m_label->setText(tr("Starting…"));
}

QString RunStatus::text() const
{
    return m_label->text() + QLatin1Char(' ') + m_bar->text();
}

void RunStatus::render()
{
    if (m_last.total > 0) {
        // QProgressBar takes ints; runs can exceed 2^31 steps only in theory.
        const int scale = m_last.total > 1000000000 ? 1000 : 1;
        m_bar->setRange(0, static_cast<int>(m_last.total / scale));
        m_bar->setValue(static_cast<int>(qMin(m_last.current, m_last.total) / scale));
    } else {
        m_bar->setRange(0, 0);
    }
    const QString rate = m_last.stepsPerSecond > 0
                             ? tr("%1 it/s").arg(QLocale().toString(m_last.stepsPerSecond, 'f', m_last.stepsPerSecond < 10 ? 2 : 1))
                             : QString();
    const QString eta = m_paused ? tr("paused") : tr("ETA %1").arg(durationText(m_last.etaSeconds));
    m_bar->setFormat(m_last.total > 0 ? QStringLiteral("%p% · ") + eta : eta);
    m_label->setText(m_last.stage.isEmpty() ? rate : (rate.isEmpty() ? m_last.stage : m_last.stage + QStringLiteral(" · ") + rate));
}

} // namespace zsq::ui
