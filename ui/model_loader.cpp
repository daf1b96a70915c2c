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

void ModelLoader::load(const QString& path)
{
    const int request = ++m_latest;
    const std::string file = QFile::encodeName(path).toStdString();
    QThread* thread = QThread::create([this, request, path, file] {
        auto summary = std::make_shared<api::ModelSummary>();
        QString message;
        try {
            *summary = api::summarizeModelFile(file);
        } catch (const std::exception& e) {
            summary.reset();
            message = QString::fromStdString(zsq::firstLine(e.what()));
        } catch (...) {
            summary.reset();
        }
        QMetaObject::invokeMethod(
            this, [this, request, path, summary, message] { finish(request, path, summary.get(), message); },
            Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("zsq-model-loader"));
    thread->setParent(this);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    ++m_running;
    emit started(path);
    thread->start();
}

void ModelLoader::finish(int request, const QString& path, const api::ModelSummary* summary,
                         const QString& message)
{
    --m_running;
    if (request == m_latest) {
        if (summary)
            emit loaded(*summary);
        else
            emit failed(path, message.isEmpty() ? tr("Unknown error while reading the model.") : message);
    }
    if (m_running == 0)
        emit idle();
}

} // namespace zsq::ui
