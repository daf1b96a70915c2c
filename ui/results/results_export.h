#pragma once
// Writers for the Results tab's exports. Both write atomically (QSaveFile):
// a failure leaves an existing file as it was and says why in `error`.
#include <QList>
#include <QPixmap>
#include <QStringList>

#include "ui/session/session.h"

namespace zsq::ui {

// One line per run with plain numbers (C locale), for spreadsheets and pandas.
bool writeResultsCsv(const QString& path, const QList<SessionRun>& runs, QString* error);
// A single self-contained page: `table` (header row first), the figures as
// <img src="data:image/png;base64,...">, then `appendixHtml` (the runs'
// analyses, already HTML with their images embedded).
bool writeResultsHtml(const QString& path, const QList<QStringList>& table, const QList<QPixmap>& figures,
                      const QStringList& captions, const QString& appendixHtml, QString* error);

} // namespace zsq::ui
