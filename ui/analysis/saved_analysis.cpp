#include "saved_analysis.h"

#include <algorithm>
#include <exception>
#include <limits>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "common/bounded_json.h"
#include "ui/base/text_format.h"

namespace zsq::ui {

namespace {
QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

nlohmann::json parse(const QByteArray& bytes)
{
    return parseBoundedJson(bytes.constData(), bytes.constData() + bytes.size());
}

// One line of tsne.csv: plain fields, the class name in double quotes.
QStringList csvFields(const QString& line)
{
    QStringList out;
    QString field;
    bool quoted = false;
    for (QChar c : line) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (c == QLatin1Char(',') && !quoted) {
            out << field;
            field.clear();
        } else
            field += c;
    }
    out << field;
    return out;
}

bool failWith(QString* error, const std::exception& e)
{
    if (error)
        *error = fromUtf8(e.what());
    return false;
}

bool savePng(const QImage& image, const QString& path, QString* error)
{
    if (image.isNull() || image.save(path, "PNG"))
        return true;
    if (error)
        *error = QStringLiteral("cannot write %1").arg(QDir::toNativeSeparators(path));
    return false;
}
} // namespace

// An analysis older than the run's quantized.zsq measured a student that a
// later run in the same folder replaced: it is not shown or reported.
static bool isCurrent(const QString& runDir, const QString& file)
{
    const QFileInfo analysis(file);
    const QFileInfo student(QDir(runDir).filePath(QStringLiteral("quantized.zsq")));
    return analysis.exists() && (!student.exists() || analysis.lastModified() >= student.lastModified());
}

QString runDirOfCheckpoint(const QString& checkpoint)
{
    const QFileInfo info(checkpoint);
    if (info.fileName() != QLatin1String("quantized.zsq") ||
        !QFileInfo::exists(info.absoluteDir().filePath(QStringLiteral("result.json"))))
        return {};
    return info.absolutePath();
}

QString layerAnalysisDir(const QString& runDir)
{
    return QDir(runDir).filePath(QStringLiteral("layers"));
}

QString tsneAnalysisDir(const QString& runDir)
{
    return QDir(runDir).filePath(QStringLiteral("tsne"));
}

QString layerChartPng(const QString& runDir)
{
    return QDir(layerAnalysisDir(runDir)).filePath(QStringLiteral("layers.png"));
}

QString tsnePlotPng(const QString& runDir)
{
    return QDir(tsneAnalysisDir(runDir)).filePath(QStringLiteral("tsne.png"));
}

bool saveLayerAnalysis(const QString& runDir, const analysis::LayerAnalysisResult& result, const QImage& chart,
                       QString* error)
{
    try {
        analysis::writeLayerOutputs(result, toStd(layerAnalysisDir(runDir)));
    } catch (const std::exception& e) {
        return failWith(error, e);
    }
    return savePng(chart, layerChartPng(runDir), error);
}

