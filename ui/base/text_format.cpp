#include "text_format.h"

#include <QLocale>
#include <QStringList>

namespace zsq::ui {

QString shapeText(const std::vector<std::int64_t>& shape)
{
    if (shape.empty())
        return QStringLiteral("\u2014");
    QStringList parts;
    for (std::int64_t d : shape)
        parts << QString::number(d);
    return parts.join(QStringLiteral(" \u00d7 "));
}

QString countText(std::int64_t value)
{
    return QLocale().toString(static_cast<qlonglong>(value));
}

QString bitsAsSizeText(std::int64_t bits)
{
    return QLocale().formattedDataSize((bits + 7) / 8, 1, QLocale::DataSizeIecFormat);
}

QString fromUtf8(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace zsq::ui

namespace zsq::ui {

QString sentence(const QString& message)
{
    if (message.isEmpty() || !message.front().isLower())
        return message;
    return message.front().toUpper() + message.mid(1);
}

std::string toStd(const QString& text)
{
    return text.toUtf8().toStdString();
}

} // namespace zsq::ui
