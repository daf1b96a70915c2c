#pragma once
// The per-layer figures as a table, one row per quantizable layer: name,
// kind, weights, the weight bits (an editable spin box: the per-layer bits
// of the next run), single-layer and cumulative accuracy, SQNR, cosine,
// the "after" state's figures when there is one, and the KL sensitivity per
// candidate bit width.
#include <QMap>
#include <QTableWidget>
#include <QVector>

#include "analysis/layer_analysis.h"

class QSpinBox;

namespace zsq::ui {

class LayerTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { NameColumn = 0, KindColumn, ParamsColumn, BitsColumn, FirstFigureColumn };

    explicit LayerTable(QWidget* parent = nullptr);

    void setResult(const zsq::analysis::LayerAnalysisResult& result);
    void clearLayers();

    int layerCount() const { return rowCount(); }
    QStringList layerNames() const { return m_names; }
    QVector<qint64> parameters() const { return m_parameters; }
    QVector<int> bits() const;
    void setBits(const QVector<int>& bits);     // does not emit bitsEdited
    void setLayerBits(int row, int bits);       // as the user would: emits bitsEdited
    QSpinBox* bitsEditor(int row) const;

signals:
    void bitsEdited();

protected:
    // A larger font (presentation mode) widens the columns with it; they
    // kept their old widths and read "c…".
    void changeEvent(QEvent* event) override;

private:
    void compactRows();
    void setNumber(int row, int column, double value, int decimals);

    QStringList m_names;
    QVector<qint64> m_parameters;
};

} // namespace zsq::ui
