#pragma once
// The main window's central widget: a hint while no model is open, else the
// model's header above its layer tree.
#include <QStackedWidget>

#include "api/model_summary.h"

class QLabel;

namespace zsq::ui {

class LayerTree;
class ModelHeader;

class ModelView : public QStackedWidget {
    Q_OBJECT
public:
    explicit ModelView(QWidget* parent = nullptr);

    void setSummary(const zsq::api::ModelSummary& summary);
    // Shows the empty page with `note` (e.g. why the demo model is missing).
    void showEmpty(const QString& note = QString());
    bool hasModel() const { return m_hasModel; }

    ModelHeader* header() const { return m_header; }
    LayerTree* layerTree() const { return m_tree; }

private:
    QLabel* m_placeholder = nullptr;
    ModelHeader* m_header = nullptr;
    LayerTree* m_tree = nullptr;
    bool m_hasModel = false;
};

} // namespace zsq::ui
