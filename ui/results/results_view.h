#pragma once
// The Results tab: one row per finished run of the session (method, bits,
// size, accuracy, time, device, seed); selecting rows overlays their loss
// and top-1 curves below the table. Exports the table as CSV and as a
// self-contained HTML report (the curves embedded as base64 PNG).
#include <QList>
#include <QWidget>

class QGridLayout;

#include "ui/session/session.h"

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace zsq::ui {

class ResultsView : public QWidget {
    Q_OBJECT
public:
    explicit ResultsView(QWidget* parent = nullptr);

    void addRun(const SessionRun& run);
    void setRuns(const QList<SessionRun>& runs);
    QList<SessionRun> runs() const { return m_runs; }
    int rowCount() const;
    QTableWidget* table() const { return m_table; }
    QCustomPlot* plot() const { return m_plot; }
    // Rows whose curves are overlaid (the selection, else the newest run).
    QList<int> plottedRows() const;
    // The output folder of the selected run (the newest one when none is
    // selected); empty without runs.
    QString currentRunDir() const;

    bool exportCsv(const QString& path, QString* error = nullptr) const;
    bool exportHtml(const QString& path, QString* error = nullptr) const;
    // The table as the report and the CSV show it: header, then one row per run.
    QList<QStringList> tableText() const;

public slots:
    void showExportCsvDialog();
    void showExportHtmlDialog();
    void removeSelectedRuns();

signals:
    void runsChanged();
    // "Export Model…": the run whose quantized.zsq the user wants as ONNX or
    // TorchScript.
    void exportModelRequested(const QString& runDir);
    // "Refine…": the run to refine afterwards without training again.
    void refineRequested(const QString& runDir);

protected:
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillRow(int row, const SessionRun& run);
    // The tool buttons in one row where they fit, else in as many columns
    // as the width takes.
    void flowButtons();
    void updatePlot();
    void reportError(const QString& message);

    QList<SessionRun> m_runs;
    QTableWidget* m_table = nullptr;
    QCustomPlot* m_plot = nullptr;
    QLabel* m_hint = nullptr;
    QList<QWidget*> m_buttons;   // the tool buttons
    QGridLayout* m_buttonGrid = nullptr;
    int m_buttonsPerRow = 0;
};

} // namespace zsq::ui
