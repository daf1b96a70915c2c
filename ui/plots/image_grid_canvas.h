#pragma once
// Paints one batch of synthetic images as a grid: one row per class (named
// at the left), the batch's samples of that class side by side. A click on a
// sample reports it, for the zoom view.
#include <QImage>
#include <QStringList>
#include <QWidget>

#include "ui/run/run_types.h"

namespace zsq::ui {

class ImageGridCanvas : public QWidget {
    Q_OBJECT
public:
    explicit ImageGridCanvas(QWidget* parent = nullptr);

    void setBatch(const ImageSet& batch);
    void setClassNames(const QStringList& names);
    const ImageSet& batch() const { return m_batch; }

    QString className(int label) const;
    int rowCount() const;
    int columnCount() const;
    // The grid at a fixed cell size, for saving.
    QImage render(int cellSize = 56) const;

    QSize sizeHint() const override;

signals:
    void imageClicked(const QImage& image, int label);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Geometry {
        int labelWidth = 0;
        int cell = 0;
    };
    Geometry geometryFor(const QSize& size) const;
    void paintGrid(QPainter& painter, const Geometry& g) const;
    void regroup();

    ImageSet m_batch;
    QStringList m_classNames;
    QList<QList<int>> m_rows;   // per class: indices into m_batch.images
};

} // namespace zsq::ui
