#include "analysis_controller.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>

#include <QTimer>

#include "api/analysis_run.h"
#include "common/cancel.h"
#include "common/error.h"
#include "ui/base/worker.h"
#include "ui/run/run_event_queue.h"

namespace zsq::ui {

namespace {
const int kRegistered = [] {
    qRegisterMetaType<RunProgress>();
    qRegisterMetaType<TsneLayout>();
    qRegisterMetaType<TsneFrame>();
    qRegisterMetaType<TsneResultPtr>();
    qRegisterMetaType<LayerResultPtr>();
    return 0;
}();

QString fromStd(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
} // namespace

// What the worker and the GUI thread share; kept alive by both.
struct AnalysisController::Shared {
    const zsq::CancelToken* token = nullptr;   // the worker's, set when the job starts
    RunEventQueue queue;
    std::mutex mutex;
    std::condition_variable frameTaken;
    std::optional<TsneLayout> layout;       // until delivered
    std::optional<TsneFrame> frame;         // the latest, until delivered
    TsneResultPtr tsneResult;
    LayerResultPtr layerResult;
    LayerResultPtr layerPartial;            // the latest, until delivered
    int pacingMs = 40;

    // Wakes a worker waiting for the GUI to take a frame (after a cancel).
    void wake()
    {
        std::lock_guard<std::mutex> lock(mutex);
        frameTaken.notify_all();
    }
};

AnalysisController::AnalysisController(QObject* parent) : QObject(parent)
{
    Q_UNUSED(kRegistered);
    m_timer = new QTimer(this);
    m_timer->setInterval(30);
    connect(m_timer, &QTimer::timeout, this, &AnalysisController::deliver);
    m_worker = new Worker(this, QStringLiteral("zsq-analysis"));
    connect(m_worker, &Worker::done, this, &AnalysisController::onWorkerDone);
}

AnalysisController::~AnalysisController()
{
    if (m_worker->isBusy()) {
        m_worker->cancel();
        m_shared->wake();
    }
    // The worker (a child) waits for its job when it is deleted.
}

bool AnalysisController::isActive() const
{
    return m_worker->isBusy();
}

void AnalysisController::setDeliveryInterval(int milliseconds)
{
    m_timer->setInterval(qMax(1, milliseconds));
}

bool AnalysisController::startTsne(const analysis::TsneJobConfig& config, qint64 imageSize)
{
    return start([config, imageSize](Shared& shared) {
        // The labels first (a cheap read of the datasets), so that the
        // animation is coloured by class from its first frame.
        TsneLayout layout;
        for (std::size_t s = 0; s < config.sources.size(); ++s) {
            const analysis::TsneSource& src = config.sources[s];
            const api::SampleLabels l = api::sampleLabels(src.dataset, src.split, src.limit, imageSize);
            layout.sourceNames << fromStd(src.name);
            for (int label : l.labels) {
                layout.labels << label;
                layout.sources << static_cast<int>(s);
            }
            if (layout.classNames.isEmpty())
                for (const std::string& name : l.classNames)
                    layout.classNames << fromStd(name);
        }
        {
            std::lock_guard<std::mutex> lock(shared.mutex);
            shared.layout = std::move(layout);
        }
        auto onEmbedding = [&shared](const analysis::TsneProgress& p) {
            if (!p.embedding)
                return;
            TsneFrame frame{p.iteration, p.total, p.kl,
                            QVector<float>(p.embedding->begin(), p.embedding->end())};
            std::unique_lock<std::mutex> lock(shared.mutex);
            shared.frameTaken.wait_for(lock, std::chrono::milliseconds(shared.pacingMs),
                                       [&shared] { return !shared.frame || shared.token->isCancelled(); });
            shared.frame = std::move(frame);
        };
        auto result = std::make_shared<analysis::TsneJobResult>(
            analysis::runTsneJob(config, shared.queue, shared.token, onEmbedding));
        shared.tsneResult = std::move(result);
    });
}

bool AnalysisController::startLayers(const analysis::LayerAnalysisConfig& config)
{
    return start([config](Shared& shared) {
        auto onPartial = [&shared](const analysis::LayerAnalysisResult& partial) {
            auto copy = std::make_shared<const analysis::LayerAnalysisResult>(partial);
            std::lock_guard<std::mutex> lock(shared.mutex);
            shared.layerPartial = std::move(copy);
        };
        shared.layerResult = std::make_shared<analysis::LayerAnalysisResult>(
            analysis::runLayerAnalysis(config, shared.queue, shared.token, onPartial));
    });
}

bool AnalysisController::start(Job job)
{
    if (m_worker->isBusy())
        return false;
    m_shared = std::make_shared<Shared>();
    m_shared->pacingMs = m_framePacingMs;
    m_stopping = false;
    std::shared_ptr<Shared> shared = m_shared;
    m_worker->start(
        [shared, job](const zsq::CancelToken& token) {
            shared->token = &token;
            job(*shared);
        },
        QThread::LowPriority);
    m_timer->start();
    emit activeChanged(true);
    return true;
}

void AnalysisController::stop()
{
    if (!m_worker->isBusy() || m_stopping)
        return;
    m_stopping = true;
    m_worker->cancel();
    m_shared->wake();
}

void AnalysisController::deliver()
{
    if (!m_shared)
        return;
    std::optional<TsneLayout> layout;
    std::optional<TsneFrame> frame;
    LayerResultPtr partial;
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        partial.swap(m_shared->layerPartial);
        layout.swap(m_shared->layout);
        frame.swap(m_shared->frame);
        if (frame)
            m_shared->frameTaken.notify_all();
    }
    RunEventQueue::Pending p = m_shared->queue.take();
    for (const auto& [level, text] : p.messages)
        emit message(level, text);
    if (p.progress)
        emit progress(*p.progress);
    if (layout)
        emit tsneLayout(*layout);
    if (frame)
        emit tsneFrame(*frame);
    if (partial)
        emit layersPartial(partial);
}

void AnalysisController::onWorkerDone(WorkOutcome outcome, const QString& error)
{
    // Everything the worker reported was stored before done() was posted.
    deliver();
    m_timer->stop();
    const std::shared_ptr<Shared> shared = std::move(m_shared);
    m_stopping = false;
    emit activeChanged(false);
    if (outcome == WorkOutcome::Failed)
        emit failed(error);
    else if (outcome == WorkOutcome::Cancelled)
        emit cancelled();
    else if (shared->tsneResult)
        emit tsneFinished(shared->tsneResult);
    else if (shared->layerResult)
        emit layersFinished(shared->layerResult);
}

} // namespace zsq::ui
