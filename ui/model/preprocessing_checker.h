#pragma once
// Runs api::checkPreprocessing (the full-precision top-1 of the model on the
// first images of the run's dataset) on worker threads and remembers the
// results, so that Start can reuse the check the Model tab made, and the
// Model tab the one Start made, while the model file, its preprocessing, the
// dataset and the evaluation split stay the same.
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include "api/preprocessing_check.h"

namespace zsq::ui {

class PreprocessingChecker : public QObject {
    Q_OBJECT
public:
    explicit PreprocessingChecker(QObject* parent = nullptr);
    ~PreprocessingChecker() override;   // waits for running checks

    // What a check of this run config (RunPanel::configJson()) depends on:
    // the model file (and its modification time), arch, dataset, eval_split
    // and the preprocessing.* keys, as one string; "" when there is nothing
    // to check (no dataset).
    static QString keyFor(const QString& configJson);

    // The result remembered for `key`, if any.
    bool cached(const QString& key, zsq::api::PreprocessingCheck* check) const;
    // Starts a check of `configJson` on a worker unless one for the same key
    // is running already. The answer comes through finished() or failed().
    void check(const QString& configJson, int samples = 500);
    bool isChecking(const QString& key) const { return m_running.contains(key); }
    void clear() { m_cache.clear(); }

signals:
    void finished(const QString& key, const zsq::api::PreprocessingCheck& check);
    void failed(const QString& key, const QString& message);

private:
    QHash<QString, zsq::api::PreprocessingCheck> m_cache;
    QSet<QString> m_running;
};

} // namespace zsq::ui
