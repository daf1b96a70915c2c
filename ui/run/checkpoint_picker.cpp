#include "checkpoint_picker.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QToolButton>

namespace zsq::ui {

CheckpointPicker::CheckpointPicker(const QString& noneLabel, const QString& itemFormat, QWidget* parent)
    : QWidget(parent), m_itemFormat(itemFormat)
{
    m_combo = new QComboBox(this);
    m_combo->addItem(noneLabel, QString());
    // Long run folders must not widen the options column.
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(12);
    auto* browseButton = new QToolButton(this);
    browseButton->setText(tr("…"));
    browseButton->setToolTip(tr("Choose a quantized .zsq checkpoint"));
    connect(browseButton, &QToolButton::clicked, this, &CheckpointPicker::browse);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_combo, 1);
    row->addWidget(browseButton);
    setFocusProxy(m_combo);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] { emit currentPathChanged(currentPath()); });
}

void CheckpointPicker::addCheckpoint(const QString& path, bool select)
{
    int index = m_combo->findData(path);
    if (index < 0) {
        // "run-folder/quantized.zsq": every run's file has the same name.
        const QFileInfo info(path);
        m_combo->addItem(m_itemFormat.arg(info.dir().dirName() + QLatin1Char('/') + info.fileName()), path);
        index = m_combo->count() - 1;
        m_combo->setItemData(index, QDir::toNativeSeparators(path), Qt::ToolTipRole);
    }
    if (select)
        m_combo->setCurrentIndex(index);
}

QString CheckpointPicker::currentPath() const
{
    return m_combo->currentData().toString();
}

void CheckpointPicker::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Quantized Model"), QString(),
                                                      tr("ZSQ checkpoints (*.zsq)"));
    if (!path.isEmpty())
        addCheckpoint(path, true);
}

} // namespace zsq::ui
