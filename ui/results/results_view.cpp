#include "results_view.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QStyle>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/base/explanation_box.h"
#include "ui/plots/plot_theme.h"
#include "qcustomplot.h"
#include "results_export.h"
#include "run_analysis_report.h"
#include "ui/plots/run_curves.h"
#include "ui/base/view_explanations.h"

namespace zsq::ui {

namespace {
enum Column { Run, Status, Method, Bits, AvgBits, Size, FpTop1, QuantTop1, Time, Device, Seed, ColumnCount };

// "ptq + brecq" for a refined run, so that it never passes for the
// unrefined one; refined on real training images, it is the ceiling row and
// says so.
QString methodText(const SessionRun& r)
{
    QString text = r.methodLabel();
    if (r.isRefined() && r.refineSource == QLatin1String("real"))
        text += ResultsView::tr(" (real data)");
    return text;
}

QString runLabel(const SessionRun& r)
{
    return QStringLiteral("%1 W%2A%3 · %4").arg(methodText(r)).arg(r.wbits).arg(r.abits).arg(QDir(r.outputDir).dirName());
}
} // namespace

ResultsView::ResultsView(QWidget* parent) : QWidget(parent)
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Run"), tr("Status"), tr("Method"), tr("W/A bits"), tr("Avg. weight bits"), tr("Size (KiB)"),
                                        tr("FP top-1 (%)"), tr("Quantized top-1 (%)"), tr("Time (s)"), tr("Device"),
                                        tr("Seed")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ResultsView::updatePlot);

    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(240, 160);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    m_hint = new QLabel(tr("Select two or more rows (Ctrl+click) to overlay their curves."), this);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setWordWrap(true);
    auto* csv = new QToolButton(this);
    csv->setText(tr("Export &CSV…"));
    connect(csv, &QToolButton::clicked, this, &ResultsView::showExportCsvDialog);
    auto* html = new QToolButton(this);
    html->setText(tr("E&xport HTML Report…"));
    connect(html, &QToolButton::clicked, this, &ResultsView::showExportHtmlDialog);
    auto* remove = new QToolButton(this);
    remove->setText(tr("Remove from L&ist"));
    remove->setToolTip(tr("Remove the selected runs from the session; their folders stay on disk"));
    connect(remove, &QToolButton::clicked, this, &ResultsView::removeSelectedRuns);
    auto* exportModel = new QToolButton(this);
    exportModel->setText(tr("Export &Model…"));
    exportModel->setToolTip(tr("Write the selected run's quantized model as ONNX (QDQ) or TorchScript, to run it "
                               "in ONNX Runtime or PyTorch"));
    connect(exportModel, &QToolButton::clicked, this, [this] {
        const QString dir = currentRunDir();
        if (!dir.isEmpty())
            emit exportModelRequested(dir);
    });
    auto* refine = new QToolButton(this);
    refine->setText(tr("Re&fine…"));
    refine->setToolTip(tr("Refine the selected run's student (ranges, AdaRound, BRECQ) without training again; "
                          "the result is a new run"));
    connect(refine, &QToolButton::clicked, this, [this] {
        const QString dir = currentRunDir();
        if (!dir.isEmpty())
            emit refineRequested(dir);
    });
    // The hint on a line of its own above the buttons, and the buttons in as
    // many columns as the width takes (flowButtons): in one row beside the
    // hint, German labels made the tab scroll sideways on a 1024-pixel
    // projector.
    m_buttons = {refine, exportModel, remove, csv, html};
    m_buttonGrid = new QGridLayout;
    flowButtons();

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_plot);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new ExplanationBox(ViewExplanations::results(), this));
    layout->addWidget(m_hint);
    layout->addLayout(m_buttonGrid);
    layout->addWidget(split, 1);
    applyPlotTheme(m_plot, palette());
}

int ResultsView::rowCount() const
{
    return m_table->rowCount();
}

void ResultsView::fillRow(int row, const SessionRun& r)
{
    const QLocale locale;
    auto number = [&](double v, int decimals) { return locale.toString(v, 'f', decimals); };
    const QString none = QStringLiteral("–");
    const QStringList cells = {QDir(r.outputDir).dirName(),
                               r.cancelled ? tr("stopped") : tr("finished"),
                               methodText(r),
                               QStringLiteral("W%1/A%2").arg(r.wbits).arg(r.abits),
                               number(r.averageWeightBits, 2),
                               number(static_cast<double>(r.sizeBits) / 8.0 / 1024.0, 1),
                               r.evaluated ? number(r.fpTop1, 2) : none,
                               r.evaluated ? number(r.quantTop1, 2) : none,
                               number(r.seconds, 1),
                               r.device,
                               QString::number(r.seed)};
    for (int c = 0; c < ColumnCount; ++c) {
        auto* item = new QTableWidgetItem(cells.value(c));
        item->setToolTip(QDir::toNativeSeparators(r.outputDir) + (r.cancelled ? tr(" (stopped)") : QString()));
        if (c != Run && c != Status && c != Method && c != Device)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, c, item);
    }
}

QString ResultsView::currentRunDir() const
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (!selected.isEmpty()) {
        const int row = selected.first()->row();
        if (row >= 0 && row < m_runs.size())
            return m_runs[row].outputDir;
    }
    return m_runs.isEmpty() ? QString() : m_runs.last().outputDir;
}

