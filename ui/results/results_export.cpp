#include "results_export.h"

#include <QBuffer>
#include <QLocale>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QSaveFile>

namespace zsq::ui {

namespace {
bool writeAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = QCoreApplication::translate("zsq::ui::ResultsView", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

QString csvCell(QString text)
{
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')))
        text = QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return text;
}
} // namespace

bool writeResultsCsv(const QString& path, const QList<SessionRun>& runs, QString* error)
{
    QString out = QStringLiteral("method,wbits,abits,average_weight_bits,size_kib,fp_top1,quant_top1,seconds,"
                                 "device,seed,cancelled,output,refine,refine_source\n");
    for (const SessionRun& r : runs) {
        const QString fp = r.evaluated ? QString::number(r.fpTop1, 'f', 2) : QString();
        const QString quant = r.evaluated ? QString::number(r.quantTop1, 'f', 2) : QString();
        out += QStringList{csvCell(r.method), QString::number(r.wbits), QString::number(r.abits),
                           QString::number(r.averageWeightBits, 'f', 3),
                           QString::number(static_cast<double>(r.sizeBits) / 8192.0, 'f', 2), fp, quant,
                           QString::number(r.seconds, 'f', 2), csvCell(r.device), QString::number(r.seed),
                           r.cancelled ? QStringLiteral("true") : QStringLiteral("false"), csvCell(r.outputDir),
                           // Appended, so that readers of the older columns
                           // still find them where they were.
                           csvCell(r.refine), csvCell(r.refineSource)}
                   .join(QLatin1Char(','));
        out += QLatin1Char('\n');
    }
    return writeAtomically(path, out.toUtf8(), error);
}

bool writeResultsHtml(const QString& path, const QList<QStringList>& table, const QList<QPixmap>& figures,
                      const QStringList& captions, const QString& appendixHtml, QString* error)
{
    const QString title = QCoreApplication::translate("zsq::ui::ResultsView", "ZSQ Studio results");
    QString html = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n"
                                  "<style>body{font-family:sans-serif;margin:2em}"
                                  "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px 8px}"
                                  "td{text-align:right}th{background:#eee}figure{margin:1.5em 0}</style>"
                                  "</head><body>\n<h1>%1</h1>\n<p>%2</p>\n<table>\n")
                       .arg(title.toHtmlEscaped(),
                            QLocale().toString(QDateTime::currentDateTime(), QLocale::LongFormat).toHtmlEscaped());
    for (qsizetype r = 0; r < table.size(); ++r) {
        const QString cell = r == 0 ? QStringLiteral("th") : QStringLiteral("td");
        html += QStringLiteral("<tr>");
        for (const QString& text : table[r])
            html += QStringLiteral("<%1>%2</%1>").arg(cell, text.toHtmlEscaped());
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n");
    for (qsizetype i = 0; i < figures.size(); ++i) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        figures[i].save(&buffer, "PNG");
        html += QStringLiteral("<figure><img src=\"data:image/png;base64,%1\" alt=\"%2\"><figcaption>%2</figcaption>"
                               "</figure>\n")
                    .arg(QString::fromLatin1(png.toBase64()), captions.value(i).toHtmlEscaped());
    }
    html += appendixHtml;
    html += QStringLiteral("</body></html>\n");
    return writeAtomically(path, html.toUtf8(), error);
}

} // namespace zsq::ui
