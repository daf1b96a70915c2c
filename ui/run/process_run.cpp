#include "process_run.h"

#include <csignal>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryFile>

#include "api/event_json.h"
#include "common/events.h"

namespace zsq::ui {

namespace {
// How long the destructor lets an interrupted run checkpoint and evaluate
// the student before it kills the launcher (whose ranks then end too).
constexpr int kStopGraceMs = 60000;

// What main.cpp puts before a command's error line.
const QLatin1String kErrorMarker(": error: ");
} // namespace

ProcessRun::ProcessRun(zsq::EventSink& sink, QObject* parent) : QObject(parent), m_sink(sink) {}

ProcessRun::~ProcessRun()
{
    if (!isRunning())
        return;
    // ended() is not wanted from a half-destroyed owner.
    disconnect(m_process, nullptr, this, nullptr);
    interrupt();
    if (!m_process->waitForFinished(kStopGraceMs)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString ProcessRun::cliPath()
{
    const QString given = qEnvironmentVariable("ZSQ_CLI");
    if (!given.isEmpty())
        return given;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("zsq"));
}

bool ProcessRun::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool ProcessRun::start(const QString& configJson, int nproc, QString* error)
{
    if (isRunning()) {
        *error = tr("A run is already going.");
        return false;
    }
    const QString cli = cliPath();
    if (!QFileInfo(cli).isExecutable()) {
        *error = tr("A run with %1 processes needs the command-line program zsq, which is not at %2. Install it "
                    "next to ZSQ Studio (or name it in the ZSQ_CLI environment variable), or choose 1 process.")
                     .arg(nproc)
                     .arg(QDir::toNativeSeparators(cli));
        return false;
    }
    m_config = std::make_unique<QTemporaryFile>(QDir(QDir::tempPath()).filePath(QStringLiteral("zsq-run-XXXXXX.json")));
    if (!m_config->open() || m_config->write(configJson.toUtf8()) < 0 || !m_config->flush()) {
        *error = tr("Cannot write the run's settings to %1: %2")
                     .arg(QDir::toNativeSeparators(m_config->fileName()), m_config->errorString());
        return false;
    }
    m_stdoutBuffer.clear();
    m_stderrBuffer.clear();
    m_firstError.clear();
    m_lastStderrLine.clear();
    m_outcome = api::RunOutcome();
    m_hasOutcome = false;

    delete m_process;
    m_process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Started by a launcher itself (torchrun around the GUI), zsq would take
    // these for its own rank and not start the local ranks.
    for (const char* name : {"RANK", "WORLD_SIZE", "LOCAL_RANK", "LOCAL_WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT"})
        env.remove(QLatin1String(name));
    m_process->setProcessEnvironment(env);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &ProcessRun::readStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &ProcessRun::readStderr);
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        onFinished(status == QProcess::NormalExit ? exitCode : -1);
    });
    m_process->start(cli, {QStringLiteral("quantize"), QStringLiteral("--config"), m_config->fileName(),
                           QStringLiteral("--nproc"), QString::number(nproc), QStringLiteral("--events"),
                           QStringLiteral("jsonl")});
    if (!m_process->waitForStarted(10000)) {
        *error = tr("Cannot start %1: %2").arg(QDir::toNativeSeparators(cli), m_process->errorString());
        delete m_process;
        m_process = nullptr;
        return false;
    }
    return true;
}

void ProcessRun::interrupt()
{
    if (isRunning())
        ::kill(static_cast<pid_t>(m_process->processId()), SIGINT);
}

void ProcessRun::readStdout()
{
    m_stdoutBuffer += m_process->readAllStandardOutput();
    qsizetype end;
    while ((end = m_stdoutBuffer.indexOf('\n')) >= 0) {
        const std::string line = m_stdoutBuffer.left(end).toStdString();
        m_stdoutBuffer.remove(0, end + 1);
        const api::EventLineKind kind = api::readEventJsonLine(line, m_sink, &m_outcome);
        if (kind == api::EventLineKind::Outcome)
            m_hasOutcome = true;
        else if (kind == api::EventLineKind::Other && !QByteArray::fromStdString(line).trimmed().isEmpty())
            // Not an event (a library printing on stdout): shown, not lost.
            m_sink.onMessage(zsq::LogLevel::Info, line);
    }
}

void ProcessRun::readStderr()
{
    m_stderrBuffer += m_process->readAllStandardError();
    qsizetype end;
    while ((end = m_stderrBuffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_stderrBuffer.left(end)).trimmed();
        m_stderrBuffer.remove(0, end + 1);
        if (!line.isEmpty())
            handleStderrLine(line);
    }
}

void ProcessRun::handleStderrLine(const QString& line)
{
    const qsizetype marker = line.indexOf(kErrorMarker);
    const bool isError = marker >= 0;
    if (isError && m_firstError.isEmpty())
        m_firstError = line.mid(marker + kErrorMarker.size());
    m_lastStderrLine = line;
    m_sink.onMessage(isError ? zsq::LogLevel::Error : zsq::LogLevel::Info, line.toStdString());
}

void ProcessRun::onFinished(int exitCode)
{
    readStdout();
    readStderr();
    if (!m_stdoutBuffer.isEmpty()) {
        m_stdoutBuffer += '\n';
        readStdout();
    }
    if (!m_stderrBuffer.trimmed().isEmpty())
        handleStderrLine(QString::fromUtf8(m_stderrBuffer).trimmed());
    m_stderrBuffer.clear();
    m_config.reset();
    QString error;
    if (exitCode != 0) {
        error = m_firstError;
        if (error.isEmpty())
            error = m_lastStderrLine;
        if (error.isEmpty())
            error = exitCode < 0 ? tr("zsq quantize ended abnormally (%1).").arg(m_process->errorString())
                                 : tr("zsq quantize ended with exit code %1.").arg(exitCode);
    }
    emit ended(exitCode, error);
}

} // namespace zsq::ui
