#include "explanation_box.h"

#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace zsq::ui {

ExplanationBox::ExplanationBox(const QString& html, QWidget* parent) : QWidget(parent)
{
    m_toggle = new QToolButton(this);
    m_toggle->setText(tr("What am I looking at?"));
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_text = new QLabel(html, this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setContentsMargins(18, 0, 6, 6);
    m_text->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toggle);
    layout->addWidget(m_text);
    connect(m_toggle, &QToolButton::toggled, this, [this](bool open) {
        m_toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_text->setVisible(open);
    });
}

bool ExplanationBox::isExpanded() const
{
    return m_toggle->isChecked();
}

void ExplanationBox::setExpanded(bool expanded)
{
    m_toggle->setChecked(expanded);
}

} // namespace zsq::ui
