#pragma once
// The Synthetic Images tab's history, kept in a finished run's folder
// (RUN/images/) so that a session opened later shows the run's images again.
// One PNG per kept batch, the batch's images side by side in one strip; the
// labels, the iteration and the class names ride in the PNG's text chunks,
// so each file is also an ordinary picture of the batch.
#include <QList>
#include <QString>
#include <QStringList>

#include "ui/run/run_types.h"

namespace zsq::ui {

// Batches written at most (the first, the last and evenly spaced ones in
// between): a 224 px model's batch is megabytes, and the slider needs only a
// sample of the run's course.
inline constexpr int kSavedImageBatches = 24;

// RUN/images
QString imageHistoryDir(const QString& runDir);
// Replaces RUN/images/ with up to kSavedImageBatches of `batches` (oldest
// first); false with `error` when a file cannot be written.
bool writeImageHistory(const QString& runDir, const QList<ImageSet>& batches, const QStringList& classNames,
                       QString* error = nullptr);
// The batches written by writeImageHistory, oldest first (empty when there
// are none); `classNames` gets the names they were written with.
QList<ImageSet> readImageHistory(const QString& runDir, QStringList* classNames = nullptr);

} // namespace zsq::ui
