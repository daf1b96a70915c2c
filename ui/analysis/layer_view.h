#pragma once
// The Per-layer tab: where quantization hurts. Runs analysis::runLayerAnalysis
// on the open model (and optionally a fine-tuned quantized.zsq, for before /
// after) with the Run panel's bits and dataset, shows the figures as a bar
// chart and a table, and lets the user choose each layer's weight bits, by
// hand or with "Suggest bits" (analysis::allocateBits on the measured
// sensitivities under an average-bits budget). The chosen bits go to the Run
// panel's layer_bits, so the next run uses them.
#include <functional>

#include <QJsonObject>
#include <QWidget>

#include "analysis_types.h"
#include "ui/run/run_types.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;

namespace zsq::ui {

class CheckpointPicker;
class AnalysisController;
class LayerChart;
class LayerTable;

class LayerView : public QWidget {
    Q_OBJECT
public:
    explicit LayerView(QWidget* parent = nullptr);

    void setContextProvider(std::function<AnalysisContext()> provider) { m_context = std::move(provider); }
    // A fine-tuned checkpoint to compare against (the last run's quantized.zsq).
    void addQuantizedModel(const QString& path, bool select = false);
    void setLimit(int samples);
    void setCandidateBits(const QString& list);   // "2,4,8"
    void setBudget(double averageBits);
    zsq::analysis::LayerAnalysisConfig jobConfig() const;

    AnalysisController* controller() const { return m_controller; }
    LayerChart* chart() const { return m_chart; }
    LayerTable* table() const { return m_table; }
    LayerResultPtr result() const { return m_result; }
    // Parameter-weighted average of the bits column (0 with no layers).
    double averageBits() const;
    QString averageText() const;
    QString statusText() const;
    // The per-layer bits that differ from the uniform width, as layer_bits.
    QJsonObject layerBits() const;
    // Shows the analysis kept in `runDir` (saved_analysis.h) when there is
    // one and no job is going; false otherwise. An analysis of a run's
    // quantized.zsq is kept there when it finishes, and choosing that run in
    // "Compare with" shows it again.
    bool showSavedAnalysis(const QString& runDir);

public slots:
    void start();
    void stop();
    // Fills the bits column from the sensitivities under the budget; false
    // (with the reason in the status line) when that is not possible.
    bool suggestBits();
    void resetBits();

signals:
    void finished(bool ok, const QString& message);
    void layerBitsChanged(const QJsonObject& layerBits);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* createOptions();
    void onActive(bool active);
    void onProgress(const zsq::ui::RunProgress& progress);
    void onFinished(const zsq::ui::LayerResultPtr& result);
    void onPartial(const zsq::ui::LayerResultPtr& partial);
    void showResult(const zsq::ui::LayerResultPtr& result);
    void onBitsEdited();
    void updateAverage();
    void setStatus(const QString& text);

    std::function<AnalysisContext()> m_context;
    AnalysisController* m_controller = nullptr;
    LayerChart* m_chart = nullptr;
    LayerTable* m_table = nullptr;
    CheckpointPicker* m_quantized = nullptr;
    QSpinBox* m_limit = nullptr;
    QLineEdit* m_candidates = nullptr;
    QCheckBox* m_sensitivity = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QDoubleSpinBox* m_budget = nullptr;
    QPushButton* m_suggest = nullptr;
    QPushButton* m_reset = nullptr;
    QLabel* m_average = nullptr;
    QWidget* m_options = nullptr;
    LayerResultPtr m_result;
    int m_uniformBits = 4;                      // the wbits the analysis ran with
    QString m_roundedBy;                        // the checkpoint's learned-rounding refinement, "" when none
    QString m_jobRunDir;                        // the run folder of the compared checkpoint, "" when none
    int m_partialRows = 0;                      // layers shown with figures so far while a job runs
    QSplitter* m_chartAndTable = nullptr;   // the bars above the table
    bool m_userSplit = false;               // the user moved its handle: keep their sizes
};

} // namespace zsq::ui
