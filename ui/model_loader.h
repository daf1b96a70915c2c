#pragma once
// Loads model summaries on worker threads so the window never freezes. Only
// the most recent request is reported; older ones finish silently.
#include <QObject>
#include <QString>

#include "api/model_summary.h"

namespace zsq::ui {

class ModelLoader : public QObject {
    Q_OBJECT
public:
    explicit ModelLoader(QObject* parent = nullptr);
    ~ModelLoader() override;   // waits for running loads

    // Starts reading `path`; a later call supersedes this one.
    void load(const QString& path);
    bool isBusy() const { return m_running > 0; }

signals:
    void started(const QString& path);
    void loaded(const zsq::api::ModelSummary& summary);
    void failed(const QString& path, const QString& message);
    void idle();   // no load is running any more

private:
    void finish(int request, const QString& path, const zsq::api::ModelSummary* summary,
                const QString& message);

    int m_latest = 0;
    int m_running = 0;
};

} // namespace zsq::ui
