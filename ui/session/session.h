#pragma once
// A ZSQ Studio session: the model, the Run panel's settings and the finished
// runs, as a small JSON document (.zsqsession). The runs' own outputs stay in
// their folders (result.json, losses.csv); the session only points at them,
// plus the figures the Results tab shows, so that it still lists a run whose
// folder was moved away.
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace zsq::ui {

// One finished (or stopped) run, as the Results tab lists it.
struct SessionRun {
    QString outputDir;
    QString method;
    // The refinement after the method (result.json "refine": ranges,
    // adaround, brecq), "" when none; its calibration source ("method" or
    // "real": the real-data ceiling), "" when none.
    QString refine;
    QString refineSource;
    int wbits = 0;
    int abits = 0;
    // GENIE's / BRECQ's protocol (result.json "first_last_bits"): the first
    // and last layer at this width; 0 = every layer at wbits/abits. Part of
    // the label, so that such a row is never compared as an all-layer one.
    int firstLastBits = 0;
    double averageWeightBits = 0;
    qint64 sizeBits = 0;
    bool evaluated = false;
    double fpTop1 = 0;               // percent
    double quantTop1 = 0;            // percent
    double seconds = 0;
    QString device;
    qint64 seed = 0;
    bool cancelled = false;
    QString dataset;                 // the evaluation dataset, "none" without one; "" when not recorded
    QString lossesCsv;               // per-iteration losses, "" when none

    bool isRefined() const { return !refine.isEmpty(); }
    // Why a run without a quantized top-1 has none: it had no dataset, or
    // it was stopped during its final evaluation ("Done; accuracy not
    // measured (no dataset)" was said of both).
    QString accuracyNotMeasured() const;
    // "ptq", or "ptq + brecq" for a refined run: how the Results tab, its
    // exports and its plot legends name the run's method.
    QString methodLabel() const;

    QJsonObject toJson() const;
    static SessionRun fromJson(const QJsonObject& object);
    // From the text of a run's result.json (what RunResult::resultJson holds).
    static SessionRun fromResultJson(const QString& outputDir, const QByteArray& resultJson);
};

struct Session {
    Q_DECLARE_TR_FUNCTIONS(zsq::ui::Session)

public:
    QString modelPath;
    QJsonObject config;              // RunPanel::sessionConfig()
    QList<SessionRun> runs;
    // Set in a recovery file while a run was going: its output folder.
    QString interruptedRun;

    QByteArray toJson() const;
    // False (with `error`) for text that is not a session.
    static bool fromJson(const QByteArray& bytes, Session* session, QString* error);
};

// Writes atomically (QSaveFile): on any failure, a full disk included, the
// previous file stays as it was and `error` says why.
bool saveSession(const QString& path, const Session& session, QString* error);
bool loadSession(const QString& path, Session* session, QString* error);

} // namespace zsq::ui
