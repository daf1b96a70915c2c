#include "session.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace zsq::ui {

namespace {
// result.json says "none" when a run had no refinement; sessions of builds
// before refinement have no key at all.
QString refineOf(const QJsonObject& o)
{
    const QString refine = o.value(QStringLiteral("refine")).toString();
    return refine == QLatin1String("none") ? QString() : refine;
}

// Bumped when a reader of an older build could misread the file.
constexpr int kFormatVersion = 1;
const char* const kFormatName = "zsq-session";
} // namespace

QString SessionRun::methodLabel() const
{
    QString label = isRefined() ? QStringLiteral("%1 + %2").arg(method, refine) : method;
    if (firstLastBits > 0)
        label += QCoreApplication::translate("zsq::ui::SessionRun", " (first/last layer %1-bit)").arg(firstLastBits);
    return label;
}

QString SessionRun::accuracyNotMeasured() const
{
    if (dataset == QLatin1String("none"))
        return QCoreApplication::translate("zsq::ui::SessionRun", "accuracy not measured (no dataset)");
    if (cancelled && !dataset.isEmpty())
        return QCoreApplication::translate("zsq::ui::SessionRun",
                                           "accuracy not measured (stopped during the final evaluation)");
    return QCoreApplication::translate("zsq::ui::SessionRun", "accuracy not measured");
}

QJsonObject SessionRun::toJson() const
{
    return {{QStringLiteral("output"), outputDir},
            {QStringLiteral("method"), method},
            {QStringLiteral("refine"), refine},
            {QStringLiteral("refine_source"), refineSource},
            {QStringLiteral("wbits"), wbits},
            {QStringLiteral("abits"), abits},
            {QStringLiteral("first_last_bits"), firstLastBits},
            {QStringLiteral("average_weight_bits"), averageWeightBits},
            {QStringLiteral("size_bits"), sizeBits},
            {QStringLiteral("evaluated"), evaluated},
            {QStringLiteral("fp_top1"), fpTop1},
            {QStringLiteral("quant_top1"), quantTop1},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("device"), device},
            {QStringLiteral("seed"), seed},
            {QStringLiteral("cancelled"), cancelled},
            {QStringLiteral("dataset"), dataset},
            {QStringLiteral("losses_csv"), lossesCsv}};
}

SessionRun SessionRun::fromJson(const QJsonObject& o)
{
    SessionRun r;
    r.outputDir = o.value(QStringLiteral("output")).toString();
    r.method = o.value(QStringLiteral("method")).toString();
    r.refine = refineOf(o);
    r.refineSource = r.isRefined() ? o.value(QStringLiteral("refine_source")).toString() : QString();
    r.wbits = o.value(QStringLiteral("wbits")).toInt();
    r.abits = o.value(QStringLiteral("abits")).toInt();
    r.firstLastBits = o.value(QStringLiteral("first_last_bits")).toInt();
    r.averageWeightBits = o.value(QStringLiteral("average_weight_bits")).toDouble();
    r.sizeBits = o.value(QStringLiteral("size_bits")).toInteger();
    r.evaluated = o.value(QStringLiteral("evaluated")).toBool();
    r.fpTop1 = o.value(QStringLiteral("fp_top1")).toDouble();
    r.quantTop1 = o.value(QStringLiteral("quant_top1")).toDouble();
    r.seconds = o.value(QStringLiteral("seconds")).toDouble();
    r.device = o.value(QStringLiteral("device")).toString();
    r.seed = o.value(QStringLiteral("seed")).toInteger();
    r.cancelled = o.value(QStringLiteral("cancelled")).toBool();
    r.dataset = o.value(QStringLiteral("dataset")).toString();
    r.lossesCsv = o.value(QStringLiteral("losses_csv")).toString();
    return r;
}

SessionRun SessionRun::fromResultJson(const QString& outputDir, const QByteArray& resultJson)
{
    const QJsonObject o = QJsonDocument::fromJson(resultJson).object();
    SessionRun r;
    r.outputDir = outputDir;
    r.method = o.value(QStringLiteral("method")).toString();
    r.refine = refineOf(o);
    r.refineSource = r.isRefined() ? o.value(QStringLiteral("refine_source")).toString() : QString();
    r.wbits = o.value(QStringLiteral("wbits")).toInt();
    r.abits = o.value(QStringLiteral("abits")).toInt();
    r.firstLastBits = o.value(QStringLiteral("first_last_bits")).toInt();
    r.averageWeightBits = o.value(QStringLiteral("average_weight_bits")).toDouble();
    r.sizeBits = o.value(QStringLiteral("size_bits")).toInteger();
    // result.json has no accuracy keys when the run had no dataset.
    r.evaluated = o.contains(QStringLiteral("quant_top1"));
    r.fpTop1 = o.value(QStringLiteral("fp_top1")).toDouble();
    r.quantTop1 = o.value(QStringLiteral("quant_top1")).toDouble();
    r.seconds = o.value(QStringLiteral("seconds")).toDouble();
    r.device = o.value(QStringLiteral("device")).toString();
    r.seed = o.value(QStringLiteral("seed")).toInteger();
    r.cancelled = o.value(QStringLiteral("cancelled")).toBool();
    r.dataset = o.value(QStringLiteral("dataset")).toString();
    const QString csv = QDir(outputDir).filePath(QStringLiteral("losses.csv"));
    if (QFile::exists(csv))
        r.lossesCsv = csv;
    return r;
}

QByteArray Session::toJson() const
{
    QJsonArray list;
    for (const SessionRun& r : runs)
        list.append(r.toJson());
    QJsonObject o{{QStringLiteral("format"), QLatin1String(kFormatName)},
                  {QStringLiteral("version"), kFormatVersion},
                  {QStringLiteral("model"), modelPath},
                  {QStringLiteral("config"), config},
                  {QStringLiteral("runs"), list}};
    if (!interruptedRun.isEmpty())
        o.insert(QStringLiteral("interrupted_run"), interruptedRun);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

bool Session::fromJson(const QByteArray& bytes, Session* session, QString* error)
{
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    const QJsonObject o = doc.object();
    if (parse.error != QJsonParseError::NoError || o.value(QStringLiteral("format")).toString() != QLatin1String(kFormatName)) {
        if (error)
            *error = tr("not a ZSQ Studio session file");
        return false;
    }
    if (o.value(QStringLiteral("version")).toInt() > kFormatVersion) {
        if (error)
            *error = tr("the session was written by a newer ZSQ Studio");
        return false;
    }
    Session s;
    s.modelPath = o.value(QStringLiteral("model")).toString();
    s.config = o.value(QStringLiteral("config")).toObject();
    for (const QJsonValue& v : o.value(QStringLiteral("runs")).toArray())
        s.runs.append(SessionRun::fromJson(v.toObject()));
    s.interruptedRun = o.value(QStringLiteral("interrupted_run")).toString();
    *session = s;
    return true;
}

bool saveSession(const QString& path, const Session& session, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Session::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QByteArray bytes = session.toJson();
    // commit() renames over the target only when every byte was written.
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = Session::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

bool loadSession(const QString& path, Session* session, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Session::tr("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QString why;
    if (!Session::fromJson(file.readAll(), session, &why)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), why);
        return false;
    }
    return true;
}

} // namespace zsq::ui
