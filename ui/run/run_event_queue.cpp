#include "run_event_queue.h"

#include <algorithm>
#include <cmath>

namespace zsq::ui {

namespace {
QString fromStd(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

uchar toByte(float v)
{
    return static_cast<uchar>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
}
} // namespace

bool RunEventQueue::Pending::isEmpty() const
{
    return !progress && losses.isEmpty() && images.isEmpty() && evaluations.isEmpty() && messages.isEmpty();
}

void RunEventQueue::onMessage(LogLevel level, const std::string& text)
{
    const QString message = fromStd(text);
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pending.messages.append({static_cast<int>(level), message});
}

void RunEventQueue::onProgress(const ProgressInfo& info)
{
    RunProgress p{fromStd(info.stage), info.current, info.total, info.etaSeconds, info.stepsPerSecond};
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pending.progress = std::move(p);
}

void RunEventQueue::onLosses(std::int64_t iteration, const std::map<std::string, double>& losses)
{
    QList<LossSample> samples;
    samples.reserve(static_cast<qsizetype>(losses.size()));
    for (const auto& [name, value] : losses)
        samples.append({iteration, fromStd(name), value});
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pending.losses.append(samples);
}

void RunEventQueue::onImages(const ImageBatch& batch)
{
    // The conversion is done here, off the GUI thread.
    ImageSet set{batch.iteration, toImages(batch), QList<int>(batch.labels.begin(), batch.labels.end())};
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pending.images.append(std::move(set));
    while (m_pending.images.size() > kMaxPendingImages)
        m_pending.images.removeFirst();
}

void RunEventQueue::onEvaluation(const EvaluationInfo& info)
{
    EvaluationPoint e{fromStd(info.what), info.epoch, info.top1, info.samples};
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pending.evaluations.append(std::move(e));
}

RunEventQueue::Pending RunEventQueue::take()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Pending out = std::move(m_pending);
    m_pending = Pending();
    return out;
}

QList<QImage> toImages(const ImageBatch& batch)
{
    QList<QImage> images;
    const qsizetype plane = static_cast<qsizetype>(batch.height) * batch.width;
    const qsizetype perImage = plane * batch.channels;
    if (batch.n <= 0 || plane <= 0 || (batch.channels != 1 && batch.channels != 3) ||
        static_cast<qsizetype>(batch.pixels.size()) < perImage * batch.n)
        return images;
    for (int i = 0; i < batch.n; ++i) {
        const float* src = batch.pixels.data() + perImage * i;
        QImage image(batch.width, batch.height,
                     batch.channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
        for (int y = 0; y < batch.height; ++y) {
            uchar* line = image.scanLine(y);
            for (int x = 0; x < batch.width; ++x) {
                const qsizetype at = static_cast<qsizetype>(y) * batch.width + x;
                if (batch.channels == 1) {
                    line[x] = toByte(src[at]);
                } else {
                    for (int c = 0; c < 3; ++c)
                        line[3 * x + c] = toByte(src[plane * c + at]);
                }
            }
        }
        images.append(image);
    }
    return images;
}

} // namespace zsq::ui
