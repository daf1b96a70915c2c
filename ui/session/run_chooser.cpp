#include "run_chooser.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>

namespace zsq::ui {

RunChooser::RunChooser(QWidget* parent) : QWidget(parent)
{
    m_combo = new QComboBox(this);
    // Long folder names must not widen the tab.
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(24);
    m_combo->setToolTip(tr("Look again at the curves and images of a finished run of this session"));
    auto* label = new QLabel(tr("Sho&wn run:"), this);
    label->setBuddy(m_combo);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label);
    row->addWidget(m_combo, 1);
    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        const QString dir = m_combo->itemData(index).toString();
        if (!dir.isEmpty())
            emit runChosen(dir);
    });
    setLive(false);
}

void RunChooser::setRuns(const QList<SessionRun>& runs)
{
    const QString shown = shownRun();
    const QSignalBlocker block(m_combo);
    m_combo->clear();
    for (const SessionRun& r : runs)
        m_combo->addItem(QStringLiteral("%1 · %2 W%3A%4")
                             .arg(QDir(r.outputDir).dirName(), r.methodLabel())
                             .arg(r.wbits)
                             .arg(r.abits),
                         r.outputDir);
    m_combo->setCurrentIndex(m_live ? -1 : m_combo->findData(shown));
    m_combo->setEnabled(!m_live && !runs.isEmpty());
}

void RunChooser::setShownRun(const QString& outputDir)
{
    const QSignalBlocker block(m_combo);
    m_combo->setCurrentIndex(m_combo->findData(outputDir));
}

QString RunChooser::shownRun() const
{
    return m_combo->currentIndex() < 0 ? QString() : m_combo->currentData().toString();
}

void RunChooser::setLive(bool live)
{
    m_live = live;
    m_combo->setPlaceholderText(live ? tr("the run in progress") : tr("none"));
    if (live) {
        const QSignalBlocker block(m_combo);
        m_combo->setCurrentIndex(-1);
    }
    m_combo->setEnabled(!live && m_combo->count() > 0);
}

int RunChooser::runCount() const
{
    return m_combo->count();
}

} // namespace zsq::ui
