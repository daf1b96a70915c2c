// The `zsq` executable as a user meets it: exit codes (0 success, 2 bad usage
// or input, 1 runtime failure) and one-line errors on stderr.
#include <torch/torch.h>

#include "io/model_file.h"
#include "models/zoo.h"
#include "zsq_test_util.h"

#include <csignal>

#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "zsq_cli_runner.h"

using zsq::test::expectOneLineError;
using zsq::test::runZsq;

namespace {
// A whole small output file (empty when it cannot be read).
QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace
using Run = zsq::test::CliRun;

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp;

private slots:
    void usage()
    {
        QCOMPARE(runZsq({}).code, 2);
        QCOMPARE(runZsq({"--help"}).code, 0);
        const Run unknown = runZsq({"frobnicate"});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.startsWith("zsq: unknown command 'frobnicate'"));
        expectOneLineError(runZsq({"eval", "--wbits", "4"}), 2, "unknown option --wbits");
        expectOneLineError(runZsq({"quantize", "--wbits", "9", "--output", tmp.filePath("x")}), 2, "'wbits'");
        expectOneLineError(runZsq({"quantize", "--set", "ptq.nope=1"}), 2, "'ptq.nope'");
        expectOneLineError(runZsq({"quantize", "--wbits", "4", "--wbits", "3"}), 2, "option --wbits given twice");
        // A bad refine.layer_range_init is refused before the method trains
        // (gdfq's quick schedule takes minutes), naming the entry.
        QElapsedTimer clock;
        clock.start();
        expectOneLineError(runZsq({"quantize", "--method", "gdfq", "--dataset", "none", "--output", tmp.filePath("r"),
                                   "--set", "refine.method=brecq,refine.layer_range_init=no.such:minmax"}),
                           2, "'no.such'");
        expectOneLineError(runZsq({"quantize", "--method", "gdfq", "--dataset", "none", "--output", tmp.filePath("r"),
                                   "--set", "refine.method=brecq,refine.layer_range_init=output"}),
                           2, "expects 'name:choice");
        QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!QFileInfo::exists(tmp.filePath("r") + "/quantized.zsq"));
        for (const char* cmd : {"info", "eval", "infer", "train-teacher", "quantize"}) {
            const Run r = runZsq({cmd, "--help"});
            QVERIFY2(r.code == 0 && r.out.contains("usage"), cmd);
        }
    }

    void infoOfTheDemoModel()
    {
        const Run r = runZsq({"info"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("fmnist"));
        QVERIFY(r.out.contains("features.init_block.conv"));
    }

    void badModelFiles()
    {
        const QString random = tmp.filePath("random.pt");
        {
            QFile f(random);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray bytes(4096, 0);
            for (int i = 0; i < bytes.size(); ++i)
                bytes[i] = static_cast<char>((i * 7919 + 13) & 0xff);
            f.write(bytes);
        }
        expectOneLineError(runZsq({"info", random}), 2, "not a PyTorch model file");
        expectOneLineError(runZsq({"eval", "--model", tmp.filePath("missing.pt")}), 2, "no such file");

        // A truncated checkpoint: the first half of the demo model.
        const QString truncated = tmp.filePath("truncated.zsq");
        {
            QFile src(QString::fromStdString(zsq::io::demoModelPath()));
            QVERIFY(src.open(QIODevice::ReadOnly));
            const QByteArray all = src.readAll();
            QFile dst(truncated);
            QVERIFY(dst.open(QIODevice::WriteOnly));
            dst.write(all.left(all.size() / 2));
        }
        expectOneLineError(runZsq({"info", truncated}), 2, "truncated");
        // A model of another architecture than the one asked for.
        expectOneLineError(runZsq({"info", "demo", "--arch", "resnet18"}), 2, "not resnet18");
    }

    void missingDataset()
    {
        expectOneLineError(runZsq({"eval", "--dataset", tmp.filePath("no-such-data")}), 2, "not found");
    }

    void evalOfTheDemoModel()
    {
        const Run r = runZsq({"eval", "--limit", "2000", "--quiet"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QRegularExpressionMatch m = QRegularExpression("top-1: ([0-9.]+) %").match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QVERIFY2(m.captured(1).toDouble() > 88.0, qPrintable(r.out));
    }

    void quantizeWritesItsOutputs()
    {
        const QString out = tmp.filePath("ptq");
        // Repeated --set options add up.
        const Run r = runZsq({"quantize", "--method", "ptq", "--wbits", "8", "--abits", "8", "--set",
                           "ptq.iterations=50", "--output", out, "--quiet", "--set", "ptq.batch_size=32"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile configFile(out + "/config.json");
        QVERIFY(configFile.open(QIODevice::ReadOnly));
        const QJsonObject ptq = QJsonDocument::fromJson(configFile.readAll()).object().value("ptq").toObject();
        QCOMPARE(ptq.value("iterations").toInt(), 50);
        QCOMPARE(ptq.value("batch_size").toInt(), 32);
        QVERIFY2(r.out.trimmed().split('\n').last().startsWith("top-1: "), qPrintable(r.out));
        for (const char* f : {"quantized.zsq", "quant_params.json", "config.json", "result.json"})
            QVERIFY2(QFile::exists(out + "/" + f), f);
        // The quantized checkpoint loads back with its 8-bit settings.
        const Run info = runZsq({"info", out + "/quantized.zsq"});
        QVERIFY2(info.code == 0, qPrintable(info.err));
        QVERIFY(info.out.contains("ZSQ checkpoint"));
        QVERIFY(info.out.contains("size (quant)"));
    }

    void generativeRunExportsSyntheticImages()
    {
        const QString out = tmp.filePath("gdfq");
        const Run r = runZsq({"quantize", "--method", "gdfq", "--quiet", "--output", out, "--set",
                              "train.epochs=1,train.iterations=2,train.batch_size=16,train.eval_limit=200,"
                              "export.synthetic_per_class=2"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(out + "/run.ckpt"));
        QFile csv(out + "/synthetic/labels.csv");
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 21); // header + 2 per class x 10 classes
        QVERIFY2(lines[1].contains("T-shirt_top") || lines[1].contains("0_"), qPrintable(lines[1]));
        const QString first = out + "/synthetic/" + lines[1].section(',', 0, 0);
        QImage png(first);
        QCOMPARE(png.width(), 28);
        QCOMPARE(png.height(), 28);
    }

    void quantizesAModelItDidNotTrainWithoutAnyData()
    {
        // A resnet20 (pytorchcv layout, CIFAR-100 head) with random weights:
        // zero-shot quantization needs no dataset at all.
        const QString model = tmp.filePath("resnet20.zsq");
        zsq::models::ModelPtr net = zsq::models::createModel(zsq::models::defaultInfo("resnet20", 100));
        zsq::io::saveCheckpoint(model.toStdString(), *net);
        const QString out = tmp.filePath("resnet20-lrq");
        const Run r = runZsq({"quantize", "--model", model, "--method", "lrq", "--dataset", "none", "--quiet",
                              "--output", out, "--set", "train.epochs=1,train.iterations=2,train.batch_size=8"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("top-1: not measured"), qPrintable(r.out));
        QVERIFY(QFile::exists(out + "/quantized.zsq"));
        const Run info = runZsq({"info", out + "/quantized.zsq"});
        QVERIFY2(info.code == 0 && info.out.contains("resnet20"), qPrintable(info.err));
        // ...while evaluating it on Fashion-MNIST is a clear input error.
        const Run mismatch = runZsq({"quantize", "--model", model, "--method", "ptq", "--output", out + "-x"});
        expectOneLineError(mismatch, 2, "classes");
    }

    // --resume refuses a checkpoint of other settings (result.json would
    // state bits the model does not have) or one past the run's end (an
    // untrained run that looks finished), naming the file and the keys.
    void resumeRefusesOtherSettingsAndPositions()
    {
        const QString out = tmp.filePath("resume-checks");
        const QString tiny = "train.epochs=2,train.iterations=2,train.batch_size=8";
        const QStringList base{"quantize", "--method", "gdfq", "--quiet", "--dataset", "none"};
        const Run first = runZsq(base + QStringList{"--output", out, "--set", tiny});
        QVERIFY2(first.code == 0, qPrintable(first.err));
        const QString ckpt = out + "/run.ckpt";
        const Run bits = runZsq(base + QStringList{"--output", out + "-bits", "--wbits", "3", "--abits", "8",
                                                   "--resume", ckpt, "--set", tiny});
        expectOneLineError(bits, 2, "wbits 4 (this run: 3)");
        QVERIFY2(bits.err.contains("abits 4 (this run: 8)") && bits.err.contains(ckpt), qPrintable(bits.err));
        QVERIFY(!QFile::exists(out + "-bits/quantized.zsq"));
        const Run seed = runZsq(base + QStringList{"--output", out + "-seed", "--seed", "9", "--resume", ckpt,
                                                   "--set", tiny + ",gdfq.bns_weight=0.5"});
        expectOneLineError(seed, 2, "seed 0 (this run: 9)");
        QVERIFY2(seed.err.contains("gdfq.bns_weight"), qPrintable(seed.err));
        // The checkpoint is at the end of epoch 2; this run has one epoch.
        expectOneLineError(runZsq(base + QStringList{"--output", out + "-past", "--resume", ckpt, "--set",
                                                      "train.epochs=1,train.iterations=2,train.batch_size=8"}),
                           2, "is not within this run of 1 epochs");
        // A longer run continues it.
        const Run longer = runZsq(base + QStringList{"--output", out + "-longer", "--resume", ckpt, "--set",
                                                      "train.epochs=3,train.iterations=2,train.batch_size=8"});
        QVERIFY2(longer.code == 0, qPrintable(longer.err));
    }

    // An optional export that fails (here: "synthetic" is a file, as a full
    // disk or a too large export.synthetic_per_class would fail) is a warning
    // after quantized.zsq and result.json are written (it failed the run,
    // which then had neither).
    void failedExportKeepsTheResult()
    {
        const QString out = tmp.filePath("export-fails");
        QVERIFY(QDir().mkpath(out));
        {
            QFile blocker(out + "/synthetic");
            QVERIFY(blocker.open(QIODevice::WriteOnly));
            blocker.write("not a folder\n");
        }
        const Run r = runZsq({"quantize", "--method", "gdfq", "--quiet", "--dataset", "none", "--output", out, "--set",
                              "train.epochs=1,train.iterations=2,train.batch_size=8,export.synthetic_per_class=1"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2((r.out + r.err).contains("synthetic images were not written"), qPrintable(r.out + r.err));
        QVERIFY(QFile::exists(out + "/quantized.zsq"));
        QVERIFY(!QFile::exists(out + "/CANCELLED.txt"));
        QFile result(out + "/result.json");
        QVERIFY(result.open(QIODevice::ReadOnly));
        const auto json = nlohmann::json::parse(result.readAll().toStdString());
        QVERIFY(!json["cancelled"].get<bool>());
        QVERIFY2(json["warnings"].dump().find("synthetic") != std::string::npos, json["warnings"].dump().c_str());
        // Nothing half-written is left beside it.
        for (const QString& name : QDir(out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot))
            QVERIFY2(!name.contains(".tmp-"), qPrintable(name));
    }

    // A second Ctrl-C ends the process at once with exit code 130 (the first
    // one's orderly stop would checkpoint, evaluate and write the folder).
    void secondInterruptEndsAtOnce()
    {
        const QString out = tmp.filePath("twice");
        QProcess p;
        p.start(ZSQ_CLI_PATH, {"quantize", "--method", "gdfq", "--dataset", "none", "--output", out, "--print-losses",
                               "1", "--set", "train.epochs=3,train.iterations=50,train.batch_size=16"});
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains("iter 2:") && timer.elapsed() < 120000) {
            p.waitForReadyRead(500);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("iter 2:"), err.constData());
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        timer.restart();
        QVERIFY(p.waitForFinished(60000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(err.contains("interrupted again"), err.constData());
        QVERIFY(!QFile::exists(out + "/quantized.zsq"));
    }

    void interruptKeepsCheckpointAndResumeFinishes()
    {
        const QString out = tmp.filePath("interrupted");
        QProcess p;
        p.start(ZSQ_CLI_PATH, {"quantize", "--method", "gdfq", "--output", out, "--print-losses", "1", "--set",
                               "train.epochs=3,train.iterations=20,train.batch_size=16,train.eval_limit=200"});
        QVERIFY(p.waitForStarted());
        // Wait for a few iterations, then ask it to stop as Ctrl-C would.
        QByteArray err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains("iter 3:") && timer.elapsed() < 120000) {
            p.waitForReadyRead(500);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("iter 3:"), err.constData());
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(120000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(QString::fromUtf8(p.readAllStandardOutput()).contains("cancelled"), err.constData());
        QVERIFY(QFile::exists(out + "/run.ckpt"));
        // Unmistakably unfinished: no quantized.zsq, a marker, a result.json
        // that says so.
        QVERIFY(!QFile::exists(out + "/quantized.zsq"));
        QVERIFY(QFile::exists(out + "/CANCELLED.txt"));
        {
            QFile partial(out + "/result.json");
            QVERIFY(partial.open(QIODevice::ReadOnly));
            QVERIFY(nlohmann::json::parse(partial.readAll().toStdString())["cancelled"].get<bool>());
        }
        const Run resumed = runZsq({"quantize", "--method", "gdfq", "--quiet", "--output", out + "-resumed",
                                    "--resume", out + "/run.ckpt", "--set",
                                    "train.epochs=3,train.iterations=20,train.batch_size=16,train.eval_limit=200"});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
        QFile result(out + "-resumed/result.json");
        QVERIFY(result.open(QIODevice::ReadOnly));
        const auto json = nlohmann::json::parse(result.readAll().toStdString());
        QCOMPARE(json["details"]["iterations_done"].get<int>(), 60);
    }

    // zsq refine RUN: a finished generative run refined afterwards from its
    // run.ckpt, without training again, into a new folder; the same student
    // as a run with --refine from the start.
    void refineAFinishedRunWithoutTraining()
    {
        const QString out = tmp.filePath("to-refine");
        const QString tiny = "train.epochs=2,train.iterations=2,train.batch_size=8";
        const QString refine = "refine.samples=16,refine.iterations=5,refine.batch_size=8";
        const QStringList base{"quantize", "--method", "gdfq", "--quiet", "--dataset", "none"};
        const Run first = runZsq(base + QStringList{"--output", out, "--set", tiny});
        QVERIFY2(first.code == 0, qPrintable(first.err));
        const Run refined = runZsq({"refine", out, "--quiet", "--set", refine});
        QVERIFY2(refined.code == 0, qPrintable(refined.err));
        const QString dir = out + "-brecq";
        QVERIFY(QFile::exists(dir + "/quantized.zsq"));
        QVERIFY(QFile::exists(dir + "/run.ckpt")); // its own folder can be refined again
        QVERIFY(!QFile::exists(dir + "/refine.ckpt"));
        QFile result(dir + "/result.json");
        QVERIFY(result.open(QIODevice::ReadOnly));
        const auto json = nlohmann::json::parse(result.readAll().toStdString());
        QCOMPARE(json["refine"].get<std::string>(), std::string("brecq"));
        QCOMPARE(json["details"]["iterations_done"].get<int>(), 4); // the run's, none added
        QCOMPARE(json["details"]["history"].size(), std::size_t(2));
        QCOMPARE(json["details"]["refine"]["samples"].get<int>(), 16);

        const Run direct = runZsq(base + QStringList{"--output", out + "-direct", "--refine", "brecq", "--set",
                                                      tiny + "," + refine});
        QVERIFY2(direct.code == 0, qPrintable(direct.err));
        QVERIFY(!fileBytes(dir + "/quant_params.json").isEmpty());
        QVERIFY2(fileBytes(dir + "/quant_params.json") == fileBytes(out + "-direct/quant_params.json"),
                 "refining afterwards gave another student than refining in the run");

        // A second refinement gets a folder of its own; bad requests are one line.
        const Run again = runZsq({"refine", out, "--quiet", "--refine", "ranges"});
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QVERIFY(QFile::exists(out + "-ranges/quantized.zsq"));
        expectOneLineError(runZsq({"refine", out, "--output", out}), 2, "must not be the run's own folder");
        expectOneLineError(runZsq({"refine", out, "--refine", "none"}), 2, "ranges, adaround or brecq");
        expectOneLineError(runZsq({"refine", tmp.filePath("no-such-run")}), 2, "no such directory");
        expectOneLineError(runZsq({"quantize", "--from", out, "--config", out + "/config.json"}), 2, "--from");
    }

    // A block refinement stopped after a block resumes at the next one from
    // OUTPUT/refine.ckpt (the command CANCELLED.txt gives) and ends with the
    // student an uninterrupted run makes.
    void interruptedRefinementResumes()
    {
        const QString out = tmp.filePath("refine-stopped");
        const QStringList args{"quantize", "--method", "ptq", "--dataset", "none", "--refine", "brecq", "--set",
                               "ptq.iterations=20,ptq.batch_size=16,refine.samples=64,refine.iterations=150,"
                               "refine.batch_size=16"};
        QProcess p;
        p.start(ZSQ_CLI_PATH, args + QStringList{"--output", out});
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains("refine block ") && timer.elapsed() < 300000) {
            p.waitForReadyRead(200);
            err += p.readAllStandardError() + p.readAllStandardOutput();
        }
        QVERIFY2(err.contains("refine block "), err.constData());
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QFile::exists(out + "/refine.ckpt"));
        QVERIFY(!QFile::exists(out + "/quantized.zsq"));
        QFile marker(out + "/CANCELLED.txt");
        QVERIFY(marker.open(QIODevice::ReadOnly));
        QVERIFY2(marker.readAll().contains("--resume " + (out + "/refine.ckpt").toUtf8()), "no resume command");

        const Run resumed = runZsq({"quantize", "--quiet", "--config", out + "/config.json", "--resume",
                                    out + "/refine.ckpt"});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
        QVERIFY(QFile::exists(out + "/quantized.zsq"));
        QVERIFY(!QFile::exists(out + "/refine.ckpt") && !QFile::exists(out + "/CANCELLED.txt"));
        const Run whole = runZsq(args + QStringList{"--quiet", "--output", out + "-whole"});
        QVERIFY2(whole.code == 0, qPrintable(whole.err));
        QVERIFY(!fileBytes(out + "/quant_params.json").isEmpty());
        QVERIFY2(fileBytes(out + "/quant_params.json") == fileBytes(out + "-whole/quant_params.json"),
                 "the resumed refinement ended elsewhere than an uninterrupted one");
        // A ptq run has no run checkpoint to resume.
        expectOneLineError(runZsq({"quantize", "--method", "ptq", "--dataset", "none", "--output", out + "-x",
                                   "--resume", tmp.filePath("to-refine/run.ckpt")}),
                           2, "resumes only a refinement");
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
