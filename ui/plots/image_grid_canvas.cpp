#include "image_grid_canvas.h"

#include <QMouseEvent>
#include <QPainter>

namespace zsq::ui {

namespace {
constexpr int kGap = 2;
constexpr int kMinCell = 12;
} // namespace

ImageGridCanvas::ImageGridCanvas(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setCursor(Qt::PointingHandCursor);
}

void ImageGridCanvas::setBatch(const ImageSet& batch)
{
    m_batch = batch;
    regroup();
    updateGeometry();
    update();
}

void ImageGridCanvas::setClassNames(const QStringList& names)
{
    m_classNames = names;
    regroup();
    updateGeometry();
    update();
}

QString ImageGridCanvas::className(int label) const
{
    if (label >= 0 && label < m_classNames.size())
        return m_classNames[label];
    return tr("class %1").arg(label);
}

void ImageGridCanvas::regroup()
{
    int classes = static_cast<int>(m_classNames.size());
    for (int label : m_batch.labels)
        classes = qMax(classes, label + 1);
    m_rows = QList<QList<int>>(classes);
    const qsizetype n = qMin(m_batch.images.size(), m_batch.labels.size());
    for (qsizetype i = 0; i < n; ++i)
        if (m_batch.labels[i] >= 0)
            m_rows[m_batch.labels[i]].append(static_cast<int>(i));
}

int ImageGridCanvas::rowCount() const
{
    return m_batch.images.isEmpty() ? 0 : static_cast<int>(m_rows.size());
}

int ImageGridCanvas::columnCount() const
{
    qsizetype columns = 0;
    for (const QList<int>& row : m_rows)
        columns = qMax(columns, row.size());
    return static_cast<int>(columns);
}

ImageGridCanvas::Geometry ImageGridCanvas::geometryFor(const QSize& size) const
{
    Geometry g;
    const QFontMetrics metrics(font());
    for (int r = 0; r < rowCount(); ++r)
        g.labelWidth = qMax(g.labelWidth, metrics.horizontalAdvance(className(r)));
    g.labelWidth += 8;
    const int rows = qMax(1, rowCount());
    const int cols = qMax(1, columnCount());
    g.cell = qMax(kMinCell, qMin((size.width() - g.labelWidth) / cols, size.height() / rows) - kGap);
    return g;
}

QSize ImageGridCanvas::sizeHint() const
{
    return {480, 480};
}

void ImageGridCanvas::paintGrid(QPainter& painter, const Geometry& g) const
{
    // Nearest-neighbour scaling: the pixels are the point of looking.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const int step = g.cell + kGap;
    for (int r = 0; r < rowCount(); ++r) {
        const int y = r * step;
        painter.drawText(QRect(0, y, g.labelWidth - 6, g.cell), Qt::AlignRight | Qt::AlignVCenter, className(r));
        const QList<int>& row = m_rows[r];
        for (qsizetype c = 0; c < row.size(); ++c)
            painter.drawImage(QRect(g.labelWidth + static_cast<int>(c) * step, y, g.cell, g.cell),
                              m_batch.images[row[c]]);
    }
}

void ImageGridCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (m_batch.images.isEmpty()) {
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Synthetic images appear here while a generative method trains."));
        return;
    }
    paintGrid(painter, geometryFor(size()));
}

QImage ImageGridCanvas::render(int cellSize) const
{
    Geometry g = geometryFor(QSize(1, 1));
    g.cell = cellSize;
    const int step = cellSize + kGap;
    QImage image(g.labelWidth + qMax(1, columnCount()) * step, qMax(1, rowCount()) * step, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font());
    painter.setPen(Qt::black);
    paintGrid(painter, g);
    return image;
}

void ImageGridCanvas::mousePressEvent(QMouseEvent* event)
{
    const Geometry g = geometryFor(size());
    const int step = g.cell + kGap;
    const QPoint p = event->position().toPoint();
    const int r = p.y() / step;
    const int c = (p.x() - g.labelWidth) / step;
    if (p.x() < g.labelWidth || r < 0 || r >= rowCount() || c < 0 || c >= m_rows[r].size())
        return;
    const int index = m_rows[r][c];
    emit imageClicked(m_batch.images[index], m_batch.labels[index]);
}

} // namespace zsq::ui
