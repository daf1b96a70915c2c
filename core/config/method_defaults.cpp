#include "config/method_defaults.h"

#include <algorithm>

namespace zsq::config {

void applyMethodDefaults(nlohmann::json& config, const std::vector<std::string>& givenKeys)
{
    // GENIE's own pipeline is its distillation followed by BRECQ-style block
    // reconstruction with QDrop on the distilled images.
    const bool refineGiven = std::find(givenKeys.begin(), givenKeys.end(), "refine.method") != givenKeys.end();
    if (config.at("method").get<std::string>() == "genie" && !refineGiven)
        config["refine"]["method"] = "brecq";
}

} // namespace zsq::config
