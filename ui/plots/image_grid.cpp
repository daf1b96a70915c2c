#include "image_grid.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/base/explanation_box.h"
#include "image_grid_canvas.h"
#include "ui/base/view_explanations.h"

namespace zsq::ui {

ImageGrid::ImageGrid(QWidget* parent) : QWidget(parent)
{
    m_canvas = new ImageGridCanvas(this);
    connect(m_canvas, &ImageGridCanvas::imageClicked, this, &ImageGrid::showZoom);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, 0);
    m_slider->setEnabled(false);
    m_slider->setToolTip(tr("Look back at earlier batches; the right end follows the run"));
    connect(m_slider, &QSlider::valueChanged, this, &ImageGrid::showBatch);
    m_caption = new QLabel(this);
    auto* save = new QToolButton(this);
    save->setText(tr("&Save PNG…"));
    save->setToolTip(tr("Save the grid on display as a PNG image"));
    connect(save, &QToolButton::clicked, this, &ImageGrid::showSaveDialog);

    auto* tools = new QHBoxLayout;
    tools->addWidget(new QLabel(tr("History:"), this));
    tools->addWidget(m_slider, 1);
    tools->addWidget(m_caption);
    tools->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new ExplanationBox(ViewExplanations::syntheticImages(), this));
    layout->addLayout(tools);
    layout->addWidget(m_canvas, 1);
    updateCaption();
}

void ImageGrid::addBatch(const ImageSet& batch)
{
    const bool following = m_history.empty() || m_slider->value() == m_slider->maximum();
    m_history.push_back(batch);
    while (static_cast<int>(m_history.size()) > kMaxHistory)
        m_history.pop_front();
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, static_cast<int>(m_history.size()) - 1);
    m_slider->setEnabled(m_history.size() > 1);
    if (following) {
        m_slider->setValue(m_slider->maximum());
        m_canvas->setBatch(m_history.back());
    } else {
        // The batch on display moved one slot left when the oldest was dropped.
        showBatch(m_slider->value());
    }
    updateCaption();
}

void ImageGrid::setClassNames(const QStringList& names)
{
    m_classNames = names;
    m_canvas->setClassNames(names);
}

void ImageGrid::clear()
{
    m_history.clear();
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, 0);
    m_slider->setEnabled(false);
    m_canvas->setBatch({});
    updateCaption();
}

qint64 ImageGrid::shownIteration() const
{
    return m_canvas->batch().images.isEmpty() ? -1 : m_canvas->batch().iteration;
}

void ImageGrid::showBatch(int index)
{
    if (index < 0 || index >= static_cast<int>(m_history.size()))
        return;
    if (m_slider->value() != index) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(index);
    }
    m_canvas->setBatch(m_history[static_cast<std::size_t>(index)]);
    updateCaption();
}

void ImageGrid::updateCaption()
{
    if (m_history.empty()) {
        m_caption->setText(tr("no images yet"));
        return;
    }
    m_caption->setText(tr("iteration %1 (%2 of %3)")
                           .arg(shownIteration())
                           .arg(m_slider->value() + 1)
                           .arg(m_history.size()));
}

bool ImageGrid::saveImage(const QString& path) const
{
    if (m_canvas->batch().images.isEmpty())
        return false;
    return m_canvas->render().save(path, "PNG");
}

void ImageGrid::showSaveDialog()
{
    const QString suggested = QStringLiteral("synthetic-%1.png").arg(qMax<qint64>(0, shownIteration()));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Synthetic Images"),
                                                      QDir::home().filePath(suggested), tr("PNG images (*.png)"));
    if (!path.isEmpty() && !saveImage(path))
        m_caption->setText(tr("Could not write %1").arg(QDir::toNativeSeparators(path)));
}

void ImageGrid::showZoom(const QImage& image, int label)
{
    if (!m_zoom) {
        m_zoom = new QLabel(this, Qt::Tool);
        m_zoom->setAlignment(Qt::AlignCenter);
        m_zoom->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    // Integer nearest-neighbour enlargement to about twenty text lines
    // (280 px at the usual font, more in presentation mode).
    const int factor = qMax(1, 20 * fontMetrics().height() / qMax(1, qMax(image.width(), image.height())));
    m_zoom->setPixmap(QPixmap::fromImage(image.scaled(image.size() * factor, Qt::IgnoreAspectRatio,
                                                      Qt::FastTransformation)));
    m_zoom->setWindowTitle(m_canvas->className(label));
    m_zoom->adjustSize();
    m_zoom->show();
    m_zoom->raise();
}

} // namespace zsq::ui
