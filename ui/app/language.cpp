#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace zsq::ui {

namespace {
const char* kLanguageKey = "ui/language";
}

QList<LanguageChoice> shippedLanguages()
{
    // Native names are deliberately not translated.
    return {{QString(), QCoreApplication::translate("zsq::ui::Language", "System default")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString savedLanguage()
{
    return QSettings().value(QLatin1String(kLanguageKey)).toString();
}

void saveLanguage(const QString& code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QLatin1String(kLanguageKey));
    else
        settings.setValue(QLatin1String(kLanguageKey), code);
}

QList<QTranslator*> installTranslations(QCoreApplication& app, const QString& code, const QString& qmDirectory,
                                        bool* missing)
{
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (!code.isEmpty())
        QLocale::setDefault(locale);
    QList<QTranslator*> installed;
    // Qt's own strings: standard dialog buttons, context menus.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
        QCoreApplication::installTranslator(qt))
        installed << qt;
    else
        delete qt;
    auto* own = new QTranslator(&app);
    // The C locale (LANG=C, containers) reads English, plurals included.
    const QLocale ownLocale = locale.language() == QLocale::C ? QLocale(QLocale::English) : locale;
    const bool found = own->load(ownLocale, QStringLiteral("zsq"), QStringLiteral("_"), qmDirectory);
    if (found && QCoreApplication::installTranslator(own))
        installed << own;
    else
        delete own;
    if (missing)
        *missing = !found && locale.language() != QLocale::English && locale.language() != QLocale::C;
    return installed;
}

} // namespace zsq::ui
