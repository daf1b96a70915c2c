#include "model_loader.h"

#include <exception>
#include <memory>

#include <QFile>

#include "ui/base/worker.h"

namespace zsq::ui {

ModelLoader::ModelLoader(QObject* parent) : QObject(parent) {}

// The workers (children) wait for their loads; their outcomes are dropped.
ModelLoader::~ModelLoader() = default;

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
    // One worker per request: a superseded load is not interrupted (reading
    // a model is short), its outcome is just not reported.
    auto* worker = new Worker(this, QStringLiteral("zsq-model-loader"));
    auto summary = std::make_shared<api::ModelSummary>();
    connect(worker, &Worker::done, this, [this, worker, request, summary](WorkOutcome outcome, const QString& error) {
        worker->deleteLater();
        finish(request, outcome == WorkOutcome::Finished ? summary.get() : nullptr, error);
    });
    ++m_running;
    if (!request.refresh)
        emit started(request.path);
    worker->start([summary, file, arch, preprocessing](const zsq::CancelToken&) {
        *summary = api::summarizeModelFile(file, arch, preprocessing, "GUI");
    });
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
