#include "preprocessing_checker.h"

#include <memory>

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "ui/base/worker.h"

namespace zsq::ui {

namespace {
// The keys of a run config that the check reads.
QJsonObject checkedPart(const QJsonObject& cfg)
{
    QJsonObject part;
    for (const char* key : {"model", "arch", "dataset", "eval_split", "preprocessing"}) {
        const QString k = QLatin1String(key);
        if (cfg.contains(k))
            part.insert(k, cfg.value(k));
    }
    return part;
}
} // namespace

PreprocessingChecker::PreprocessingChecker(QObject* parent) : QObject(parent) {}

// The workers (children) wait for their checks; their outcomes are dropped.
PreprocessingChecker::~PreprocessingChecker() = default;

QString PreprocessingChecker::keyFor(const QString& configJson)
{
    QJsonObject part = checkedPart(QJsonDocument::fromJson(configJson.toUtf8()).object());
    const QString dataset = part.value(QStringLiteral("dataset")).toString();
    if (dataset.isEmpty() || dataset == QLatin1String("none"))
        return {};
    // The same name after the file changed is another model.
    const QFileInfo model(part.value(QStringLiteral("model")).toString());
    if (model.isFile())
        part.insert(QStringLiteral("modified"),
                    QStringLiteral("%1/%2").arg(model.lastModified().toMSecsSinceEpoch()).arg(model.size()));
    return QString::fromUtf8(QJsonDocument(part).toJson(QJsonDocument::Compact));
}

bool PreprocessingChecker::cached(const QString& key, api::PreprocessingCheck* check) const
{
    const auto it = m_cache.constFind(key);
    if (key.isEmpty() || it == m_cache.constEnd())
        return false;
    if (check)
        *check = it.value();
    return true;
}

void PreprocessingChecker::check(const QString& configJson, int samples)
{
    const QString key = keyFor(configJson);
    if (key.isEmpty() || m_running.contains(key))
        return;
    m_running.insert(key);
    const QJsonObject part = checkedPart(QJsonDocument::fromJson(configJson.toUtf8()).object());
    const std::string config = QJsonDocument(part).toJson(QJsonDocument::Compact).toStdString();
    auto* worker = new Worker(this, QStringLiteral("zsq-preprocessing-check"));
    auto result = std::make_shared<api::PreprocessingCheck>();
    connect(worker, &Worker::done, this, [this, worker, key, result](WorkOutcome outcome, const QString& error) {
        worker->deleteLater();
        m_running.remove(key);
        if (outcome == WorkOutcome::Finished) {
            m_cache.insert(key, *result);
            emit finished(key, *result);
        } else {
            emit failed(key, error);
        }
    });
    worker->start([result, config, samples](const zsq::CancelToken&) {
        *result = api::checkPreprocessing(config, samples);
    });
}

} // namespace zsq::ui
