#pragma once
// The figures beside the t-SNE plot (TsneJobResult::figures) as an HTML
// table: KL divergence, and per source the silhouette in feature and
// embedding space, the intra-class angle, 10-NN class agreement and the
// neighbourhood preservation.
#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>

namespace zsq::ui {

class TsneFigures {
    Q_DECLARE_TR_FUNCTIONS(TsneFigures)
public:
    static QString html(const nlohmann::json& figures);
};

} // namespace zsq::ui
