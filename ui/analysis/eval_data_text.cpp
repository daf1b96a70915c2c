#include "eval_data_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace zsq::ui {

QString evalDataText(const analysis::EvalDataSource& source, const std::string& english)
{
    // Never one sample in practice: "samples" without a plural form, as core says it.
    const QString samples = QLocale().toString(static_cast<qlonglong>(source.samples));
    if (source.dataset.empty() || source.samples <= 0)
        return QString::fromStdString(english);
    if (source.dataset == "none")
        return QCoreApplication::translate("EvalData", "%1 ZeroQ-distilled samples (agreement with the FP model)")
            .arg(samples);
    return QCoreApplication::translate("EvalData", "%1/%2 (%3 samples, top-1 against labels)")
        .arg(QString::fromStdString(source.dataset), QString::fromStdString(source.split), samples);
}

} // namespace zsq::ui
