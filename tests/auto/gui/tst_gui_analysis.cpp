// The GUI's analysis tabs end to end: real MainWindow, offscreen platform,
// t-SNE and per-layer analyses of the demo model on Fashion-MNIST through
// AnalysisController on its worker thread.
#include <QtTest>

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLabel>
#include <QJsonObject>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>

#include "ui/analysis/analysis_controller.h"
#include "ui/run/checkpoint_picker.h"
#include "api/quantization_run.h"
#include "ui/plots/layer_chart.h"
#include "ui/analysis/layer_table.h"
#include "ui/analysis/layer_view.h"
#include "ui/app/main_window.h"
#include "zsq_gui_test_util.h"
#include "qcustomplot.h"
#include "ui/run/run_panel.h"
#include "ui/plots/tsne_plot.h"
#include "ui/analysis/tsne_view.h"

using zsq::ui::AnalysisController;
using zsq::ui::MainWindow;
using zsq::ui::TsneFrame;

// The analyses of real test samples (and the ones building on their result).
#define REQUIRE_FASHION_MNIST()                                                                  \
    do {                                                                                         \
        if (!zsq::test::fashionMnistInstalled())                                                 \
            QSKIP("needs Fashion-MNIST, which is not installed (apt install dataset-fashion-mnist)"); \
    } while (false)

class TstGuiAnalysis : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void tabsExist();
    void tsneAnimatesAndFinishes();
    void tsneStopIsPrompt();
    void layerAnalysisFillsTable();
    void layerAnalysisShowsProgress();
    void suggestBitsWithinBudget();
    void editedBitsReachRunConfig();
    void checkpointPickerListsEachFileOnce();
    void cleanupTestCase();

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_out;
    MainWindow* m_window = nullptr;
};

void TstGuiAnalysis::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_out.isValid());
    zsq::test::isolateSettings(m_settingsDir.path());
    // The window and the demo model need no data; the analyses that read
    // Fashion-MNIST skip on their own (requireData), the rest run anyway.
    m_window = zsq::test::newTestWindow(1200, 800);
    const QString loadError = zsq::test::loadDemoModel(*m_window);
    QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
    zsq::ui::RunPanel* panel = m_window->runPanel();
    QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("fashion-mnist")));
    QVERIFY(panel->setParameter(QStringLiteral("wbits"), 4));
    QVERIFY(panel->setParameter(QStringLiteral("abits"), 4));
    QVERIFY(panel->setParameter(QStringLiteral("device"), QStringLiteral("cpu")));
}

void TstGuiAnalysis::tabsExist()
{
    QTabWidget* tabs = m_window->tabs();
    // Each page sits in a scroll area (so that it never widens the window).
    QVERIFY(tabs->widget(MainWindow::TsneTab)->isAncestorOf(m_window->tsneView()));
    QVERIFY(tabs->widget(MainWindow::LayersTab)->isAncestorOf(m_window->layerView()));
}

