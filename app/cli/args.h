#pragma once
// A small command-line parser: positionals, "--key value", "--key=value" and
// boolean "--flag". Unknown options are usage errors (exit 2), so typos do not
// silently fall back to defaults.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace zsq::cli {

class Args {
public:
    // `valued` lists options that take a value, `flags` those that do not.
    Args(const std::vector<std::string>& argv, const std::set<std::string>& valued,
         const std::set<std::string>& flags);

    bool has(const std::string& key) const { return values_.count(key) || flags_.count(key); }
    std::optional<std::string> get(const std::string& key) const;
    std::string get(const std::string& key, const std::string& fallback) const;
    long long getInt(const std::string& key, long long fallback) const;
    double getDouble(const std::string& key, double fallback) const;
    bool flag(const std::string& key) const { return flags_.count(key) > 0; }
    const std::vector<std::string>& positionals() const { return positionals_; }

private:
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
    std::vector<std::string> positionals_;
};

} // namespace zsq::cli
