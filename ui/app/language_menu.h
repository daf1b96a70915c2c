#pragma once
// View ▸ Language: one checkable entry per shipped language (and the system
// default); choosing one saves it and says that it applies from the next
// start.
#include <QMenu>

namespace zsq::ui {

class LanguageMenu : public QMenu {
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget* parent = nullptr);

    // The entry for a language code ("" = system default), or nullptr.
    QAction* actionFor(const QString& code) const;

signals:
    // After the choice was saved; nativeName is the language's own name.
    void languageChosen(const QString& code, const QString& nativeName);
};

} // namespace zsq::ui