void TstGuiAnalysis::tsneAnimatesAndFinishes()
{
    REQUIRE_FASHION_MNIST();
    zsq::ui::TsneView* view = m_window->tsneView();
    m_window->tabs()->setCurrentIndex(MainWindow::TsneTab);
    view->setRealData(true, 400);
    view->setOptimisation(30, 0.5, 150);

    // What the scatter held when each frame arrived, before the job ended.
    QList<int> pointsPerFrame;
    QList<int> iterations;
    int total = 0;
    QSignalSpy finished(view, &zsq::ui::TsneView::finished);
    const QMetaObject::Connection probe = connect(
        view->controller(), &AnalysisController::tsneFrame, this, [&](const TsneFrame& f) {
            if (finished.isEmpty()) {
                pointsPerFrame << view->plot()->pointCount();
                iterations << f.iteration;
                total = f.total;
            }
        });
    view->start();
    QVERIFY(view->controller()->isActive());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
    disconnect(probe);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));

    // Animated: several frames, the first one mid-way, each with all points.
    qInfo("t-SNE frames shown before the end: %lld (iterations %s of %d)", static_cast<long long>(iterations.size()),
          qPrintable([&] {
              QStringList s;
              for (int i : iterations)
                  s << QString::number(i);
              return s.join(QLatin1Char(','));
          }()),
          total);
    QVERIFY(iterations.size() >= 3);
    QVERIFY(iterations.first() < total);
    for (int points : pointsPerFrame)
        QCOMPARE(points, 400);

    // Finished: figures, labelled points, thumbnails for the hover previews.
    QCOMPARE(view->plot()->pointCount(), 400);
    QVERIFY(view->result());
    QCOMPARE(view->result()->points.size(), std::size_t(400));
    const QString figures = view->figuresText();
    qInfo("%s", qPrintable(figures.simplified()));
    QVERIFY(figures.contains(QStringLiteral("KL")));
    // Out of early exaggeration (as `zsq tsne` runs it: KL 0.29 here).
    QVERIFY(view->result()->figures.value("kl_divergence", 99.0) < 0.6);
    QVERIFY(figures.contains(QStringLiteral("real")));
    QVERIFY(figures.contains(QStringLiteral("Silhouette")));
    QVERIFY(figures.contains(QStringLiteral("Intra-class angle")));
    QVERIFY(!view->plot()->thumbnail(0).isNull());
    QCOMPARE(view->plot()->thumbnail(0).width(), 28);
    QVERIFY(view->plot()->describe(0).contains(QStringLiteral("real")));

    // Hover with real mouse events: find a pixel on a point, move the mouse
    // there, and the read-out shows that point's class, source and image.
    m_window->tabs()->setCurrentIndex(MainWindow::TsneTab);
    QCustomPlot* canvas = view->plot()->plot();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QPoint onPoint(-1, -1);
    int hovered = -1;
    for (int y = 0; y < canvas->height() && hovered < 0; y += 3)
        for (int x = 0; x < canvas->width() && hovered < 0; x += 3)
            if ((hovered = view->plot()->pointAt(QPoint(x, y))) >= 0)
                onPoint = QPoint(x, y);
    QVERIFY(hovered >= 0);
    QTest::mouseMove(canvas, onPoint);
    QLabel* readOut = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        for (QLabel* label : canvas->findChildren<QLabel*>())
            if (label->isVisible() && label->text() == view->plot()->describe(hovered))
                readOut = label;
        return readOut != nullptr;
    }, 3000));
    bool imageShown = false;
    for (QLabel* label : canvas->findChildren<QLabel*>())
        imageShown |= label->isVisible() && !label->pixmap().isNull();
    QVERIFY(imageShown);
    // Away from every point the read-out goes.
    QPoint empty(-1, -1);
    for (int y = 0; y < canvas->height() && empty.x() < 0; y += 5)
        for (int x = 0; x < canvas->width() && empty.x() < 0; x += 5)
            if (view->plot()->pointAt(QPoint(x, y)) < 0 && (QPoint(x, y) - onPoint).manhattanLength() > 60)
                empty = QPoint(x, y);
    QTest::mouseMove(canvas, empty);
    QVERIFY(QTest::qWaitFor([&] { return !readOut->isVisible(); }, 3000));

    const QString png = m_out.filePath(QStringLiteral("tsne.png"));
    QVERIFY(view->exportPng(png));
    QVERIFY(QFileInfo(png).size() > 1000);
    QVERIFY(view->exportCsv(m_out.path()));
    QFile csv(m_out.filePath(QStringLiteral("tsne.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), 401);   // header + points
    QVERIFY(QFileInfo::exists(m_out.filePath(QStringLiteral("tsne.json"))));
}

void TstGuiAnalysis::tsneStopIsPrompt()
{
    REQUIRE_FASHION_MNIST();
    zsq::ui::TsneView* view = m_window->tsneView();
    view->setRealData(true, 1000);
    view->setOptimisation(30, 0.5, 5000);
    QSignalSpy frames(view->controller(), &AnalysisController::tsneFrame);
    QSignalSpy finished(view, &zsq::ui::TsneView::finished);
    view->start();
    QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 120000);
    QVERIFY(finished.isEmpty());
    QElapsedTimer clock;
    clock.start();
    view->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    const qint64 ms = clock.elapsed();
    qInfo("t-SNE stopped %lld ms after Stop", static_cast<long long>(ms));
    QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
    QVERIFY(finished.at(0).at(0).toBool());
    QVERIFY(!view->controller()->isActive());
    QCOMPARE(view->statusText(), QStringLiteral("Stopped."));
}

void TstGuiAnalysis::layerAnalysisFillsTable()
{
    REQUIRE_FASHION_MNIST();
    zsq::ui::LayerView* view = m_window->layerView();
    m_window->tabs()->setCurrentIndex(MainWindow::LayersTab);
    view->setLimit(200);
    view->setCandidateBits(QStringLiteral("2,4,8"));
    QSignalSpy finished(view, &zsq::ui::LayerView::finished);
    view->start();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 300000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    qInfo("%s", qPrintable(view->statusText()));
    QCOMPARE(view->table()->layerCount(), 11);
    QCOMPARE(view->chart()->barCount(), 11);
    QCOMPARE(view->table()->layerNames().first(), QStringLiteral("features.init_block.conv"));
    QCOMPARE(view->table()->layerNames().last(), QStringLiteral("output"));
    for (int bits : view->table()->bits())
        QCOMPARE(bits, 4);
    QCOMPARE(view->averageBits(), 4.0);
    // KL at W2, W4, W8 after the fixed columns and four figures.
    QCOMPARE(view->table()->columnCount(), zsq::ui::LayerTable::FirstFigureColumn + 4 + 3);
    view->chart()->setMetric(zsq::ui::LayerChart::Sqnr);
    QCOMPARE(view->chart()->barCount(), 11);
    // The figures are on the Run panel's split (test); the sensitivities that
    // Suggest Bits uses come from the validation split, as in
    // `zsq suggest-bits` (the GUI used the test split before).
    const QString figuresOn = QString::fromStdString(view->result()->data);
    const QString sensitivitiesOn = QString::fromStdString(view->result()->sensitivityData);
    qInfo("figures on %s; sensitivities on %s", qPrintable(figuresOn), qPrintable(sensitivitiesOn));
    QVERIFY(figuresOn.startsWith(QStringLiteral("fashion-mnist/test")));
    QVERIFY(sensitivitiesOn.startsWith(QStringLiteral("fashion-mnist/val")));
    QVERIFY(view->statusText().contains(sensitivitiesOn));
}

void TstGuiAnalysis::layerAnalysisShowsProgress()
{
    REQUIRE_FASHION_MNIST();
    // 1 000 samples are four batches: the rows appear after the first one,
    // long before the end, and the status says how long is left.
    zsq::ui::LayerView* view = m_window->layerView();
    view->setLimit(1000);
    view->setCandidateBits(QStringLiteral("2,4,8"));
    QSignalSpy finished(view, &zsq::ui::LayerView::finished);
    int partials = 0, rowsAtFirstPartial = -1;
    bool finishedBeforePartial = false;
    QStringList etaTexts;
    connect(view->controller(), &AnalysisController::layersPartial, this, [&] {
        if (partials++ == 0) {
            rowsAtFirstPartial = view->table()->layerCount();
            finishedBeforePartial = !finished.isEmpty();
        }
    });
    connect(view->controller(), &AnalysisController::progress, this, [&] {
        if (view->statusText().contains(QStringLiteral("left")))
            etaTexts << view->statusText();
    });
    view->start();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 300000);
    disconnect(view->controller(), nullptr, this, nullptr);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    qInfo("%d partial results; first ETA: %s", partials, qPrintable(etaTexts.value(0)));
    QVERIFY(partials >= 1);
    QCOMPARE(rowsAtFirstPartial, 11);
    QVERIFY(!finishedBeforePartial);
    QVERIFY(!etaTexts.isEmpty());
    QVERIFY(etaTexts.front().contains(QStringLiteral("% done")));
    QCOMPARE(view->table()->layerCount(), 11);
    QCOMPARE(view->result()->samples, qint64(1000));
    view->setLimit(200);
}

