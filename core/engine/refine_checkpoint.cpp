#include "engine/refine_checkpoint.h"

#include <cstdio>
#include <cstring>

#include "common/error.h"
#include "engine/checkpoint_archive.h"
#include "io/atomic_file.h"
#include "quant/model_quantizer.h"

namespace zsq::engine {

namespace {

constexpr const char* kFormat = "zsq-refine-checkpoint";
constexpr const char* kWhat = "a refinement checkpoint";

// FNV-1a over the images' bytes: the resumed refinement must see the very
// images the first part saw (a different sample would silently mix two
// calibration sets).
std::string checksum(const torch::Tensor& images)
{
    const torch::Tensor t = images.to(torch::kCPU).to(torch::kFloat).contiguous();
    const auto* bytes = static_cast<const unsigned char*>(t.data_ptr());
    const std::size_t n = static_cast<std::size_t>(t.numel()) * sizeof(float);
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t i = 0; i < n; ++i) {
        h ^= bytes[i];
        h *= 1099511628211ull;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
    return text;
}

} // namespace

nlohmann::json refineSettings(const ReconstructionConfig& config, const torch::Tensor& calibration,
                              const std::vector<std::string>& blockNames)
{
    std::vector<std::int64_t> shape(calibration.sizes().begin(), calibration.sizes().end());
    return {{"iterations", config.iterations},
            {"batch_size", config.batchSize},
            {"lr", config.lr},
            {"act_lr", config.actLr},
            {"weight_lr", config.weightLr},
            {"reg_weight", config.regWeight},
            {"warmup", config.warmup},
            {"beta", {config.betaStart, config.betaEnd}},
            {"p", config.p},
            {"range_init", config.rangeInit},
            {"percentile", config.percentile},
            {"layer_range_init", config.layerRangeInit},
            {"qdrop", config.qdrop},
            {"adaround", config.adaround},
            {"search_activations", config.searchActivations},
            {"blocks", blockNames},
            {"calibration", {{"shape", shape}, {"checksum", checksum(calibration)}}}};
}

void saveRefineCheckpoint(const std::string& path, models::ZooModelImpl& student, const nlohmann::json& settings,
                          const RefineProgress& progress)
{
    nlohmann::json reports = nlohmann::json::array();
    for (const auto& r : progress.reports)
        reports.push_back({{"layer", r.layer}, {"mse_before", r.mseBefore}, {"mse_after", r.mseAfter},
                           {"undecided", r.undecided}});
    const nlohmann::json meta = {{"blocks_done", progress.blocksDone},
                                 {"reports", reports},
                                 {"seconds", progress.seconds},
                                 {"settings", settings},
                                 {"student_quant", quant::quantStateToJson(student)}};
    c10::impl::GenericDict root(c10::StringType::get(), c10::AnyType::get());
    root.insert("format", std::string(kFormat));
    root.insert("meta", meta.dump());
    root.insert("student", archive::tensorDict(io::stateDict(student)));
    root.insert("rng_cpu", archive::cpuRandomState());
    io::writeFileAtomically(path, torch::pickle_save(root));
}

RefineProgress loadRefineCheckpoint(const std::string& path, models::ZooModelImpl& student,
                                    const nlohmann::json& settings)
{
    archive::Entries root = archive::read(path, kWhat, kFormat);
    const nlohmann::json meta = archive::metaOf(root, path, kWhat);
    const io::TensorMap weights = archive::tensorsOf(root, "student", path, kWhat);
    archive::checkFinite(weights, path);
    if (!root.count("rng_cpu") || !root["rng_cpu"].isTensor())
        throw InputError(path + ": the refinement checkpoint has no random number generator state (\"rng_cpu\")");
    RefineProgress progress;
    try {
        const std::string differing = archive::settingsDifference(meta.at("settings"), settings);
        if (!differing.empty())
            throw InputError("the refinement checkpoint was written with other settings: " + differing +
                             "; resume with the run's config.json or start the refinement again");
        const std::size_t blocks = settings.at("blocks").size();
        const std::int64_t done = meta.at("blocks_done").get<std::int64_t>();
        const nlohmann::json& reports = meta.at("reports");
        if (done < 1 || static_cast<std::size_t>(done) > blocks || !reports.is_array() ||
            reports.size() != static_cast<std::size_t>(done))
            throw InputError("its position (" + std::to_string(done) + " blocks done, " +
                             std::to_string(reports.size()) + " reports) does not fit a refinement of " +
                             std::to_string(blocks) + " blocks");
        progress.blocksDone = static_cast<std::size_t>(done);
        for (const auto& r : reports)
            progress.reports.push_back({r.at("layer").get<std::string>(), r.at("mse_before").get<double>(),
                                        r.at("mse_after").get<double>(), r.at("undecided").get<double>()});
        progress.seconds = meta.value("seconds", 0.0);
        io::loadStateDict(student, weights);
        quant::quantStateFromJson(student, meta.at("student_quant"));
        archive::setCpuRandomState(root["rng_cpu"].toTensor());
    } catch (const InputError& e) {
        throw InputError(path + ": " + e.what());
    } catch (const nlohmann::json::exception& e) {
        throw InputError(path + ": the refinement checkpoint's metadata is malformed: " + firstLine(e.what()));
    } catch (const c10::Error& e) {
        throw InputError(path + ": the refinement checkpoint does not fit this model: " + firstLine(e.what()));
    }
    return progress;
}

bool isRefineCheckpoint(const std::string& path)
{
    try {
        archive::read(path, kWhat, kFormat);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace zsq::engine
