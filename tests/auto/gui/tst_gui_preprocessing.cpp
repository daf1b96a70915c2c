// The Model tab's preprocessing on real widgets: what a model says (or does
// not say) about its inputs, edits that are the Run panel's preprocessing.*
// keys (run config and session), the model read again with them, and Start
// asking before a run whose model is near chance on its dataset.
#include <QtTest>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>

#include <torch/torch.h>

#include "io/state_dict.h"
#include "ui/model/model_header.h"
#include "ui/model/model_view.h"
#include "models/zoo.h"
#include "ui/model/preprocessing_checker.h"
#include "ui/model/preprocessing_editor.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_panel.h"
#include "zsq_gui_test_util.h"

using zsq::ui::MainWindow;
using zsq::ui::PreprocessingEditor;
using zsq::ui::RunController;

namespace {

QJsonObject configOf(const MainWindow& window)
{
    return QJsonDocument::fromJson(window.runPanel()->configJson().toUtf8()).object();
}

QJsonObject preprocessingOf(const MainWindow& window)
{
    return configOf(window).value(QStringLiteral("preprocessing")).toObject();
}

// The visible message box, if any.
QMessageBox* openMessageBox()
{
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
        return box;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible())
            return box;
    return nullptr;
}

} // namespace

class TstGuiPreprocessing : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void demoModelSaysWhereItsPreprocessingComesFrom();
    void plainStateDictIsAssumed();
    void editsAreTheRunConfigsKeys();
    void settingsThatDoNotFitShowWhy();
    void sessionKeepsTheEdits();
    void checkOnDataset();
    void nearChanceAsksBeforeStarting();
    void questionDialogCancelAndStartAnyway();
    void goodModelStartsWithoutAsking();
    void cleanupTestCase();

private:
    bool openAndWait(const QString& path);
    bool waitForRefresh(bool* ok = nullptr);
    void tinyPtq(const QString& output);
    PreprocessingEditor* editor() const { return m_window->preprocessingEditor(); }

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_tmp;
    QString m_plainStateDict;
    MainWindow* m_window = nullptr;
};

void TstGuiPreprocessing::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_tmp.isValid());
    zsq::test::isolateSettings(m_settingsDir.path());
    m_window = zsq::test::newTestWindow(1100, 760);
    const QString loadError = zsq::test::loadDemoModel(*m_window);
    QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
    QVERIFY(editor());
}

bool TstGuiPreprocessing::openAndWait(const QString& path)
{
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    m_window->openFile(path);
    if (!QTest::qWaitFor([&] { return loaded.count() >= 1; }, 60000))
        return false;
    return loaded.at(0).at(0).toBool();
}

// Waits for the model to be read again after an edit (the editor waits a
// moment for more typing first).
bool TstGuiPreprocessing::waitForRefresh(bool* ok)
{
    QSignalSpy refreshed(m_window, &MainWindow::modelRefreshed);
    if (!refreshed.wait(60000))
        return false;
    if (ok)
        *ok = refreshed.at(0).at(0).toBool();
    return true;
}

void TstGuiPreprocessing::demoModelSaysWhereItsPreprocessingComesFrom()
{
    m_window->tabs()->setCurrentIndex(MainWindow::ModelTab);
    QVERIFY(editor()->isVisible());
    // The shipped checkpoint stores its preprocessing.
    QVERIFY2(editor()->sourceText().contains(QStringLiteral("checkpoint")), qPrintable(editor()->sourceText()));
    QVERIFY(!editor()->isAssumedNoteShown());
    // Nothing is overridden: the editors show the model's values as placeholders.
    QCOMPARE(editor()->inputSizeBox()->value(), -1);
    QVERIFY2(editor()->inputSizeBox()->specialValueText().contains(QStringLiteral("28")),
             qPrintable(editor()->inputSizeBox()->specialValueText()));
    QVERIFY(editor()->meanEdit()->text().isEmpty());
    QVERIFY(!editor()->meanEdit()->placeholderText().isEmpty());
    QVERIFY(!editor()->stdEdit()->placeholderText().isEmpty());
    QVERIFY(!editor()->classNamesEdit()->placeholderText().isEmpty());
    QVERIFY(preprocessingOf(*m_window).isEmpty());
}

