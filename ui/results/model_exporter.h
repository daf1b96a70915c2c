#pragma once
// Exports a run's quantized.zsq to ONNX or TorchScript (core/export) on a
// worker thread, for the Results tab's "Export Model…" and the File menu.
#include <memory>

#include <QObject>
#include <QString>

namespace zsq::exporting {
struct ExportReport;
}

namespace zsq::ui {

class Worker;
enum class WorkOutcome;

class ModelExporter : public QObject {
    Q_OBJECT
public:
    explicit ModelExporter(QObject* parent = nullptr);

    // `format`: "onnx" or "torchscript". False while an export is going.
    bool start(const QString& modelPath, const QString& format, const QString& outputPath);
    bool isBusy() const;

    // "onnx" for *.onnx, else "torchscript" (*.pt, *.pth, *.ts...).
    static QString formatForPath(const QString& path);

signals:
    // `summary`: one line for the status bar and the log (file, sizes).
    void finished(const QString& outputPath, const QString& summary);
    void failed(const QString& message);   // one line

private:
    void onDone(WorkOutcome outcome, const QString& error);

    Worker* m_worker = nullptr;
    // The running export's report (filled on the worker) and output path.
    std::shared_ptr<exporting::ExportReport> m_report;
    QString m_outputPath;
};

} // namespace zsq::ui
