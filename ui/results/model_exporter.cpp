#include "model_exporter.h"

#include <memory>

#include <QFile>
#include <QLocale>

#include "export/export.h"
#include "ui/base/worker.h"

namespace zsq::ui {

ModelExporter::ModelExporter(QObject* parent) : QObject(parent)
{
    m_worker = new Worker(this, QStringLiteral("zsq-export"));
    connect(m_worker, &Worker::done, this, &ModelExporter::onDone);
}

bool ModelExporter::isBusy() const
{
    return m_worker->isBusy();
}

QString ModelExporter::formatForPath(const QString& path)
{
    return path.endsWith(QLatin1String(".onnx"), Qt::CaseInsensitive) ? QStringLiteral("onnx")
                                                                       : QStringLiteral("torchscript");
}

bool ModelExporter::start(const QString& modelPath, const QString& format, const QString& outputPath)
{
    if (m_worker->isBusy())
        return false;
    m_report = std::make_shared<exporting::ExportReport>();
    m_outputPath = outputPath;
    exporting::ExportRequest request;
    request.modelPath = QFile::encodeName(modelPath).toStdString();
    request.outputPath = QFile::encodeName(outputPath).toStdString();
    const std::string formatName = format.toStdString();
    m_worker->start([request, formatName, report = m_report](const zsq::CancelToken&) mutable {
        request.format = exporting::exportFormatFromName(formatName);
        *report = exporting::exportModel(request);
    });
    return true;
}

void ModelExporter::onDone(WorkOutcome outcome, const QString& error)
{
    if (outcome != WorkOutcome::Finished) {
        emit failed(error.isEmpty() ? tr("The export was cancelled.") : error);
        return;
    }
    const QLocale locale;
    const QString summary = tr("Exported %1 (%2): %3 weights packed at %4 bits on average are %5 (float32: %6).")
                                .arg(m_outputPath, QString::fromStdString(m_report->format))
                                .arg(m_report->parameters)
                                .arg(locale.toString(m_report->averageWeightBits, 'f', 2),
                                     locale.formattedDataSize(m_report->packedBytes),
                                     locale.formattedDataSize(m_report->floatBytes));
    emit finished(m_outputPath, summary);
}

} // namespace zsq::ui
