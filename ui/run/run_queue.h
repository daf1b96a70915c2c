#pragma once
// The runs waiting to start, owned in one place (the role of QGIS's
// QgsTaskManager): the demo's LRQ-then-ClusterQ pair, and a start that waits
// for a model to finish loading. Both the demo action and `--script-demo`
// queue through it.
//
// A batch borrows the Run panel: each queued run is a partial config shown
// in the panel while it runs, and the user's own settings (taken when the
// batch is queued) come back through batchEnded() when the batch finishes,
// is stopped or fails, so a demo never silently replaces them. Dropping the
// rest of a batch is always announced (dropped()).
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace zsq::ui {

class RunQueue : public QObject {
    Q_OBJECT
public:
    explicit RunQueue(QObject* parent = nullptr);

    // Extra keys merged into every queued run (shorter schedules for
    // screenshots and tests).
    void setOverrides(const QJsonObject& overrides) { m_overrides = overrides; }
    QJsonObject overrides() const { return m_overrides; }

    // Queues `configs` as one batch, replacing a queued one (announced).
    // `userSettings` is the Run panel's config to give back at the end.
    // With `waitForModel`, nothing starts before modelReady().
    void queueBatch(const QList<QJsonObject>& configs, const QJsonObject& userSettings, bool waitForModel);

    bool isEmpty() const { return m_pending.isEmpty(); }
    int size() const { return static_cast<int>(m_pending.size()); }
    // A batch is going: queued runs, or the last one still running.
    bool isBatchActive() const { return m_active; }
    bool isWaitingForModel() const { return m_waitingForModel; }

    // The model the batch waits for has loaded: emits ready().
    void modelReady();
    // The next run's config (overrides applied); empty when none.
    QJsonObject takeNext();
    // One run of the batch ended; `ok` false (stopped or failed) drops the
    // rest with `why`. Emits ready() for the next one, or ends the batch.
    void runEnded(bool ok, const QString& why);
    // Drops what is queued (a new session, a model that failed to load...).
    void drop(const QString& why);

signals:
    // The next queued run may start now.
    void ready();
    // `count` queued runs will not run, and why.
    void dropped(int count, const QString& why);
    // The batch is over: put these settings back in the Run panel.
    void batchEnded(const QJsonObject& userSettings);

private:
    void endBatch();

    QList<QJsonObject> m_pending;
    QJsonObject m_overrides;
    QJsonObject m_userSettings;
    bool m_active = false;
    bool m_waitingForModel = false;
};

} // namespace zsq::ui