void TstGuiAnalysis::suggestBitsWithinBudget()
{
    REQUIRE_FASHION_MNIST();
    zsq::ui::LayerView* view = m_window->layerView();
    QCOMPARE(view->table()->layerCount(), 11);
    view->setBudget(4);
    QVERIFY2(view->suggestBits(), qPrintable(view->statusText()));
    const QVector<int> bits = view->table()->bits();
    QCOMPARE(bits.size(), 11);
    QStringList text;
    for (int b : bits) {
        QVERIFY(b == 2 || b == 4 || b == 8);
        text << QString::number(b);
    }
    qInfo("suggested bits %s, average %.3f: %s", qPrintable(text.join(QLatin1Char(','))), view->averageBits(),
          qPrintable(view->averageText()));
    QVERIFY(view->averageBits() <= 4.0 + 1e-9);
    QVERIFY(view->averageText().contains(QLocale().toString(view->averageBits(), 'f', 2)));
    // Mixed precision, not uniform 4 bits (the layers' sensitivities differ a lot).
    QVERIFY(bits != QVector<int>(11, 4));
    // What the table shows is what the run config gets.
    const QJsonObject layerBits = m_window->runPanel()->parameter(QStringLiteral("layer_bits")).toObject();
    for (int i = 0; i < bits.size(); ++i) {
        const QString name = view->table()->layerNames().at(i);
        QCOMPARE(layerBits.value(name).toInt(4), bits[i]);
    }
}

