#include "layer_tree.h"

#include <QHeaderView>

#include "ui/base/text_format.h"

namespace zsq::ui {

namespace {
constexpr int ParametersRole = Qt::UserRole + 2;   // qlonglong, for sums
constexpr std::size_t kExpandAllLimit = 40;
}

LayerTree::LayerTree(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Layer"), tr("Kind"), tr("Weight shape"), tr("Parameters"), tr("Quantizable")});
    headerItem()->setTextAlignment(ParametersColumn, Qt::AlignRight | Qt::AlignVCenter);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c = KindColumn; c < ColumnCount; ++c)
        header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
}

QTreeWidgetItem* LayerTree::itemForPath(const QString& path) const
{
    return m_items.value(path, nullptr);
}

QTreeWidgetItem* LayerTree::containerFor(const QString& path)
{
    if (QTreeWidgetItem* item = m_items.value(path, nullptr))
        return item;
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    QTreeWidgetItem* item = dot < 0 ? new QTreeWidgetItem(this)
                                    : new QTreeWidgetItem(containerFor(path.left(dot)));
    item->setText(NameColumn, dot < 0 ? path : path.mid(dot + 1));
    item->setData(NameColumn, PathRole, path);
    item->setToolTip(NameColumn, path);
    m_items.insert(path, item);
    return item;
}

void LayerTree::setLayers(const std::vector<api::LayerSummary>& layers)
{
    clear();
    m_items.clear();
    for (const api::LayerSummary& layer : layers)
        fillLayer(containerFor(fromUtf8(layer.name)), layer);
    for (int i = 0; i < topLevelItemCount(); ++i)
        sumParameters(topLevelItem(i));
    // Small models open fully; large ones show their top-level blocks.
    if (layers.size() <= kExpandAllLimit)
        expandAll();
    else
        expandToDepth(0);
}

void LayerTree::fillLayer(QTreeWidgetItem* item, const api::LayerSummary& layer)
{
    item->setText(KindColumn, kindText(layer.kind));
    item->setText(ShapeColumn, shapeText(layer.weightShape));
    item->setData(NameColumn, ParametersRole, static_cast<qlonglong>(layer.parameters));
    item->setText(QuantizableColumn, layer.quantizable ? tr("Yes") : tr("No"));
    if (layer.quantizable)
        item->setToolTip(QuantizableColumn, layer.bits > 0 ? tr("Quantized to %n bit(s)", nullptr, layer.bits)
                                                           : tr("Float, not quantized yet"));
}

std::int64_t LayerTree::sumParameters(QTreeWidgetItem* item)
{
    std::int64_t total = item->data(NameColumn, ParametersRole).toLongLong();
    for (int i = 0; i < item->childCount(); ++i)
        total += sumParameters(item->child(i));
    item->setText(ParametersColumn, countText(total));
    item->setTextAlignment(ParametersColumn, Qt::AlignRight | Qt::AlignVCenter);
    return total;
}

QString LayerTree::kindText(const std::string& kind) const
{
    if (kind == "conv")
        return tr("Convolution");
    if (kind == "linear")
        return tr("Linear");
    if (kind == "batchnorm")
        return tr("Batch norm");
    if (kind == "activation")
        return tr("Activation quantizer");
    return fromUtf8(kind);
}

} // namespace zsq::ui
