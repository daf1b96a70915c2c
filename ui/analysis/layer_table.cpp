#include "layer_table.h"

#include <algorithm>

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>

namespace zsq::ui {

namespace {
// A read-only, right-aligned figure. The table is not sortable: its rows
// stay in the model's layer order, which the cumulative figures depend on.
class NumberItem : public QTableWidgetItem {
public:
    explicit NumberItem(const QString& text) : QTableWidgetItem(text)
    {
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setFlags(flags() & ~Qt::ItemIsEditable);
    }
};
} // namespace

LayerTable::LayerTable(QWidget* parent) : QTableWidget(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    verticalHeader()->setVisible(false);
    compactRows();
    horizontalHeader()->setStretchLastSection(false);
    // Clicking a row puts the focus on its bits editor, so the user can type
    // or scroll the new width straight away.
    connect(this, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (QSpinBox* spin = bitsEditor(row))
            spin->setFocus();
    });
    clearLayers();
}

void LayerTable::clearLayers()
{
    clear();
    setRowCount(0);
    setColumnCount(FirstFigureColumn);
    setHorizontalHeaderLabels({tr("Layer"), tr("Kind"), tr("Weights"), tr("W bits")});
    m_names.clear();
    m_parameters.clear();
}

void LayerTable::setNumber(int row, int column, double value, int decimals)
{
    setItem(row, column, new NumberItem(QLocale().toString(value, 'f', decimals)));
}

void LayerTable::setResult(const analysis::LayerAnalysisResult& result)
{
    clearLayers();
    if (result.states.empty())
        return;
    const analysis::LayerStateReport& before = result.states.front();
    const analysis::LayerStateReport* after = result.states.size() > 1 ? &result.states[1] : nullptr;
    QStringList headers = {tr("Layer"), tr("Kind"), tr("Weights"), tr("W bits")};
    const QString accuracy = result.realLabels ? tr("top-1 %") : tr("agreement %");
    headers << tr("Single %1").arg(accuracy) << tr("Cumulative %1").arg(accuracy) << tr("SQNR dB") << tr("Cosine");
    if (after)
        headers << tr("After: single %1").arg(accuracy) << tr("After: cumulative %1").arg(accuracy)
                << tr("After: SQNR dB");
    QList<int> candidates;
    for (const analysis::LayerFigures& l : before.layers)
        for (const auto& [bits, kl] : l.sensitivity)
            if (!candidates.contains(bits))
                candidates << bits;
    std::sort(candidates.begin(), candidates.end());
    for (int bits : candidates)
        headers << tr("KL at W%1").arg(bits);
    setColumnCount(static_cast<int>(headers.size()));
    setHorizontalHeaderLabels(headers);
    setRowCount(static_cast<int>(before.layers.size()));

    for (int row = 0; row < rowCount(); ++row) {
        const analysis::LayerFigures& l = before.layers[static_cast<std::size_t>(row)];
        const QString name = QString::fromStdString(l.name);
        m_names << name;
        m_parameters << l.parameters;
        auto* nameItem = new QTableWidgetItem(name);
        nameItem->setFlags(nameItem->flags() & ~Qt::ItemIsEditable);
        setItem(row, NameColumn, nameItem);
        auto* kindItem = new QTableWidgetItem(QString::fromStdString(l.kind));
        kindItem->setFlags(kindItem->flags() & ~Qt::ItemIsEditable);
        setItem(row, KindColumn, kindItem);
        setItem(row, ParamsColumn,
                new NumberItem(QLocale().toString(static_cast<qlonglong>(l.parameters))));
        auto* spin = new QSpinBox(this);
        spin->setRange(2, 8);
        spin->setValue(l.bits > 0 ? l.bits : 4);
        spin->setFrame(false);
        spin->setToolTip(tr("Weight bits of this layer in the next run"));
        connect(spin, &QSpinBox::valueChanged, this, &LayerTable::bitsEdited);
        setCellWidget(row, BitsColumn, spin);
        int column = FirstFigureColumn;
        setNumber(row, column++, l.singleTop1, 2);
        setNumber(row, column++, l.cumulativeTop1, 2);
        setNumber(row, column++, l.sqnrDb, 2);
        setNumber(row, column++, l.cosine, 4);
        if (after && static_cast<std::size_t>(row) < after->layers.size()) {
            const analysis::LayerFigures& a = after->layers[static_cast<std::size_t>(row)];
            setNumber(row, column++, a.singleTop1, 2);
            setNumber(row, column++, a.cumulativeTop1, 2);
            setNumber(row, column++, a.sqnrDb, 2);
        } else if (after) {
            column += 3;
        }
        for (int bits : candidates) {
            const auto it = l.sensitivity.find(bits);
            if (it != l.sensitivity.end())
                setNumber(row, column, it->second, 4);
            ++column;
        }
    }
    resizeColumnsToContents();
}

void LayerTable::changeEvent(QEvent* event)
{
    QTableWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        resizeColumnsToContents();
        compactRows();
    }
}

void LayerTable::compactRows()
{
    // A line of text and a little air: the style's default (sized for a
    // framed spin box, 30 px) left 3 rows visible on a 720-pixel projector.
    // The frameless bits editors fit in this height.
    verticalHeader()->setMinimumSectionSize(0);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    for (int row = 0; row < rowCount(); ++row)
        verticalHeader()->resizeSection(row, verticalHeader()->defaultSectionSize());
}

QSpinBox* LayerTable::bitsEditor(int row) const
{
    return qobject_cast<QSpinBox*>(cellWidget(row, BitsColumn));
}

QVector<int> LayerTable::bits() const
{
    QVector<int> out;
    for (int row = 0; row < rowCount(); ++row)
        out << (bitsEditor(row) ? bitsEditor(row)->value() : 0);
    return out;
}

void LayerTable::setBits(const QVector<int>& bits)
{
    for (int row = 0; row < rowCount() && row < bits.size(); ++row)
        if (QSpinBox* spin = bitsEditor(row)) {
            const QSignalBlocker block(spin);
            spin->setValue(bits[row]);
        }
}

void LayerTable::setLayerBits(int row, int bits)
{
    if (QSpinBox* spin = bitsEditor(row))
        spin->setValue(bits);
}

} // namespace zsq::ui
