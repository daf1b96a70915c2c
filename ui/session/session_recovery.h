#pragma once
// Crash recovery for sessions: autosaves the session (throttled) to a
// recovery file and keeps a marker file beside it while there is something
// to lose (unsaved changes, a run going). A clean exit removes the marker; a
// crash or SIGKILL leaves it, and the next start offers to recover.
//
// One instance owns the recovery folder at a time (a QLockFile, which
// notices a dead owner); a second instance neither autosaves there nor
// offers the first one's state.
#include <functional>
#include <memory>

#include <QObject>
#include <QString>

#include "session.h"

class QLockFile;
class QTimer;

namespace zsq::ui {

class SessionRecovery : public QObject {
    Q_OBJECT
public:
    explicit SessionRecovery(QObject* parent = nullptr);
    ~SessionRecovery() override;

    // Folder under QStandardPaths::AppDataLocation.
    static QString defaultDirectory();

    // Takes the folder; false when another running instance holds it (then
    // everything else here does nothing). Remembers whether the previous
    // owner left the marker behind.
    bool start(const QString& directory = defaultDirectory());
    bool isActive() const { return m_lock != nullptr; }
    // The previous instance ended without a clean exit and left a readable
    // recovery file.
    bool hasRecovery() const { return m_found; }
    bool takeRecovery(Session* session, QString* error);
    void discardRecovery();

    // What to autosave; called on the GUI thread when the timer fires.
    void setProvider(std::function<Session()> provider) { m_provider = std::move(provider); }
    // Something changed: autosave within intervalMs (at most that often).
    void scheduleSave();
    // Writes now and sets the marker (a run starts, or the caller wants it).
    bool saveNow();
    // A clean exit: marker and recovery file go.
    void finishCleanly();

    int interval() const;
    void setInterval(int milliseconds);
    QString recoveryFile() const;
    QString markerFile() const;

signals:
    // An autosave failed (full disk, ...); `message` is one line.
    void saveFailed(const QString& message);

private:
    QString m_dir;
    std::unique_ptr<QLockFile> m_lock;
    QTimer* m_timer = nullptr;
    std::function<Session()> m_provider;
    bool m_found = false;
    bool m_reportedFailure = false;
};

} // namespace zsq::ui
