#include "args.h"

#include "common/error.h"

namespace zsq::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& valued,
           const std::set<std::string>& flags)
{
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
            positionals_.push_back(a);
            continue;
        }
        std::string key = a.substr(2);
        std::optional<std::string> inlineValue;
        if (auto eq = key.find('='); eq != std::string::npos) {
            inlineValue = key.substr(eq + 1);
            key = key.substr(0, eq);
        }
        if (flags.count(key)) {
            if (inlineValue)
                throw InputError("option --" + key + " takes no value");
            flags_.insert(key);
        } else if (valued.count(key)) {
            if (!inlineValue && i + 1 >= argv.size())
                throw InputError("option --" + key + " needs a value");
            const std::string value = inlineValue ? *inlineValue : argv[++i];
            auto it = values_.find(key);
            if (it == values_.end()) {
                values_[key] = value;
            } else if (key == "set") {
                // --set a=1 --set b=2 means --set a=1,b=2 (a later key wins).
                it->second += "," + value;
            } else {
                // Silently keeping one of two values would run something the
                // user did not ask for.
                throw InputError("option --" + key + " given twice");
            }
        } else {
            throw InputError("unknown option --" + key + " (see --help)");
        }
    }
}

std::optional<std::string> Args::get(const std::string& key) const
{
    auto it = values_.find(key);
    if (it == values_.end())
        return std::nullopt;
    return it->second;
}

std::string Args::get(const std::string& key, const std::string& fallback) const
{
    return get(key).value_or(fallback);
}

long long Args::getInt(const std::string& key, long long fallback) const
{
    auto v = get(key);
    if (!v)
        return fallback;
    try {
        std::size_t used = 0;
        long long x = std::stoll(*v, &used);
        if (used != v->size())
            throw std::invalid_argument(*v);
        return x;
    } catch (const std::exception&) {
        throw InputError("option --" + key + " expects an integer, got '" + *v + "'");
    }
}

double Args::getDouble(const std::string& key, double fallback) const
{
    auto v = get(key);
    if (!v)
        return fallback;
    try {
        std::size_t used = 0;
        double x = std::stod(*v, &used);
        if (used != v->size())
            throw std::invalid_argument(*v);
        return x;
    } catch (const std::exception&) {
        throw InputError("option --" + key + " expects a number, got '" + *v + "'");
    }
}

} // namespace zsq::cli
