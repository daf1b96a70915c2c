#pragma once
// The interface language: the languages shipped, the user's choice kept in
// QSettings (View ▸ Language), and installing the translators for one. Qt
// widgets set their texts when they are built, so a new choice applies from
// the next start; --lang and $ZSQ_LANG override the saved choice.
#include <QList>
#include <QString>

class QCoreApplication;
class QTranslator;

namespace zsq::ui {

struct LanguageChoice {
    QString code;        // "" = the system's language
    QString nativeName;  // in its own language, so anyone can find theirs
};

// System default first, then English and every shipped translation.
QList<LanguageChoice> shippedLanguages();

QString savedLanguage();
void saveLanguage(const QString& code);

// Installs Qt's own and ZSQ Studio's translators for `code` (empty: the
// system locale) from `qmDirectory` (":/i18n" in the application) and makes
// it the default locale. Returns the translators installed (deleting one
// uninstalls it); sets *missing when a non-English language has no ZSQ
// translation.
QList<QTranslator*> installTranslations(QCoreApplication& app, const QString& code, const QString& qmDirectory,
                                        bool* missing = nullptr);

} // namespace zsq::ui
