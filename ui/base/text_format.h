#pragma once
// Locale-aware rendering of the numbers and shapes that core reports.
#include <cstdint>
#include <string>
#include <vector>

#include <QString>

namespace zsq::ui {

// "16 × 1 × 3 × 3"; an empty shape gives "—".
QString shapeText(const std::vector<std::int64_t>& shape);
// A count with the locale's digit grouping, e.g. "78,042".
QString countText(std::int64_t value);
// A size given in bits as bytes with a binary unit, e.g. "304.9 KiB".
QString bitsAsSizeText(std::int64_t bits);
// core's one-line messages start in lower case ("cannot ..."); dialogs and
// the status bar show them as sentences.
QString sentence(const QString& message);
// core's std::string (UTF-8) as a QString, and back.
QString fromUtf8(const std::string& text);
std::string toStd(const QString& text);

} // namespace zsq::ui
