#include "preprocessing_checker.h"

#include <exception>
#include <memory>

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include "common/error.h"

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

PreprocessingChecker::~PreprocessingChecker()
{
    for (QThread* thread : findChildren<QThread*>(Qt::FindDirectChildrenOnly))
        thread->wait();
}

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
    QThread* thread = QThread::create([this, key, config, samples] {
        auto result = std::make_shared<api::PreprocessingCheck>();
        QString message;
        try {
            *result = api::checkPreprocessing(config, samples);
        } catch (const std::exception& e) {
            result.reset();
            message = QString::fromStdString(zsq::firstLine(e.what()));
        } catch (...) {
            result.reset();
            message = tr("Unknown error while checking the model.");
        }
        QMetaObject::invokeMethod(
            this,
            [this, key, result, message] {
                m_running.remove(key);
                if (result) {
                    m_cache.insert(key, *result);
                    emit finished(key, *result);
                } else {
                    emit failed(key, message);
                }
            },
            Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("zsq-preprocessing-check"));
    thread->setParent(this);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace zsq::ui