void ResultsView::addRun(const SessionRun& run)
{
    // One row per output folder: a resumed run replaces its earlier row.
    const QString dir = QDir::cleanPath(run.outputDir);
    for (int i = 0; i < m_runs.size(); ++i) {
        if (QDir::cleanPath(m_runs[i].outputDir) != dir)
            continue;
        m_runs[i] = run;
        fillRow(i, run);
        updatePlot();
        emit runsChanged();
        return;
    }
    m_runs.append(run);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    fillRow(row, run);
    updatePlot();
    emit runsChanged();
}

void ResultsView::setRuns(const QList<SessionRun>& runs)
{
    m_runs = runs;
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(runs.size()));
    for (int i = 0; i < runs.size(); ++i)
        fillRow(i, runs[i]);
    updatePlot();
    emit runsChanged();
}

void ResultsView::removeSelectedRuns()
{
    QList<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.rbegin(), rows.rend());
    for (int row : rows) {
        m_runs.removeAt(row);
        m_table->removeRow(row);
    }
    if (!rows.isEmpty()) {
        updatePlot();
        emit runsChanged();
    }
}

QList<int> ResultsView::plottedRows() const
{
    QList<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty() && !m_runs.isEmpty())
        rows << static_cast<int>(m_runs.size() - 1);
    return rows;
}

void ResultsView::updatePlot()
{
    QList<RunCurves> curves;
    QStringList labels;
    for (int row : plottedRows()) {
        curves << readRunCurves(m_runs[row]);
        labels << runLabel(m_runs[row]);
    }
    plotRunCurves(m_plot, curves, labels);
    applyPlotTheme(m_plot, palette());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QList<QStringList> ResultsView::tableText() const
{
    QList<QStringList> rows;
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << m_table->horizontalHeaderItem(c)->text();
    header << tr("Folder");
    rows << header;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << m_table->item(r, c)->text();
        cells << QDir::toNativeSeparators(m_runs[r].outputDir);
        rows << cells;
    }
    return rows;
}

bool ResultsView::exportCsv(const QString& path, QString* error) const
{
    // Machine-readable figures, not the locale's formatting of the table.
    return writeResultsCsv(path, m_runs, error);
}

bool ResultsView::exportHtml(const QString& path, QString* error) const
{
    // The report's figure shows every run, in print colours, whatever the
    // screen shows.
    QCustomPlot figure;
    QList<RunCurves> curves;
    QStringList labels;
    for (const SessionRun& run : m_runs) {
        curves << readRunCurves(run);
        labels << runLabel(run);
    }
    plotRunCurves(&figure, curves, labels);
    applyPrintTheme(&figure);
    const QPixmap pixmap = figure.toPixmap(900, 560);
    // Each run's Per-layer and t-SNE results, where its folder keeps them.
    QString analyses;
    for (const SessionRun& run : m_runs)
        analyses += RunAnalysisReport::html(run);
    return writeResultsHtml(path, tableText(), {pixmap}, {tr("Loss and top-1 of every run")}, analyses, error);
}

void ResultsView::reportError(const QString& message)
{
    QMessageBox::critical(this, tr("Export Failed"), message);
}

void ResultsView::showExportCsvDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Results as CSV"),
                                                      QDir::home().filePath(QStringLiteral("results.csv")),
                                                      tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCsv(path, &error))
        reportError(error);
}

void ResultsView::showExportHtmlDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Results as HTML"),
                                                      QDir::home().filePath(QStringLiteral("results.html")),
                                                      tr("HTML files (*.html)"));
    QString error;
    if (!path.isEmpty() && !exportHtml(path, &error))
        reportError(error);
}

void ResultsView::flowButtons()
{
    // The width there is to fill: the scroll area's viewport around the page
    // (this widget is never narrower than its layout, so its own width would
    // always make room for one row).
    const int available = parentWidget() ? parentWidget()->width() : width();
    const int spacing = qMax(0, style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing));
    int widest = 0;
    for (QWidget* button : std::as_const(m_buttons))
        widest = qMax(widest, button->sizeHint().width());
    const int columns = qBound<int>(1, (available + spacing) / (widest + spacing), m_buttons.size());
    // Every button in one row where they all fit at their own widths.
    int total = 0;
    for (QWidget* button : std::as_const(m_buttons))
        total += button->sizeHint().width() + spacing;
    const int perRow = total <= available ? static_cast<int>(m_buttons.size()) : columns;
    if (perRow == m_buttonsPerRow)
        return;
    m_buttonsPerRow = perRow;
    for (QWidget* button : std::as_const(m_buttons))
        m_buttonGrid->removeWidget(button);
    for (int i = 0; i < m_buttons.size(); ++i)
        m_buttonGrid->addWidget(m_buttons[i], i / perRow, i % perRow);
    for (int c = 0; c <= m_buttons.size(); ++c)
        m_buttonGrid->setColumnStretch(c, c == perRow ? 1 : 0);
}

bool ResultsView::event(QEvent* event)
{
    // Follow the viewport the page is shown in (scrollable_page.h).
    if (event->type() == QEvent::ParentChange && parentWidget())
        parentWidget()->installEventFilter(this);
    return QWidget::event(event);
}

bool ResultsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        flowButtons();
    return QWidget::eventFilter(watched, event);
}

void ResultsView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange) {
        m_buttonsPerRow = 0;
        flowButtons();
    }
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPlotTheme(m_plot, palette());
}

} // namespace zsq::ui
