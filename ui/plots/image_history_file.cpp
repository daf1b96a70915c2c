#include "image_history_file.h"

#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QSaveFile>

namespace zsq::ui {

namespace {
const char* const kLabelsKey = "zsq-labels";
const char* const kIterationKey = "zsq-iteration";
const char* const kClassesKey = "zsq-classes";
const char* const kTileKey = "zsq-tile";

QString fileName(qint64 iteration)
{
    return QStringLiteral("iteration-%1.png").arg(iteration, 8, 10, QLatin1Char('0'));
}

// Indices of at most `keep` batches out of `count`, the first and the last
// among them, evenly spread.
QList<int> spread(int count, int keep)
{
    QList<int> out;
    if (count <= keep) {
        for (int i = 0; i < count; ++i)
            out << i;
        return out;
    }
    for (int k = 0; k < keep; ++k) {
        const int i = static_cast<int>(static_cast<qint64>(k) * (count - 1) / (keep - 1));
        if (out.isEmpty() || out.last() != i)
            out << i;
    }
    return out;
}

QImage strip(const ImageSet& batch, QSize* tile)
{
    *tile = batch.images.isEmpty() ? QSize() : batch.images.front().size();
    QImage out(tile->width() * static_cast<int>(batch.images.size()), tile->height(), QImage::Format_RGB32);
    out.fill(Qt::black);
    QPainter painter(&out);
    for (qsizetype i = 0; i < batch.images.size(); ++i)
        painter.drawImage(QRect(QPoint(static_cast<int>(i) * tile->width(), 0), *tile), batch.images[i]);
    return out;
}
} // namespace

QString imageHistoryDir(const QString& runDir)
{
    return QDir(runDir).filePath(QStringLiteral("images"));
}

bool writeImageHistory(const QString& runDir, const QList<ImageSet>& batches, const QStringList& classNames,
                       QString* error)
{
    const QDir dir(imageHistoryDir(runDir));
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!QDir().mkpath(dir.path()))
        return fail(QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(dir.path())));
    // A resumed run writes its whole history again.
    for (const QString& old : dir.entryList({QStringLiteral("iteration-*.png")}, QDir::Files))
        QFile::remove(dir.filePath(old));
    const QString classes =
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(classNames)).toJson(QJsonDocument::Compact));
    for (int index : spread(static_cast<int>(batches.size()), kSavedImageBatches)) {
        const ImageSet& batch = batches[index];
        if (batch.images.isEmpty())
            continue;
        QSize tile;
        QImage image = strip(batch, &tile);
        QStringList labels;
        for (int label : batch.labels)
            labels << QString::number(label);
        image.setText(QLatin1String(kLabelsKey), labels.join(QLatin1Char(',')));
        image.setText(QLatin1String(kIterationKey), QString::number(batch.iteration));
        image.setText(QLatin1String(kClassesKey), classes);
        image.setText(QLatin1String(kTileKey), QStringLiteral("%1x%2").arg(tile.width()).arg(tile.height()));
        QSaveFile file(dir.filePath(fileName(batch.iteration)));
        if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
            return fail(QStringLiteral("cannot write %1: %2")
                            .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    }
    return true;
}

QList<ImageSet> readImageHistory(const QString& runDir, QStringList* classNames)
{
    QList<ImageSet> out;
    const QDir dir(imageHistoryDir(runDir));
    // Zero-padded iterations: name order is iteration order.
    for (const QString& name : dir.entryList({QStringLiteral("iteration-*.png")}, QDir::Files, QDir::Name)) {
        QImageReader reader(dir.filePath(name), "PNG");
        const QImage image = reader.read();
        const QStringList tile = image.text(QLatin1String(kTileKey)).split(QLatin1Char('x'));
        const int w = tile.value(0).toInt(), h = tile.value(1).toInt();
        if (image.isNull() || w <= 0 || h != image.height())
            continue;
        ImageSet batch;
        batch.iteration = image.text(QLatin1String(kIterationKey)).toLongLong();
        const QStringList labels = image.text(QLatin1String(kLabelsKey)).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (int i = 0; i < labels.size() && (i + 1) * w <= image.width(); ++i) {
            batch.images << image.copy(i * w, 0, w, h);
            batch.labels << labels[i].toInt();
        }
        if (classNames && classNames->isEmpty())
            for (const QJsonValue& v : QJsonDocument::fromJson(image.text(QLatin1String(kClassesKey)).toUtf8()).array())
                *classNames << v.toString();
        if (!batch.images.isEmpty())
            out << batch;
    }
    return out;
}

} // namespace zsq::ui
