#include "language_menu.h"

#include <QActionGroup>

#include "language.h"

namespace zsq::ui {

LanguageMenu::LanguageMenu(QWidget* parent) : QMenu(tr("&Language"), parent)
{
    auto* group = new QActionGroup(this);
    const QString saved = savedLanguage();
    for (const LanguageChoice& choice : shippedLanguages()) {
        QAction* action = addAction(choice.nativeName);
        action->setCheckable(true);
        action->setData(choice.code);
        action->setChecked(choice.code == saved);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, choice] {
            saveLanguage(choice.code);
            emit languageChosen(choice.code, choice.nativeName);
        });
        if (choice.code.isEmpty())
            addSeparator();
    }
}

QAction* LanguageMenu::actionFor(const QString& code) const
{
    for (QAction* action : actions())
        if (!action->isSeparator() && action->data().toString() == code)
            return action;
    return nullptr;
}

} // namespace zsq::ui
