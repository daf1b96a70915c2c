#include "session_recovery.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QStandardPaths>
#include <QTimer>

namespace zsq::ui {

namespace {
// Autosave at most this often: a slider dragged through values writes once.
constexpr int kDefaultIntervalMs = 1500;
} // namespace

SessionRecovery::SessionRecovery(QObject* parent) : QObject(parent)
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &SessionRecovery::saveNow);
}

SessionRecovery::~SessionRecovery() = default;

QString SessionRecovery::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recovery"));
}

QString SessionRecovery::recoveryFile() const
{
    return QDir(m_dir).filePath(QStringLiteral("recovery.zsqsession"));
}

QString SessionRecovery::markerFile() const
{
    return QDir(m_dir).filePath(QStringLiteral("dirty.marker"));
}

int SessionRecovery::interval() const
{
    return m_timer->interval();
}

void SessionRecovery::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

bool SessionRecovery::start(const QString& directory)
{
    if (m_lock)
        return true;
    m_dir = directory;
    if (!QDir().mkpath(m_dir))
        return false;
    auto lock = std::make_unique<QLockFile>(QDir(m_dir).filePath(QStringLiteral("instance.lock")));
    // A lock whose owner process is gone counts as stale at once.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return false;
    m_lock = std::move(lock);
    m_found = QFile::exists(markerFile()) && QFile::exists(recoveryFile());
    return true;
}

bool SessionRecovery::takeRecovery(Session* session, QString* error)
{
    m_found = false;
    return loadSession(recoveryFile(), session, error);
}

void SessionRecovery::discardRecovery()
{
    m_found = false;
    QFile::remove(markerFile());
    QFile::remove(recoveryFile());
}

void SessionRecovery::scheduleSave()
{
    if (m_lock && !m_timer->isActive())
        m_timer->start();
}

bool SessionRecovery::saveNow()
{
    m_timer->stop();
    if (!m_lock || !m_provider)
        return false;
    QString error;
    if (!saveSession(recoveryFile(), m_provider(), &error)) {
        // Once per failure streak: a full disk would otherwise report on
        // every change.
        if (!m_reportedFailure)
            emit saveFailed(error);
        m_reportedFailure = true;
        return false;
    }
    m_reportedFailure = false;
    // The marker after the file, so that a marker always has a file to go
    // with it.
    if (!QFile::exists(markerFile())) {
        QFile marker(markerFile());
        if (marker.open(QIODevice::WriteOnly))
            marker.write("ZSQ Studio did not exit cleanly while this file exists.\n");
    }
    return true;
}

void SessionRecovery::finishCleanly()
{
    m_timer->stop();
    if (!m_lock)
        return;
    discardRecovery();
    m_lock->unlock();
    m_lock.reset();
}

} // namespace zsq::ui