void TstGuiPreprocessing::plainStateDictIsAssumed()
{
    // A state_dict as torch.save(model.state_dict()) writes it: no word
    // about its preprocessing.
    auto model = zsq::models::createModel(zsq::models::defaultInfo("fmnist"));
    c10::impl::GenericDict sd(c10::StringType::get(), c10::TensorType::get());
    for (const auto& [key, t] : zsq::io::stateDict(*model))
        sd.insert(key, t.detach());
    const std::vector<char> bytes = torch::pickle_save(sd);
    const QString path = m_tmp.filePath(QStringLiteral("plain_state_dict.pt"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes.data(), static_cast<qint64>(bytes.size())), static_cast<qint64>(bytes.size()));
    }
    m_plainStateDict = path;
    QVERIFY(openAndWait(path));
    QVERIFY2(editor()->sourceText().contains(QStringLiteral("assumed")), qPrintable(editor()->sourceText()));
    QVERIFY(editor()->isAssumedNoteShown());
    QVERIFY2(editor()->assumedNoteText().contains(QStringLiteral("plain_state_dict.pt")),
             qPrintable(editor()->assumedNoteText()));
    // Giving the mean and std is no longer a guess.
    editor()->meanEdit()->setFocus();
    QTest::keyClicks(editor()->meanEdit(), QStringLiteral("0.286"));
    QTest::keyClicks(editor()->stdEdit(), QStringLiteral("0.353"));
    QTRY_VERIFY_WITH_TIMEOUT(!editor()->isAssumedNoteShown(), 60000);
    QCOMPARE(preprocessingOf(*m_window).value(QStringLiteral("mean")).toArray(), QJsonArray{0.286});
    QVERIFY2(editor()->sourceText().contains(QStringLiteral("0.286")), qPrintable(editor()->sourceText()));

    // Preprocessing belongs to a model: the demo model starts from its own.
    QVERIFY(openAndWait(QString::fromStdString(zsq::api::demoModelPath())));
    QVERIFY(preprocessingOf(*m_window).isEmpty());
    QVERIFY(editor()->meanEdit()->text().isEmpty());
    QVERIFY(!editor()->isAssumedNoteShown());
}

void TstGuiPreprocessing::editsAreTheRunConfigsKeys()
{
    zsq::ui::RunPanel* panel = m_window->runPanel();
    QSignalSpy changed(panel, &zsq::ui::RunPanel::settingsChanged);
    editor()->meanEdit()->setFocus();
    QTest::keyClicks(editor()->meanEdit(), QStringLiteral("0.5"));
    QVERIFY(changed.count() > 0);
    QVERIFY2(panel->configJson().contains(QStringLiteral("\"mean\":[0.5]")), qPrintable(panel->configJson()));
    // The advanced form shows the same key.
    auto* advanced = panel->findChild<QLineEdit*>(QStringLiteral("preprocessing.mean"));
    QVERIFY(advanced);
    QCOMPARE(advanced->text(), QStringLiteral("0.5"));
    // And the other way round.
    QVERIFY(panel->setParameter(QStringLiteral("preprocessing.std"), QJsonArray{0.25}));
    QCOMPARE(editor()->stdEdit()->text(), QStringLiteral("0.25"));
    QVERIFY(panel->setParameter(QStringLiteral("preprocessing.resize"), QStringLiteral("resize")));
    QCOMPARE(editor()->resizeBox()->currentData().toString(), QStringLiteral("resize"));

    // An input size: the model is read again and the header shows it.
    editor()->inputSizeBox()->setValue(32);
    QCOMPARE(preprocessingOf(*m_window).value(QStringLiteral("input_size")).toInt(), 32);
    bool ok = false;
    QVERIFY(waitForRefresh(&ok));
    QVERIFY(ok);
    QTRY_COMPARE(m_window->modelView()->header()->valueText(QStringLiteral("input")), QStringLiteral("1 × 32 × 32"));
    QVERIFY2(editor()->sourceText().contains(QStringLiteral("32")), qPrintable(editor()->sourceText()));
    QVERIFY(editor()->errorText().isEmpty());

    // Back to the model's own.
    editor()->inputSizeBox()->setValue(-1);
    editor()->resizeBox()->setCurrentIndex(0);
    editor()->meanEdit()->clear();
    editor()->stdEdit()->clear();
    QVERIFY2(preprocessingOf(*m_window).isEmpty(), qPrintable(panel->configJson()));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->modelView()->header()->valueText(QStringLiteral("input")),
                              QStringLiteral("1 × 28 × 28"), 60000);
}

