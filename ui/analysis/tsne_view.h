#pragma once
// The t-SNE tab: where the real evaluation samples and synthetic sets lie in
// a model's feature space. Options on the left (model: the FP one or a
// quantized .zsq; real data with a sample limit; synthetic folders, a
// finished run's export offered automatically; perplexity, theta,
// iterations), the animated scatter in the middle, the figures on the right
// (the scatter and the figures on two tabs when the tab is narrow).
#include <functional>

#include <nlohmann/json_fwd.hpp>

#include <QStringList>
#include <QWidget>

#include "analysis_types.h"
#include "ui/run/run_types.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSplitter;
class QStackedLayout;
class QTabWidget;
class QSpinBox;
class QTextBrowser;

namespace zsq::ui {

class CheckpointPicker;
class AnalysisController;
class TsnePlot;

class TsneView : public QWidget {
    Q_OBJECT
public:
    explicit TsneView(QWidget* parent = nullptr);

    void setContextProvider(std::function<AnalysisContext()> provider) { m_context = std::move(provider); }
    // A quantized checkpoint whose student features can be embedded instead.
    void addQuantizedModel(const QString& path, bool select = false);
    // A folder of synthetic images in class sub-folders.
    void addSyntheticFolder(const QString& path, const QString& name = {}, bool checked = true);

    void setRealData(bool on, int limit);
    void setOptimisation(double perplexity, double theta, int iterations);
    // The job's config from the options (sources, t-SNE settings).
    zsq::analysis::TsneJobConfig jobConfig() const;

    AnalysisController* controller() const { return m_controller; }
    TsnePlot* plot() const { return m_plot; }
    QString figuresText() const;
    QString statusText() const;
    TsneResultPtr result() const { return m_result; }
    // Shows the embedding kept in `runDir` (saved_analysis.h) when there is
    // one and no job is going; false otherwise. An embedding of a run's
    // quantized.zsq is kept there when it finishes, and choosing that model
    // again shows it.
    bool showSavedAnalysis(const QString& runDir);

public slots:
    void start();
    void stop();
    bool exportPng(const QString& path);
    bool exportCsv(const QString& dir);

signals:
    void finished(bool ok, const QString& message);   // after every job (cancelled: ok)

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* createOptions();
    // The options column's minimum: the options' own width.
    void keepOptionsWhole();
    // Figures beside the plot, or on a tab of their own when the width is short.
    void arrangeResults();
    void browseSynthetic();
    void showExportPngDialog();
    void showExportCsvDialog();
    void onActive(bool active);
    void onProgress(const zsq::ui::RunProgress& progress);
    void onFinished(const zsq::ui::TsneResultPtr& result);
    void setStatus(const QString& text);
    void restoreOptions(const nlohmann::json& figures);
    void restoreSyntheticSets(const nlohmann::json& sources);

    std::function<AnalysisContext()> m_context;
    AnalysisController* m_controller = nullptr;
    TsnePlot* m_plot = nullptr;
    QTextBrowser* m_figures = nullptr;
    QWidget* m_results = nullptr;              // the plot and the figures, in one of:
    QStackedLayout* m_resultsLayout = nullptr;
    QSplitter* m_sideBySide = nullptr;         // a wide tab
    QTabWidget* m_resultTabs = nullptr;        // a narrow one
    QScrollArea* m_optionsScroll = nullptr;
    CheckpointPicker* m_model = nullptr;
    QCheckBox* m_real = nullptr;
    QSpinBox* m_limit = nullptr;
    QListWidget* m_synthetic = nullptr;
    QDoubleSpinBox* m_perplexity = nullptr;
    QDoubleSpinBox* m_theta = nullptr;
    QSpinBox* m_iterations = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_exportPng = nullptr;
    QPushButton* m_exportCsv = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QWidget* m_options = nullptr;
    TsneResultPtr m_result;
    QStringList m_missingSets;                 // synthetic sets a restored embedding used whose folders are gone
    qint64 m_inputSize = 0;
    QString m_jobRunDir;   // the run folder of the embedded checkpoint, "" when none
};

} // namespace zsq::ui
