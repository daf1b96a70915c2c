#pragma once
// Runs the `zsq` CLI (ZSQ_CLI_PATH, set by the test's CMakeLists) and checks
// its one-line error contract. Include after the core headers.
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtTest>

namespace zsq::test {

struct CliRun {
    int code = -1;
    QString out, err;
};

inline CliRun runZsq(const QStringList& args, int timeoutMs = 300000)
{
    QProcess p;
    p.start(ZSQ_CLI_PATH, args);
    p.waitForFinished(timeoutMs);
    CliRun r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// One line on stderr, naming the problem.
inline void expectOneLineError(const CliRun& r, int code, const QString& needle)
{
    QVERIFY2(r.code == code, qPrintable(QString("exit %1, stderr: %2").arg(r.code).arg(r.err)));
    const QString err = r.err.trimmed();
    QVERIFY2(!err.isEmpty() && !err.contains('\n'), qPrintable("stderr: " + r.err));
    QVERIFY2(err.contains(needle), qPrintable("stderr: " + r.err + " lacks " + needle));
}

} // namespace zsq::test
