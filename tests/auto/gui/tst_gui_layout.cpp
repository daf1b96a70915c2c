// Layouts that fit a projector: at 1024x700 the main window's minimum width
// stays within the screen after every tab, after a per-layer result with long
// layer names, in presentation mode, in English, German and Chinese; and
// opening the Per-layer tab does not crush the Run dock. Needs no data set
// (the per-layer result is made up; no job runs).
#include <cmath>
#include <memory>

#include <QDockWidget>
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

#include "analysis/layer_analysis.h"
#include "ui/analysis/analysis_controller.h"
#include "ui/analysis/layer_view.h"
#include "ui/app/language.h"
#include "ui/app/main_window.h"
#include "ui/run/run_panel.h"
#include "qcustomplot.h"
#include "ui/plots/layer_chart.h"
#include "ui/plots/loss_plot.h"
#include "ui/analysis/layer_table.h"
#include "ui/app/presentation_mode.h"
#include "ui/run/run_status.h"
#include "ui/run/run_types.h"
#include "zsq_gui_test_util.h"
#include "zsq_made_up_results.h"

using zsq::ui::MainWindow;

namespace {
constexpr int kScreenWidth = 1024;
constexpr int kScreenHeight = 700;

using zsq::test::madeUpLayerResult;

int settle(MainWindow& w)
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    QTest::qWait(20);
    return w.minimumSizeHint().width();
}
} // namespace

