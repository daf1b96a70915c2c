#pragma once
// The "Synthetic images" view: the latest batch from the generator as a
// class-by-sample grid, a slider over the last batches (bounded history), a
// zoom window on click and PNG export.
#include <deque>

#include <QStringList>
#include <QWidget>

#include "ui/run/run_types.h"

class QLabel;
class QSlider;

namespace zsq::ui {

class ImageGridCanvas;

class ImageGrid : public QWidget {
    Q_OBJECT
public:
    // Batches kept for the history slider (each a few hundred KiB at most).
    static constexpr int kMaxHistory = 100;

    explicit ImageGrid(QWidget* parent = nullptr);

    void addBatch(const ImageSet& batch);
    void setClassNames(const QStringList& names);
    QStringList classNames() const { return m_classNames; }
    void clear();
    // The kept batches, oldest first (what a finished run saves beside its
    // results, image_history_file.h).
    QList<ImageSet> batches() const { return QList<ImageSet>(m_history.begin(), m_history.end()); }

    int batchCount() const { return static_cast<int>(m_history.size()); }
    // The iteration of the batch on display (-1 when none).
    qint64 shownIteration() const;
    // Shows the `index`-th kept batch (0 = oldest); the newest follows live.
    void showBatch(int index);
    bool saveImage(const QString& path) const;
    ImageGridCanvas* canvas() const { return m_canvas; }

public slots:
    void showSaveDialog();

private:
    void showZoom(const QImage& image, int label);
    void updateCaption();

    ImageGridCanvas* m_canvas = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_caption = nullptr;
    QLabel* m_zoom = nullptr;        // a tool window, created on first click
    std::deque<ImageSet> m_history;  // oldest first
    QStringList m_classNames;
};

} // namespace zsq::ui
