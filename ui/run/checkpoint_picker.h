#pragma once
// A combo box of quantized .zsq checkpoints with a "…" button to browse for
// another: the t-SNE and per-layer tabs both let the user pick a fine-tuned
// student this way. The first entry stands for "no checkpoint" (empty path).
#include <QWidget>

class QComboBox;

namespace zsq::ui {

class CheckpointPicker : public QWidget {
    Q_OBJECT
public:
    // noneLabel: the first entry (empty path); itemFormat: how a checkpoint is
    // listed, %1 = "run-folder/file.zsq".
    CheckpointPicker(const QString& noneLabel, const QString& itemFormat, QWidget* parent = nullptr);

    // Adds the checkpoint unless it is listed already; select makes it current.
    void addCheckpoint(const QString& path, bool select = false);
    // The current checkpoint's path, empty for the first entry.
    QString currentPath() const;
    // For label buddies and tooltips.
    QComboBox* comboBox() const { return m_combo; }

signals:
    // Another entry became current (by the user, a browse or addCheckpoint).
    void currentPathChanged(const QString& path);

private:
    void browse();

    QComboBox* m_combo = nullptr;
    QString m_itemFormat;
};

} // namespace zsq::ui
