// The run-config parser (config/run_config.cpp): a run.json file through
// loadRunConfigFile (parse, schema check, merge over the defaults) and
// readRunConfigFile + keysGiven; and, cut from the same input, a
// command-line "--set key=value" through setFromString. An InputError is a
// refusal; anything else a finding.
#include "fuzz_common.h"

#include "common/error.h"
#include "config/run_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = zsq::fuzz::scratchDir() + "/run.json";
    zsq::fuzz::writeFile(path, data, size);
    try {
        const nlohmann::json resolved = zsq::config::loadRunConfigFile(path);
        (void)resolved.dump();
        zsq::fuzz::noteAccepted("run config");
    } catch (const zsq::InputError& e) {
        zsq::fuzz::noteRefusal(e);
    }
    try {
        (void)zsq::config::keysGiven(zsq::config::readRunConfigFile(path));
    } catch (const zsq::InputError& e) {
        zsq::fuzz::noteRefusal(e);
    }
    // "key=value" on the first line, as `zsq quantize --set` gets it.
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string line = text.substr(0, text.find('\n'));
    const auto eq = line.find('=');
    if (eq != std::string::npos) {
        try {
            nlohmann::json config = zsq::config::defaultRunConfig();
            zsq::config::setFromString(config, line.substr(0, eq), line.substr(eq + 1));
            (void)zsq::config::resolveRunConfig(config);
        } catch (const zsq::InputError& e) {
            zsq::fuzz::noteRefusal(e);
        }
    }
    return 0;
}