void TstGuiAnalysis::editedBitsReachRunConfig()
{
    REQUIRE_FASHION_MNIST();
    zsq::ui::LayerView* view = m_window->layerView();
    view->resetBits();
    QVERIFY(m_window->runPanel()->parameter(QStringLiteral("layer_bits")).toObject().isEmpty());
    // As the user would: click the row, change its spin box.
    const int row = 4;
    const QString name = view->table()->layerNames().at(row);
    QSpinBox* spin = view->table()->bitsEditor(row);
    QVERIFY(spin);
    spin->setValue(8);
    const QJsonObject layerBits = m_window->runPanel()->parameter(QStringLiteral("layer_bits")).toObject();
    QCOMPARE(layerBits.size(), 1);
    QCOMPARE(layerBits.value(name).toInt(), 8);
    const QJsonObject config =
        QJsonDocument::fromJson(m_window->runPanel()->configJson().toUtf8()).object();
    QCOMPARE(config.value(QStringLiteral("layer_bits")).toObject().value(name).toInt(), 8);
    zsq::api::validateRunConfig(m_window->runPanel()->configJson().toStdString());
    QVERIFY(view->averageBits() > 4.0);
}

// Both analysis tabs pick quantized students through this widget; a run's
// checkpoint offered twice (finished run, then browsed) must be listed once.
void TstGuiAnalysis::checkpointPickerListsEachFileOnce()
{
    zsq::ui::CheckpointPicker picker(QStringLiteral("none"), QStringLiteral("%1 (q)"));
    QCOMPARE(picker.currentPath(), QString());
    picker.addCheckpoint(QStringLiteral("/runs/lrq-a/quantized.zsq"));
    picker.addCheckpoint(QStringLiteral("/runs/gdfq-b/quantized.zsq"), true);
    picker.addCheckpoint(QStringLiteral("/runs/lrq-a/quantized.zsq"));
    QComboBox* combo = picker.comboBox();
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->itemText(1), QStringLiteral("lrq-a/quantized.zsq (q)"));
    QCOMPARE(picker.currentPath(), QStringLiteral("/runs/gdfq-b/quantized.zsq"));
    picker.addCheckpoint(QStringLiteral("/runs/lrq-a/quantized.zsq"), true);
    QCOMPARE(combo->count(), 3);
    QCOMPARE(picker.currentPath(), QStringLiteral("/runs/lrq-a/quantized.zsq"));
}

void TstGuiAnalysis::cleanupTestCase()
{
    delete m_window;
    m_window = nullptr;
}

QTEST_MAIN(TstGuiAnalysis)
#include "tst_gui_analysis.moc"
