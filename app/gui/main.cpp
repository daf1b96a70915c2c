// zsq-studio: the ZSQ Studio desktop application.
//   zsq-studio [--lang CODE] [--theme system|light|dark] [--screenshot FILE.png]
//              [--tab model|training|images|tsne|layers|results] [--script-demo OUTDIR] [MODEL]
// Without MODEL it opens the shipped demo model (or recovers the session of
// an instance that crashed). The language is the system's unless --lang or
// the environment variable ZSQ_LANG names one.
#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include "ui/app/language.h"
#include "ui/app/main_window.h"
#include "ui/plots/plot_theme.h"
#include "ui/app/script_demo.h"

namespace {

void printError(const QString& message)
{
    std::fprintf(stderr, "zsq-studio: %s\n", message.toLocal8Bit().constData());
}

// --lang CODE / --lang=CODE, else $ZSQ_LANG, else the choice saved from
// View > Language; empty means the system locale. Read before
// QCommandLineParser so that its --help text is translated.
QString requestedLanguage(const QStringList& arguments)
{
    const QString option = QStringLiteral("--lang");
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == option && i + 1 < arguments.size())
            return arguments[i + 1];
        if (arguments[i].startsWith(option + QLatin1Char('=')))
            return arguments[i].mid(option.size() + 1);
    }
    if (qEnvironmentVariableIsSet("ZSQ_LANG"))
        return qEnvironmentVariable("ZSQ_LANG");
    return zsq::ui::savedLanguage();
}

QIcon applicationIcon()
{
    QIcon icon;
    for (int size : {48, 128, 256})
        icon.addFile(QStringLiteral(":/icons/hicolor/%1x%1/zsq-studio.png").arg(size), QSize(size, size));
    return icon;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication::setOrganizationName(QStringLiteral("zsq-studio"));
    QApplication::setApplicationName(QStringLiteral("zsq-studio"));
    QApplication::setApplicationVersion(QStringLiteral(ZSQ_VERSION));
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("ZSQ Studio"));
    QApplication::setDesktopFileName(QStringLiteral("zsq-studio"));
    QApplication::setWindowIcon(applicationIcon());
    const QString language = requestedLanguage(QApplication::arguments());
    bool missing = false;
    zsq::ui::installTranslations(app, language, QStringLiteral(":/i18n"), &missing);
    if (missing)
        printError(QCoreApplication::translate("main", "no translation for language '%1', using English").arg(language));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "ZSQ Studio: zero-shot quantization of convolutional neural networks."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "User interface language, e.g. de or zh_CN (default: $ZSQ_LANG, "
                                            "else the choice in View > Language, else the system language)."),
        QCoreApplication::translate("main", "code"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save the main window as a PNG image once the model has loaded, "
                                            "then quit (exit status 2 when the model could not be loaded)."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption tabOption(
        QStringLiteral("tab"),
        QCoreApplication::translate("main", "Tab to show at start (and to capture with --screenshot): model, "
                                            "training, images, tsne, layers or results."),
        QCoreApplication::translate("main", "name"));
    const QCommandLineOption themeOption(
        QStringLiteral("theme"),
        QCoreApplication::translate("main", "Colours: system (default), light or dark."),
        QCoreApplication::translate("main", "name"));
    const QCommandLineOption scriptDemoOption(
        QStringLiteral("script-demo"),
        QCoreApplication::translate("main", "Run two short quantizations, a per-layer analysis and a t-SNE by "
                                            "themselves, save a PNG of every tab into the folder, then quit."),
        QCoreApplication::translate("main", "folder"));
    parser.addOption(langOption);
    parser.addOption(themeOption);
    parser.addOption(screenshotOption);
    parser.addOption(tabOption);
    parser.addOption(scriptDemoOption);
    parser.addPositionalArgument(QCoreApplication::translate("main", "model"),
                                 QCoreApplication::translate("main", "Model file to open (default: the demo model)."),
                                 QCoreApplication::translate("main", "[model]"));
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        printError(QCoreApplication::translate("main", "only one model file can be opened"));
        return 2;
    }

    // Screenshots use fresh settings (no recent files, no saved geometry) and
    // leave the user's alone.
    if (!zsq::ui::applyApplicationTheme(app, parser.value(themeOption))) {
        printError(QCoreApplication::translate("main", "unknown theme '%1' (system, light, dark)")
                       .arg(parser.value(themeOption)));
        return 2;
    }
    const QString screenshot = parser.value(screenshotOption);
    const QString scriptDemo = parser.value(scriptDemoOption);
    QTemporaryDir screenshotSettings;
    if (!screenshot.isEmpty() || !scriptDemo.isEmpty()) {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, screenshotSettings.path());
    }

    zsq::ui::MainWindow window;
    if (parser.isSet(tabOption)) {
        // In MainWindow::Tab order.
        const QStringList tabs = {QStringLiteral("model"), QStringLiteral("training"), QStringLiteral("images"),
                                  QStringLiteral("tsne"), QStringLiteral("layers"), QStringLiteral("results")};
        const qsizetype tab = tabs.indexOf(parser.value(tabOption));
        if (tab < 0) {
            printError(QCoreApplication::translate("main", "unknown tab '%1' (model, training, images, tsne, layers, results)")
                           .arg(parser.value(tabOption)));
            return 2;
        }
        window.tabs()->setCurrentIndex(static_cast<int>(tab));
    }
    if (!screenshot.isEmpty()) {
        window.setErrorDialogsEnabled(false);
        window.resize(1280, 800);
        QObject::connect(&window, &zsq::ui::MainWindow::loadFinished, &app,
                         [&window, screenshot](bool ok, const QString& message) {
                             if (!ok)
                                 printError(message);
                             // Let the layouts settle before grabbing.
                             QTimer::singleShot(250, &window, [&window, screenshot, ok] {
                                 if (!window.grab().save(screenshot, "PNG")) {
                                     printError(QCoreApplication::translate("main", "cannot write %1")
                                                    .arg(screenshot));
                                     QCoreApplication::exit(1);
                                     return;
                                 }
                                 QCoreApplication::exit(ok ? 0 : 2);
                             });
                         });
    }
    if (!scriptDemo.isEmpty()) {
        window.resize(1280, 800);
        // The demo model has its dataset; another model is quantized without data.
        const QString dataset = positional.isEmpty() ? QStringLiteral("fashion-mnist") : QStringLiteral("none");
        // Which tabs, sizes and time limits: tools/screenshots.sh sets them.
        QString optionsError;
        const auto options = zsq::ui::ScriptDemoOptions::fromEnvironment(scriptDemo, &optionsError);
        if (!optionsError.isEmpty()) {
            printError(optionsError);
            return 2;
        }
        auto* script = new zsq::ui::ScriptDemo(&window, scriptDemo, dataset, options);
        QObject::connect(script, &zsq::ui::ScriptDemo::done, &app, &QCoreApplication::exit);
    }
    window.show();
    // Screenshots never look at (or disturb) the user's recovery folder.
    bool recovered = false;
    if (screenshot.isEmpty() && scriptDemo.isEmpty())
        recovered = window.enableCrashRecovery();
    if (!positional.isEmpty())
        window.openFile(positional.first());
    else if (!recovered)
        window.openDemoModel();
    return QApplication::exec();
}