LayerResultPtr readLayerAnalysis(const QString& runDir)
{
    const QString path = QDir(layerAnalysisDir(runDir)).filePath(QStringLiteral("layers.json"));
    if (!isCurrent(runDir, path))
        return nullptr;
    const QByteArray bytes = readAll(path);
    if (bytes.isEmpty())
        return nullptr;
    try {
        const nlohmann::json js = parse(bytes);
        auto r = std::make_shared<analysis::LayerAnalysisResult>();
        r->arch = js.value("arch", "");
        r->data = js.value("data", "");
        r->sensitivityData = js.value("sensitivity_data", "");
        if (const auto it = js.find("data_source"); it != js.end())
            r->dataSource = analysis::EvalDataSource::fromJson(*it);
        if (const auto it = js.find("sensitivity_source"); it != js.end())
            r->sensitivitySource = analysis::EvalDataSource::fromJson(*it);
        r->realLabels = js.value("real_labels", true);
        r->samples = js.value("samples", std::int64_t(0));
        r->abits = js.value("abits", 0);
        r->seconds = js.value("seconds", 0.0);
        for (const nlohmann::json& s : js.at("states")) {
            analysis::LayerStateReport state;
            state.state = s.value("state", "");
            state.fpTop1 = s.value("fp_top1", 0.0);
            state.quantTop1 = s.value("quant_top1", 0.0);
            state.averageWeightBits = s.value("average_weight_bits", 0.0);
            for (const nlohmann::json& l : s.at("layers")) {
                analysis::LayerFigures f;
                f.name = l.value("name", "");
                f.kind = l.value("kind", "");
                f.parameters = l.value("parameters", std::int64_t(0));
                f.bits = l.value("bits", 0);
                f.singleTop1 = l.value("single_top1", 0.0);
                f.cumulativeTop1 = l.value("cumulative_top1", 0.0);
                // null: no noise at all (written for an infinite SQNR).
                const nlohmann::json& sqnr = l.at("sqnr_db");
                f.sqnrDb = sqnr.is_number() ? sqnr.get<double>() : std::numeric_limits<double>::infinity();
                f.cosine = l.value("cosine", 0.0);
                if (l.contains("sensitivity_kl"))
                    for (const auto& [bits, kl] : l.at("sensitivity_kl").items())
                        f.sensitivity[std::stoi(bits)] = kl.get<double>();
                state.layers.push_back(f);
            }
            r->states.push_back(state);
        }
        return r->states.empty() ? nullptr : r;
    } catch (const std::exception&) {
        return nullptr;   // not ours, or damaged: nothing to show
    }
}

bool saveTsneAnalysis(const QString& runDir, const analysis::TsneJobResult& result, const QImage& plot,
                      QString* error)
{
    try {
        analysis::writeTsneOutputs(result, toStd(tsneAnalysisDir(runDir)));
    } catch (const std::exception& e) {
        return failWith(error, e);
    }
    return savePng(plot, tsnePlotPng(runDir), error);
}

TsneResultPtr readTsneAnalysis(const QString& runDir)
{
    const QDir dir(tsneAnalysisDir(runDir));
    if (!isCurrent(runDir, dir.filePath(QStringLiteral("tsne.csv"))))
        return nullptr;
    const QByteArray csv = readAll(dir.filePath(QStringLiteral("tsne.csv")));
    if (csv.isEmpty())
        return nullptr;
    auto r = std::make_shared<analysis::TsneJobResult>();
    try {
        r->figures = parse(readAll(dir.filePath(QStringLiteral("tsne.json"))));
        if (r->figures.contains("classes"))
            r->classNames = r->figures.at("classes").get<std::vector<std::string>>();
    } catch (const std::exception&) {
        r->figures = nlohmann::json::object();
    }
    const QList<QByteArray> lines = csv.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        // source,index,label,class,prediction,x,y
        const QStringList f = csvFields(QString::fromUtf8(lines[i]));
        if (f.size() != 7)
            continue;
        const std::string source = toStd(f[0]);
        auto it = std::find(r->sourceNames.begin(), r->sourceNames.end(), source);
        analysis::TsnePoint p;
        p.source = static_cast<int>(it - r->sourceNames.begin());
        if (it == r->sourceNames.end())
            r->sourceNames.push_back(source);
        p.index = f[1].toLongLong();
        p.label = f[2].toInt();
        p.prediction = f[4].toInt();
        // The class column names classes the figures may not list.
        if (p.label >= 0 && static_cast<std::size_t>(p.label) >= r->classNames.size())
            r->classNames.resize(static_cast<std::size_t>(p.label) + 1);
        if (p.label >= 0 && r->classNames[static_cast<std::size_t>(p.label)].empty())
            r->classNames[static_cast<std::size_t>(p.label)] = toStd(f[3]);
        r->points.push_back(p);
        r->embedding.push_back(f[5].toFloat());
        r->embedding.push_back(f[6].toFloat());
    }
    return r->points.empty() ? nullptr : r;
}

} // namespace zsq::ui
