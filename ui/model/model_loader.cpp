#include "model_loader.h"

#include <exception>
#include <memory>

#include <QFile>
#include <QThread>

#include "common/error.h"

namespace zsq::ui {

ModelLoader::ModelLoader(QObject* parent) : QObject(parent) {}

ModelLoader::~ModelLoader()
{
    // Results posted to this object by the workers are discarded with it.
    for (QThread* thread : findChildren<QThread*>(Qt::FindDirectChildrenOnly))
        thread->wait();
}

void ModelLoader::load(const QString& path, const QString& arch, const QString& preprocessingJson)
{
    m_latestLoad = ++m_latest;
    start({m_latest, false, path, arch, preprocessingJson});
}

void ModelLoader::refresh(const QString& path, const QString& arch, const QString& preprocessingJson)
{
    start({++m_latest, true, path, arch, preprocessingJson});
}

void ModelLoader::start(const Request& request)
{
    const std::string file = QFile::encodeName(request.path).toStdString();
    const std::string arch = request.arch.toStdString();
    const std::string preprocessing = request.preprocessingJson.toStdString();
    QThread* thread = QThread::create([this, request, file, arch, preprocessing] {
        auto summary = std::make_shared<api::ModelSummary>();
        QString message;
        try {
            *summary = api::summarizeModelFile(file, arch, preprocessing, "GUI");
        } catch (const std::exception& e) {
            summary.reset();
            message = QString::fromStdString(zsq::firstLine(e.what()));
        } catch (...) {
            summary.reset();
        }
        QMetaObject::invokeMethod(
            this, [this, request, summary, message] { finish(request, summary.get(), message); },
            Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("zsq-model-loader"));
    thread->setParent(this);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    ++m_running;
    if (!request.refresh)
        emit started(request.path);
    thread->start();
}

void ModelLoader::finish(const Request& request, const api::ModelSummary* summary, const QString& message)
{
    --m_running;
    const QString why = message.isEmpty() ? tr("Unknown error while reading the model.") : message;
    if (request.id == m_latest || (!request.refresh && request.id == m_latestLoad)) {
        if (!request.refresh && summary)
            emit loaded(*summary);
        else if (!request.refresh)
            emit failed(request.path, why);
        else if (summary)
            emit refreshed(*summary, request.arch, request.preprocessingJson);
        else
            emit refreshFailed(request.path, why, request.arch, request.preprocessingJson);
    }
    if (m_running == 0)
        emit idle();
}

} // namespace zsq::ui
