#pragma once
// The model's layers as a tree that follows their PyTorch module paths
// ("layer1.0.conv1" sits under "layer1" > "0"). Containers show the summed
// parameter count of what they hold.
#include <QHash>
#include <QTreeWidget>

#include "api/model_summary.h"

namespace zsq::ui {

class LayerTree : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, ShapeColumn, ParametersColumn, QuantizableColumn, ColumnCount };
    // Item data role holding a layer's full module path.
    static constexpr int PathRole = Qt::UserRole + 1;

    explicit LayerTree(QWidget* parent = nullptr);

    void setLayers(const std::vector<zsq::api::LayerSummary>& layers);
    // The item of the module path `path`, or nullptr.
    QTreeWidgetItem* itemForPath(const QString& path) const;

private:
    QTreeWidgetItem* containerFor(const QString& path);
    void fillLayer(QTreeWidgetItem* item, const zsq::api::LayerSummary& layer);
    static std::int64_t sumParameters(QTreeWidgetItem* item);
    QString kindText(const std::string& kind) const;

    QHash<QString, QTreeWidgetItem*> m_items;
};

} // namespace zsq::ui
