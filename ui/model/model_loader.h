#pragma once
// Loads model summaries on worker threads so the window never freezes. Only
// the most recent request is reported; older ones finish silently. A
// refresh (the same model read again with other preprocessing settings) is
// superseded by a later refresh or load, but does not supersede a load.
#include <QObject>
#include <QString>

#include "api/model_summary.h"

namespace zsq::ui {

class ModelLoader : public QObject {
    Q_OBJECT
public:
    explicit ModelLoader(QObject* parent = nullptr);
    ~ModelLoader() override;   // waits for running loads

    // Starts reading `path`; a later call supersedes this one. `arch` and
    // `preprocessingJson` (the run config's form, {"preprocessing": {...}};
    // "" = none) go to api::summarizeModelFile.
    void load(const QString& path, const QString& arch = {}, const QString& preprocessingJson = {});
    // Reads `path` again with these settings; reported through refreshed() /
    // refreshFailed() with the settings it used.
    void refresh(const QString& path, const QString& arch, const QString& preprocessingJson);
    bool isBusy() const { return m_running > 0; }

signals:
    void started(const QString& path);
    void loaded(const zsq::api::ModelSummary& summary);
    void failed(const QString& path, const QString& message);
    void refreshed(const zsq::api::ModelSummary& summary, const QString& arch, const QString& preprocessingJson);
    void refreshFailed(const QString& path, const QString& message, const QString& arch,
                       const QString& preprocessingJson);
    void idle();   // no load is running any more

private:
    struct Request {
        int id = 0;
        bool refresh = false;
        QString path, arch, preprocessingJson;
    };
    void start(const Request& request);
    void finish(const Request& request, const zsq::api::ModelSummary* summary, const QString& message);

    int m_latest = 0;          // the last load or refresh
    int m_latestLoad = 0;      // the last load
    int m_running = 0;
};

} // namespace zsq::ui