class TstGuiLayout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        zsq::test::isolateSettings(m_settings.path());
    }

    void minimumWidthStaysBounded_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QString();
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void minimumWidthStaysBounded()
    {
        QFETCH(QString, language);
        QList<QTranslator*> installed;
        if (!language.isEmpty())
            installed = zsq::ui::installTranslations(*qApp, language, QStringLiteral(ZSQ_QM_DIR));
        auto* window = zsq::test::newTestWindow(kScreenWidth, kScreenHeight);
        QStringList report;
        auto check = [&](const QString& what) {
            const int width = settle(*window);
            report << QStringLiteral("%1 %2").arg(what).arg(width);
            return width;
        };
        int widest = check(QStringLiteral("start"));
        for (int tab = 0; tab < window->tabs()->count(); ++tab) {
            window->tabs()->setCurrentIndex(tab);
            widest = qMax(widest, check(QStringLiteral("tab%1").arg(tab)));
        }
        // A finished per-layer analysis with long layer names.
        window->tabs()->setCurrentIndex(MainWindow::LayersTab);
        emit window->layerView()->controller()->layersFinished(madeUpLayerResult());
        widest = qMax(widest, check(QStringLiteral("layers-result")));
        // Accuracy bars start at 0 (an axis from ~84 % exaggerated a 1-point drop).
        QCOMPARE(window->layerView()->chart()->plot()->yAxis->range().lower, 0.0);
        // The Run dock keeps a usable width beside the Per-layer tab.
        auto* dock = window->findChild<QDockWidget*>(QStringLiteral("runDock"));
        QVERIFY(dock);
        const int dockWidth = dock->width();
        report << QStringLiteral("run dock %1").arg(dockWidth);
        // Presentation mode (larger fonts) and back.
        window->setPresentationMode(true);
        for (int tab = 0; tab < window->tabs()->count(); ++tab) {
            window->tabs()->setCurrentIndex(tab);
            widest = qMax(widest, check(QStringLiteral("presentation-tab%1").arg(tab)));
        }
        window->setPresentationMode(false);
        widest = qMax(widest, check(QStringLiteral("after presentation")));
        qInfo("%s: %s", qPrintable(language.isEmpty() ? QStringLiteral("en") : language),
              qPrintable(report.join(QStringLiteral(", "))));
        delete window;
        qDeleteAll(installed);
        QLocale::setDefault(QLocale::c());
        QVERIFY2(widest <= kScreenWidth, qPrintable(report.join(QStringLiteral(", "))));
        QVERIFY2(dockWidth >= 250, qPrintable(report.join(QStringLiteral(", "))));
    }

    void lossLegendsLeaveTheCurvesFree()
    {
        // The Training tab's legends sat inside the plots' top-right corner and
        // hid the curves' newest points at 1024x768: now beside the plots, a
        // legend never overlaps an axis rect, and every rect keeps most of the
        // width.
        zsq::ui::LossPlot plot;
        plot.resize(620, 420); // the Training tab's plot at 1024x768 beside the Run dock
        plot.show();
        QList<zsq::ui::LossSample> samples;
        for (qint64 it = 1; it <= 50; ++it)
            for (const char* name : {"G/ce", "G/bns", "G/total", "S/kd", "S/total"})
                samples.push_back({it, QString::fromLatin1(name), 1.0 / static_cast<double>(it)});
        plot.addSamples(samples);
        plot.addEvaluationAt(50, 80.0);
        QCustomPlot* canvas = plot.plot();
        canvas->replot(QCustomPlot::rpImmediateRefresh);
        int legends = 0;
        for (QCPLayoutElement* element : canvas->plotLayout()->elements(true)) {
            auto* legend = qobject_cast<QCPLegend*>(element);
            if (!legend || !legend->visible())
                continue;
            ++legends;
            QVERIFY(legend->itemCount() > 0);
            for (QCPAxisRect* rect : canvas->axisRects())
                QVERIFY2(!legend->outerRect().intersects(rect->rect()),
                         qPrintable(QStringLiteral("a legend (%1 items) over a plot").arg(legend->itemCount())));
        }
        QCOMPARE(legends, 2);
        for (QCPAxisRect* rect : canvas->axisRects())
            QVERIFY2(rect->width() >= canvas->width() / 2, qPrintable(QString::number(rect->width())));
    }

    void layerLabelsLeaveTheBarsRoom()
    {
        // Rotated full names ("stage1.unit1.body.conv1") took half the
        // chart's height; shortened, the bars keep most of it.
        zsq::ui::LayerChart chart;
        chart.resize(760, 380);
        chart.setResult(*madeUpLayerResult());
        chart.show();
        QCustomPlot* plot = chart.plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(plot->xAxis->ticker());
        QVERIFY(ticker);
        QCOMPARE(ticker->ticks().value(1), QStringLiteral("s1.u1.b.conv1"));
        const double share = static_cast<double>(plot->axisRect()->height()) / plot->height();
        qInfo("bars' share of the chart's height: %.2f", share);
        QVERIFY2(share >= 0.6, qPrintable(QString::number(share)));
        // 54 names on ~700 px ran into one another: every k-th layer is named
        // instead, each rotated label with its line's width of room.
        const double room = static_cast<double>(plot->axisRect()->width()) / 54 *
                            (ticker->ticks().size() > 1 ? ticker->ticks().keys().at(1) - ticker->ticks().keys().at(0) : 54);
        const double needs = QFontMetricsF(plot->xAxis->tickLabelFont()).height() / std::sin(50 * M_PI / 180);
        qInfo("%lld of 54 layers named, %.1f px apart (a label needs %.1f)", static_cast<long long>(ticker->ticks().size()),
              room, needs);
        QVERIFY2(room >= needs, qPrintable(QStringLiteral("%1 < %2").arg(room).arg(needs)));
        QVERIFY(ticker->ticks().size() >= 10);
        // The legend (before / after) sits above the bars, not over them.
        QVERIFY(plot->legend->visible());
        QVERIFY(!plot->legend->outerRect().intersects(plot->axisRect()->rect()));
    }

    void presentationScalesLegendsAndTables()
    {
        // Presentation mode enlarged the fonts but not the plots' legends
        // (fixed at 8 pt) nor the Per-layer columns (their old widths: "c…").
        std::unique_ptr<MainWindow> window(zsq::test::newTestWindow(kScreenWidth, kScreenHeight));
        window->tabs()->setCurrentIndex(MainWindow::LayersTab);
        emit window->layerView()->controller()->layersFinished(madeUpLayerResult());
        settle(*window);
        auto lossLegend = [&] {
            for (QCPLayoutElement* element : window->lossPlot()->plot()->plotLayout()->elements(true))
                if (auto* legend = qobject_cast<QCPLegend*>(element))
                    return legend->font().pointSizeF();
            return -1.0;
        };
        zsq::ui::LayerTable* table = window->layerView()->table();
        const double lossBefore = lossLegend();
        const double chartBefore = window->layerView()->chart()->plot()->legend->font().pointSizeF();
        const int nameBefore = table->columnWidth(zsq::ui::LayerTable::NameColumn);
        const int sqnrBefore = table->columnWidth(zsq::ui::LayerTable::FirstFigureColumn + 2);
        QVERIFY(lossBefore > 0);
        // A run going: its speed read-out sits in the status bar.
        zsq::ui::RunStatus* status = window->runStatus();
        status->reset();
        status->show();
        zsq::ui::RunProgress progress;
        progress.stage = QStringLiteral("training");
        progress.current = 40;
        progress.total = 100;
        progress.etaSeconds = 75;
        progress.stepsPerSecond = 2.5;
        status->setProgress(progress);
        window->setPresentationMode(true);
        settle(*window);
        // The presentation hint stays left of the read-out, whole.
        const QString hint = window->statusBar()->currentMessage();
        const int hintRight = 6 + window->statusBar()->fontMetrics().horizontalAdvance(hint);
        qInfo("status bar %d px: hint ends at %d px, run status from %d px (%s)", window->statusBar()->width(),
              hintRight, status->mapTo(window->statusBar(), QPoint(0, 0)).x(), qPrintable(status->text()));
        QVERIFY(!hint.isEmpty());
        QVERIFY2(!hint.endsWith(QChar(0x2026)), qPrintable(hint));   // whole, not elided
        QVERIFY2(hintRight <= status->mapTo(window->statusBar(), QPoint(0, 0)).x(), qPrintable(hint));
        const double scale = window->presentationMode()->fontScale();
        qInfo("legend %.1f -> %.1f pt, layer legend %.1f -> %.1f pt, name column %d -> %d px, SQNR column %d -> %d px",
              lossBefore, lossLegend(), chartBefore, window->layerView()->chart()->plot()->legend->font().pointSizeF(),
              nameBefore, table->columnWidth(zsq::ui::LayerTable::NameColumn), sqnrBefore,
              table->columnWidth(zsq::ui::LayerTable::FirstFigureColumn + 2));
        QVERIFY(lossLegend() >= 0.95 * scale * lossBefore);
        QVERIFY(window->layerView()->chart()->plot()->legend->font().pointSizeF() >= 0.95 * scale * chartBefore);
        QVERIFY(table->columnWidth(zsq::ui::LayerTable::NameColumn) > 1.3 * nameBefore);
        // Every header fits its column (none elided).
        const QFontMetrics header = table->horizontalHeader()->fontMetrics();
        for (int c = 0; c < table->columnCount(); ++c)
            QVERIFY2(table->columnWidth(c) >= header.horizontalAdvance(table->horizontalHeaderItem(c)->text()),
                     qPrintable(table->horizontalHeaderItem(c)->text()));
        // A view the program chooses (a finished run shows Results) comes
        // with its own tab: its page used to come up under the label of the
        // view the mode started with.
        window->tabs()->setCurrentIndex(MainWindow::ResultsTab);
        settle(*window);
        for (int i = 0; i < window->tabs()->count(); ++i)
            QCOMPARE(window->tabs()->isTabVisible(i), i == MainWindow::ResultsTab);
        window->setPresentationMode(false);
        settle(*window);
        QCOMPARE(lossLegend(), lossBefore);
        for (int i = 0; i < window->tabs()->count(); ++i)
            QVERIFY(window->tabs()->isTabVisible(i));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TstGuiLayout)
#include "tst_gui_layout.moc"
