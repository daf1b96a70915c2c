#pragma once
// A collapsible "What am I looking at?" note above a view: a flat toggle
// button and a word-wrapped rich-text label, closed by default so that the
// plot keeps its room once the user knows the view.
#include <QWidget>

class QLabel;
class QToolButton;

namespace zsq::ui {

class ExplanationBox : public QWidget {
    Q_OBJECT
public:
    ExplanationBox(const QString& html, QWidget* parent = nullptr);

    bool isExpanded() const;
    void setExpanded(bool expanded);
    QLabel* label() const { return m_text; }

private:
    QToolButton* m_toggle = nullptr;
    QLabel* m_text = nullptr;
};

} // namespace zsq::ui
