#pragma once
// The "What am I looking at?" texts of the Model, Training, Synthetic Images
// and Results tabs, in one place so that a teacher can read them side by side
// and translators see them together (the t-SNE and Per-layer tabs keep theirs
// next to their figures).
#include <QCoreApplication>
#include <QString>

namespace zsq::ui {

class ViewExplanations {
    Q_DECLARE_TR_FUNCTIONS(zsq::ui::ViewExplanations)
public:
    static QString model();
    static QString training();
    static QString syntheticImages();
    static QString results();
};

} // namespace zsq::ui