void TstGuiPreprocessing::settingsThatDoNotFitShowWhy()
{
    // Three means for a one-channel model.
    editor()->meanEdit()->setText(QStringLiteral("0.1, 0.2, 0.3"));
    bool ok = true;
    QVERIFY(waitForRefresh(&ok));
    QVERIFY(!ok);
    QVERIFY2(editor()->errorText().contains(QStringLiteral("mean")), qPrintable(editor()->errorText()));
    // The header keeps the last values that fit.
    QCOMPARE(m_window->modelView()->header()->valueText(QStringLiteral("input")), QStringLiteral("1 × 28 × 28"));
    // Text that is no list at all: core names the key.
    editor()->meanEdit()->setText(QStringLiteral("half"));
    QVERIFY(waitForRefresh(&ok));
    QVERIFY(!ok);
    QVERIFY2(editor()->errorText().contains(QStringLiteral("preprocessing.mean")), qPrintable(editor()->errorText()));
    editor()->meanEdit()->clear();
    QVERIFY(waitForRefresh(&ok));
    QVERIFY(ok);
    QVERIFY(editor()->errorText().isEmpty());
}

void TstGuiPreprocessing::sessionKeepsTheEdits()
{
    editor()->meanEdit()->setText(QStringLiteral("0.3"));
    editor()->stdEdit()->setText(QStringLiteral("0.4"));
    editor()->inputSizeBox()->setValue(30);
    editor()->resizeBox()->setCurrentIndex(editor()->resizeBox()->findData(QStringLiteral("resize")));
    QVERIFY(waitForRefresh());
    const QString path = m_tmp.filePath(QStringLiteral("preprocessing.zsqsession"));
    QVERIFY(m_window->saveSessionAs(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY2(saved.contains("\"preprocessing\""), saved.constData());
    QVERIFY2(saved.contains("0.3") && saved.contains("0.4"), saved.constData());

    m_window->newSession();
    QVERIFY(preprocessingOf(*m_window).isEmpty());
    QVERIFY(editor()->meanEdit()->text().isEmpty());
    QCOMPARE(editor()->inputSizeBox()->value(), -1);

    QVERIFY(m_window->openSession(path));
    const QJsonObject p = preprocessingOf(*m_window);
    QCOMPARE(p.value(QStringLiteral("mean")).toArray(), QJsonArray{0.3});
    QCOMPARE(p.value(QStringLiteral("std")).toArray(), QJsonArray{0.4});
    QCOMPARE(p.value(QStringLiteral("input_size")).toInt(), 30);
    QCOMPARE(p.value(QStringLiteral("resize")).toString(), QStringLiteral("resize"));
    QCOMPARE(editor()->meanEdit()->text(), QStringLiteral("0.3"));
    QCOMPARE(editor()->stdEdit()->text(), QStringLiteral("0.4"));
    QCOMPARE(editor()->inputSizeBox()->value(), 30);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->modelView()->header()->valueText(QStringLiteral("input")),
                              QStringLiteral("1 × 30 × 30"), 60000);

    // A session of another model than the open one: its settings wait for
    // its model, and that model's own preprocessing does not replace them.
    m_window->newSession();
    QVERIFY(openAndWait(m_plainStateDict));
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    QVERIFY(m_window->openSession(path));
    QVERIFY(loaded.wait(60000));
    QVERIFY(loaded.at(0).at(0).toBool());
    QCOMPARE(QFileInfo(m_window->currentPath()).fileName(), QStringLiteral("fmnist_resnet8.zsq"));
    QCOMPARE(preprocessingOf(*m_window).value(QStringLiteral("mean")).toArray(), QJsonArray{0.3});
    QCOMPARE(editor()->meanEdit()->text(), QStringLiteral("0.3"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->modelView()->header()->valueText(QStringLiteral("input")),
                              QStringLiteral("1 × 30 × 30"), 60000);
    m_window->newSession();
    QVERIFY(preprocessingOf(*m_window).isEmpty());
}

void TstGuiPreprocessing::tinyPtq(const QString& output)
{
    zsq::ui::RunPanel* panel = m_window->runPanel();
    QVERIFY(panel->setParameter(QStringLiteral("method"), QStringLiteral("ptq")));
    QVERIFY(panel->setParameter(QStringLiteral("dataset"), QStringLiteral("fashion-mnist")));
    QVERIFY(panel->setParameter(QStringLiteral("output"), output));
    QVERIFY(panel->setParameter(QStringLiteral("ptq.iterations"), 3));
    QVERIFY(panel->setParameter(QStringLiteral("threads"), 2));
}

void TstGuiPreprocessing::checkOnDataset()
{
    if (!zsq::test::fashionMnistInstalled())
        QSKIP("Fashion-MNIST is not installed (apt install dataset-fashion-mnist)");
    tinyPtq(m_tmp.filePath(QStringLiteral("unused")));
    // The model's own preprocessing: far above chance.
    editor()->checkButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(editor()->checkButton()->isEnabled(), 120000);
    const QString good = editor()->checkText();
    qInfo("check with the model's preprocessing: %s", qPrintable(good));
    QVERIFY2(good.contains(QStringLiteral("fashion-mnist")) && !good.contains(QStringLiteral("near chance")),
             qPrintable(good));

    // A mean far from the data's: every image looks alike to the model.
    editor()->meanEdit()->setText(QStringLiteral("5"));
    QVERIFY(editor()->checkText().isEmpty());   // the old result belongs to other settings
    editor()->checkButton()->click();
    QVERIFY(!editor()->checkButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(editor()->checkButton()->isEnabled(), 120000);
    const QString bad = editor()->checkText();
    qInfo("check with mean 5: %s", qPrintable(bad));
    QVERIFY2(bad.contains(QStringLiteral("near chance")), qPrintable(bad));
    // Both results are remembered for their settings.
    editor()->meanEdit()->clear();
    QCOMPARE(editor()->checkText(), good);
    editor()->meanEdit()->setText(QStringLiteral("5"));
    QCOMPARE(editor()->checkText(), bad);
}

void TstGuiPreprocessing::nearChanceAsksBeforeStarting()
{
    if (!zsq::test::fashionMnistInstalled())
        QSKIP("Fashion-MNIST is not installed (apt install dataset-fashion-mnist)");
    const QString output = m_tmp.filePath(QStringLiteral("near-chance"));
    tinyPtq(output);
    // Settings not checked yet, and far from the model's own.
    editor()->meanEdit()->setText(QStringLiteral("4"));
    m_window->setNearChanceAnswer(MainWindow::NearChanceAnswer::Cancel);
    QSignalSpy asked(m_window, &MainWindow::nearChanceAsked);
    QSignalSpy done(m_window, &MainWindow::runFinished);
    QSignalSpy state(m_window->runController(), &RunController::stateChanged);
    m_window->startAction()->trigger();
    // The check runs first; Start waits for it.
    QVERIFY(m_window->isStartPending());
    QVERIFY(!m_window->startAction()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 120000);
    QCOMPARE(asked.count(), 1);
    const QString reason = asked.at(0).at(0).toString();
    qInfo("reason: %s", qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("near chance")) && reason.contains(QStringLiteral("fashion-mnist")),
             qPrintable(reason));
    QVERIFY(!done.at(0).at(0).toBool());
    QVERIFY(done.at(0).at(1).toString().contains(QStringLiteral("Not started")));
    // Nothing ran, nothing was written.
    QCOMPARE(state.count(), 0);
    QVERIFY(!QFileInfo::exists(output));
    QVERIFY(!m_window->isStartPending());
    QVERIFY(m_window->startAction()->isEnabled());
    QVERIFY(editor()->isEnabled());

    // The check is remembered: the next Start asks at once.
    m_window->startAction()->trigger();
    QCOMPARE(done.count(), 2);
    QCOMPARE(asked.count(), 2);
    QCOMPARE(state.count(), 0);
    // With error dialogs off, Ask does not start either.
    m_window->setNearChanceAnswer(MainWindow::NearChanceAnswer::Ask);
    m_window->startAction()->trigger();
    QCOMPARE(done.count(), 3);
    QCOMPARE(asked.count(), 3);
    QCOMPARE(state.count(), 0);

    // Stop while Start waits for the check: nothing starts, then or later.
    editor()->meanEdit()->setText(QStringLiteral("3"));
    m_window->startAction()->trigger();
    QVERIFY(m_window->isStartPending());
    QVERIFY(m_window->stopAction()->isEnabled());
    m_window->stopAction()->trigger();
    QCOMPARE(done.count(), 4);
    QVERIFY(done.at(3).at(1).toString().contains(QStringLiteral("Not started")));
    QVERIFY(!m_window->isStartPending());
    QVERIFY(m_window->startAction()->isEnabled());
    const QString key = zsq::ui::PreprocessingChecker::keyFor(m_window->runPanel()->configJson());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->preprocessingChecker()->cached(key, nullptr), 120000);
    QTest::qWait(200);
    QCOMPARE(state.count(), 0);
    QCOMPARE(done.count(), 4);
    QCOMPARE(asked.count(), 3);
    editor()->meanEdit()->setText(QStringLiteral("4"));
}

void TstGuiPreprocessing::questionDialogCancelAndStartAnyway()
{
    if (!zsq::test::fashionMnistInstalled())
        QSKIP("Fashion-MNIST is not installed (apt install dataset-fashion-mnist)");
    // The near-chance settings of the previous test, now with the real question.
    QCOMPARE(editor()->meanEdit()->text(), QStringLiteral("4"));
    const QString output = m_tmp.filePath(QStringLiteral("anyway"));
    QVERIFY(m_window->runPanel()->setParameter(QStringLiteral("output"), output));
    m_window->setNearChanceAnswer(MainWindow::NearChanceAnswer::Ask);
    m_window->setErrorDialogsEnabled(true);
    QSignalSpy done(m_window, &MainWindow::runFinished);
    QSignalSpy state(m_window->runController(), &RunController::stateChanged);

    QString question;
    auto answer = [&question](bool start) {
        QTimer::singleShot(50, qApp, [&question, start] {
            QMessageBox* box = nullptr;
            if (!QTest::qWaitFor([&] { return (box = openMessageBox()) != nullptr; }, 10000))
                return;
            question = box->objectName() + QLatin1Char('|') + box->text();
            for (QAbstractButton* button : box->buttons())
                if ((box->buttonRole(button) == QMessageBox::AcceptRole) == start) {
                    button->click();
                    return;
                }
        });
    };
    answer(false);
    m_window->startAction()->trigger();
    QCOMPARE(done.count(), 1);
    QVERIFY2(question.startsWith(QStringLiteral("nearChanceQuestion|")), qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("near chance")), qPrintable(question));
    QCOMPARE(state.count(), 0);

    answer(true);
    question.clear();
    m_window->startAction()->trigger();
    QVERIFY(!question.isEmpty());
    QVERIFY(state.count() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 300000);
    m_window->setErrorDialogsEnabled(false);
    QVERIFY2(done.at(1).at(0).toBool(), qPrintable(done.at(1).at(1).toString()));
    QVERIFY(QFileInfo::exists(QDir(output).filePath(QStringLiteral("result.json"))));
}

void TstGuiPreprocessing::goodModelStartsWithoutAsking()
{
    if (!zsq::test::fashionMnistInstalled())
        QSKIP("Fashion-MNIST is not installed (apt install dataset-fashion-mnist)");
    const QString output = m_tmp.filePath(QStringLiteral("good"));
    tinyPtq(output);
    editor()->meanEdit()->clear();
    QVERIFY(preprocessingOf(*m_window).isEmpty());
    m_window->setNearChanceAnswer(MainWindow::NearChanceAnswer::Cancel);
    QSignalSpy asked(m_window, &MainWindow::nearChanceAsked);
    QSignalSpy done(m_window, &MainWindow::runFinished);
    m_window->startAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->runController()->isActive(), 120000);
    // The preprocessing stays as it is while the run uses it.
    QVERIFY(!editor()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 300000);
    QVERIFY(editor()->isEnabled());
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    QCOMPARE(asked.count(), 0);
    QVERIFY(QFileInfo::exists(QDir(output).filePath(QStringLiteral("result.json"))));
}

void TstGuiPreprocessing::cleanupTestCase()
{
    delete m_window;
    m_window = nullptr;
}

QTEST_MAIN(TstGuiPreprocessing)
#include "tst_gui_preprocessing.moc"
