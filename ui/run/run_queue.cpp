#include "run_queue.h"

namespace zsq::ui {

RunQueue::RunQueue(QObject* parent) : QObject(parent) {}

void RunQueue::queueBatch(const QList<QJsonObject>& configs, const QJsonObject& userSettings, bool waitForModel)
{
    if (m_active)
        drop(tr("a new batch was queued"));
    m_pending = configs;
    m_userSettings = userSettings;
    m_active = !configs.isEmpty();
    m_waitingForModel = m_active && waitForModel;
    if (m_active && !m_waitingForModel)
        emit ready();
}

void RunQueue::modelReady()
{
    if (!m_waitingForModel)
        return;
    m_waitingForModel = false;
    emit ready();
}

QJsonObject RunQueue::takeNext()
{
    if (m_pending.isEmpty() || m_waitingForModel)
        return {};
    QJsonObject config = m_pending.takeFirst();
    for (auto it = m_overrides.begin(); it != m_overrides.end(); ++it)
        config.insert(it.key(), it.value());
    return config;
}

void RunQueue::runEnded(bool ok, const QString& why)
{
    if (!m_active)
        return;
    if (!ok) {
        drop(why);
        return;
    }
    if (m_pending.isEmpty())
        endBatch();
    else
        emit ready();
}

void RunQueue::drop(const QString& why)
{
    if (!m_active)
        return;
    const int count = static_cast<int>(m_pending.size());
    m_pending.clear();
    m_waitingForModel = false;
    if (count > 0)
        emit dropped(count, why);
    endBatch();
}

void RunQueue::endBatch()
{
    m_active = false;
    m_waitingForModel = false;
    const QJsonObject settings = m_userSettings;
    m_userSettings = {};
    emit batchEnded(settings);
}

} // namespace zsq::ui
