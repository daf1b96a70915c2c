#pragma once
// The run-config schema's help texts come from Qt-free core in English (as
// `zsq quantize --help` prints them); the GUI shows them as tooltips in the
// user's language through this table.
#include <QString>

namespace zsq::ui {

// The translation of a schema help text, or the text itself when there is none.
QString translatedParamHelp(const QString& english);
// Whether the text is in the table lupdate reads (a test keeps it complete).
bool isParamHelpListed(const QString& english);

} // namespace zsq::ui
