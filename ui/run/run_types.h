#pragma once
// Qt-side copies of core's run events, as the RunController delivers them to
// widgets on the GUI thread. Plain values; registered as metatypes so that
// QSignalSpy and queued connections can carry them.
#include <QImage>
#include <QList>
#include <QMetaType>
#include <QString>

namespace zsq::ui {

struct RunProgress {
    QString stage;
    qint64 current = 0;
    qint64 total = 0;               // 0 = unknown
    double etaSeconds = -1;         // < 0 = unknown
    double stepsPerSecond = 0;
};

struct LossSample {
    qint64 iteration = 0;
    QString name;                   // "G/bns", "S/kd", "ptq/bn_stats", ...
    double value = 0;
};

// One batch of synthetic images, already converted (on the worker thread).
struct ImageSet {
    qint64 iteration = 0;
    QList<QImage> images;
    QList<int> labels;
};

struct EvaluationPoint {
    QString what;                   // "student" after an epoch, "final" at the end
    qint64 epoch = 0;
    double top1 = 0;                // percent
    qint64 samples = 0;
};

struct RunResult {
    QString outputDir;
    bool evaluated = false;
    bool cancelled = false;
    double fpTop1 = 0;
    double quantTop1 = 0;
    QString resultJson;
};

} // namespace zsq::ui

Q_DECLARE_METATYPE(zsq::ui::RunProgress)
Q_DECLARE_METATYPE(zsq::ui::LossSample)
Q_DECLARE_METATYPE(zsq::ui::ImageSet)
Q_DECLARE_METATYPE(zsq::ui::EvaluationPoint)
Q_DECLARE_METATYPE(zsq::ui::RunResult)
