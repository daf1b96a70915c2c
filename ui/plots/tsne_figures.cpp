#include "tsne_figures.h"

#include <cmath>

#include <QLocale>

namespace zsq::ui {

namespace {
// A number at `path` in `j`, or NaN when missing (figures vary with the input).
double number(const nlohmann::json& j, std::initializer_list<const char*> path)
{
    const nlohmann::json* at = &j;
    for (const char* key : path) {
        if (!at->is_object() || !at->contains(key))
            return std::nan("");
        at = &(*at)[key];
    }
    return at->is_number() ? at->get<double>() : std::nan("");
}

QString fixed(double v, int decimals)
{
    return std::isnan(v) ? QStringLiteral("–") : QLocale().toString(v, 'f', decimals);
}

QString percent(double fraction)
{
    return std::isnan(fraction) ? QStringLiteral("–") : QLocale().toString(100 * fraction, 'f', 1) + QStringLiteral(" %");
}

QString row(const QString& name, const QString& value)
{
    return QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>").arg(name.toHtmlEscaped(), value);
}
} // namespace

QString TsneFigures::html(const nlohmann::json& f)
{
    if (!f.is_object() || f.empty())
        return {};
    QString out = QStringLiteral("<table cellspacing=\"2\">");
    out += row(tr("Points"), QLocale().toString(static_cast<qlonglong>(number(f, {"points"}))));
    out += row(tr("KL divergence"), fixed(number(f, {"kl_divergence"}), 3));
    out += row(tr("10-NN preservation"), percent(number(f, {"knn_preservation"})));
    out += row(tr("Time"), tr("%1 s").arg(fixed(number(f, {"seconds", "total"}), 1)));
    out += QStringLiteral("</table>");
    if (!f.contains("sources") || !f["sources"].is_object())
        return out;
    for (const auto& [name, s] : f["sources"].items()) {
        out += QStringLiteral("<p><b>%1</b></p><table cellspacing=\"2\">").arg(QString::fromStdString(name).toHtmlEscaped());
        out += row(tr("Samples"), QLocale().toString(static_cast<qlonglong>(number(s, {"samples"}))));
        out += row(tr("Silhouette (features / embedding)"),
                   QStringLiteral("%1 / %2").arg(fixed(number(s, {"silhouette_features", "mean"}), 3),
                                                 fixed(number(s, {"silhouette_embedding", "mean"}), 3)));
        out += row(tr("Intra-class angle"),
                   tr("%1°").arg(fixed(number(s, {"intra_class_angle_deg", "mean"}), 1)));
        out += row(tr("10-NN class agreement (features / embedding)"),
                   QStringLiteral("%1 / %2").arg(percent(number(s, {"knn_class_agreement_features"})),
                                                 percent(number(s, {"knn_class_agreement_embedding"}))));
        out += row(tr("10-NN preservation"), percent(number(s, {"knn_preservation"})));
        const double agree = number(s, {"prediction_matches_label"});
        if (!std::isnan(agree))
            out += row(tr("Predicted = label"), percent(agree));
        out += QStringLiteral("</table>");
    }
    return out;
}

} // namespace zsq::ui
