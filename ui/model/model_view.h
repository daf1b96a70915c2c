#pragma once
// The main window's central widget: a hint while no model is open, else the
// model's header and its preprocessing above its layer tree.
#include <QStackedWidget>

#include "api/model_summary.h"

class QLabel;

namespace zsq::ui {

class LayerTree;
class ModelHeader;
class PreprocessingEditor;

class ModelView : public QStackedWidget {
    Q_OBJECT
public:
    explicit ModelView(QWidget* parent = nullptr);

    void setSummary(const zsq::api::ModelSummary& summary);
    // The same model read again with other preprocessing settings: the
    // header and the preprocessing change, the layer tree stays as it is.
    void setPreprocessingSummary(const zsq::api::ModelSummary& summary);
    // Shows the empty page with `note` (e.g. why the demo model is missing).
    void showEmpty(const QString& note = QString());
    bool hasModel() const { return m_hasModel; }

    ModelHeader* header() const { return m_header; }
    PreprocessingEditor* preprocessingEditor() const { return m_preprocessing; }
    LayerTree* layerTree() const { return m_tree; }

private:
    QLabel* m_placeholder = nullptr;
    ModelHeader* m_header = nullptr;
    PreprocessingEditor* m_preprocessing = nullptr;
    LayerTree* m_tree = nullptr;
    bool m_hasModel = false;
};

} // namespace zsq::ui
