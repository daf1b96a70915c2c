#include "model_view.h"

#include <QLabel>
#include <QVBoxLayout>

#include "ui/base/explanation_box.h"
#include "ui/analysis/layer_tree.h"
#include "model_header.h"
#include "preprocessing_editor.h"
#include "ui/base/view_explanations.h"

namespace zsq::ui {

ModelView::ModelView(QWidget* parent) : QStackedWidget(parent)
{
    m_placeholder = new QLabel(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    addWidget(m_placeholder);

    auto* page = new QWidget(this);
    m_header = new ModelHeader(page);
    m_preprocessing = new PreprocessingEditor(page);
    m_tree = new LayerTree(page);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(new ExplanationBox(ViewExplanations::model(), page));
    layout->addWidget(m_header);
    layout->addWidget(m_preprocessing);
    layout->addWidget(m_tree, 1);
    addWidget(page);

    showEmpty();
}

void ModelView::setSummary(const api::ModelSummary& summary)
{
    m_header->setSummary(summary);
    m_preprocessing->setSummary(summary);
    m_tree->setLayers(summary.layers);
    m_hasModel = true;
    setCurrentIndex(1);
}

void ModelView::setPreprocessingSummary(const api::ModelSummary& summary)
{
    m_header->setSummary(summary);
    m_preprocessing->setSummary(summary);
}

void ModelView::showEmpty(const QString& note)
{
    QString text = tr("No model is open.\nOpen one with File ▸ Open Model… or drop a model file onto this "
                      "window.");
    if (!note.isEmpty())
        text += QStringLiteral("\n\n") + note;
    m_placeholder->setText(text);
    m_hasModel = false;
    setCurrentIndex(0);
}

} // namespace zsq::ui
