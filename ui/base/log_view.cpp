#include "log_view.h"

#include <QFontDatabase>
#include <QTime>

#include "common/events.h"

namespace zsq::ui {

LogView::LogView(QWidget* parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setMaximumBlockCount(kMaxLines);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void LogView::append(int level, const QString& text)
{
    QString prefix;
    QString colour;
    switch (static_cast<zsq::LogLevel>(level)) {
    case zsq::LogLevel::Warning:
        prefix = tr("warning: ");
        colour = QStringLiteral("#b36b00");
        break;
    case zsq::LogLevel::Error:
        prefix = tr("error: ");
        colour = QStringLiteral("#c0392b");
        break;
    default:
        break;
    }
    const QString line = QTime::currentTime().toString(QStringLiteral("HH:mm:ss ")) + prefix + text;
    if (colour.isEmpty())
        appendPlainText(line);
    else
        appendHtml(QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, line.toHtmlEscaped()));
}

} // namespace zsq::ui
