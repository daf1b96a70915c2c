#include "refined_checkpoint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace zsq::ui {

QString roundedWeightsRefinement(const QString& quantizedPath)
{
    if (quantizedPath.isEmpty())
        return {};
    QFile result(QFileInfo(quantizedPath).dir().filePath(QStringLiteral("result.json")));
    if (!result.open(QIODevice::ReadOnly))
        return {};
    const QString refine = QJsonDocument::fromJson(result.readAll()).object().value(QStringLiteral("refine")).toString();
    // "ranges" only fixes the quantization ranges: the weights stay float.
    return refine == QLatin1String("adaround") || refine == QLatin1String("brecq") ? refine : QString();
}

} // namespace zsq::ui
