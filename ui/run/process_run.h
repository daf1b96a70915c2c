#pragma once
// A quantization run in child processes: `zsq quantize --config FILE
// --nproc N --events jsonl`, the CLI's launcher of N data-parallel ranks on
// this host. Each rank is a process (c10d needs one per rank), so such a run
// cannot live on a thread of the GUI like a one-process run. Rank 0 prints
// core's events as JSON lines (core/api/event_json.h); they are read here
// into the same EventSink an in-process run reports to, so every view
// updates as for any run. The launcher's stderr lines go to the sink as log
// messages.
#include <memory>

#include <QObject>
#include <QString>

#include "api/quantization_run.h"

class QProcess;
class QTemporaryFile;

namespace zsq {
class EventSink;
}

namespace zsq::ui {

class ProcessRun : public QObject {
    Q_OBJECT
public:
    // `sink` receives every event; it must outlive this object.
    explicit ProcessRun(zsq::EventSink& sink, QObject* parent = nullptr);
    // Interrupts a running child and waits for it (it checkpoints first),
    // as the in-process worker does; after a minute it is killed.
    ~ProcessRun() override;

    // The `zsq` CLI that runs it: $ZSQ_CLI when set, else `zsq` next to
    // this executable (where the build and the packages put it).
    static QString cliPath();

    // Writes `configJson` to a temporary file and starts the launcher with
    // `nproc` ranks. False with *error (one line) when it cannot start.
    bool start(const QString& configJson, int nproc, QString* error);
    bool isRunning() const;
    // Ctrl-C for the launcher: it forwards it once to every rank; they stop
    // together and rank 0 writes run.ckpt, result.json and CANCELLED.txt.
    void interrupt();

    // After ended(): whether rank 0 reported an outcome, and which.
    bool hasOutcome() const { return m_hasOutcome; }
    const api::RunOutcome& outcome() const { return m_outcome; }

signals:
    // The launcher has exited. `error`: why it failed, in one line (the
    // first "error:" line of its stderr), empty when it exited with 0.
    void ended(int exitCode, const QString& error);

private:
    void readStdout();
    void readStderr();
    void onFinished(int exitCode);
    void handleStderrLine(const QString& line);

    zsq::EventSink& m_sink;
    QProcess* m_process = nullptr;
    std::unique_ptr<QTemporaryFile> m_config;
    QByteArray m_stdoutBuffer;
    QByteArray m_stderrBuffer;
    QString m_firstError;
    QString m_lastStderrLine;
    api::RunOutcome m_outcome;
    bool m_hasOutcome = false;
};

} // namespace zsq::ui
