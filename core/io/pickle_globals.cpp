#include "io/pickle_globals.h"

#include <cstring>
#include <map>
#include <set>

namespace zsq::io {

const char* const kGlobalTag = "\x01global";

bool isGlobal(const c10::IValue& v, std::string* name)
{
    if (!v.isTuple())
        return false;
    const auto& e = v.toTupleRef().elements();
    if (e.size() != 2 || !e[0].isString() || e[0].toStringRef() != kGlobalTag || !e[1].isString())
        return false;
    if (name)
        *name = e[1].toStringRef();
    return true;
}

at::ScalarType storageType(const std::string& name, bool* ok)
{
    static const std::map<std::string, at::ScalarType> types = {
        {"FloatStorage", at::kFloat},   {"DoubleStorage", at::kDouble},
        {"HalfStorage", at::kHalf},     {"BFloat16Storage", at::kBFloat16},
        {"LongStorage", at::kLong},     {"IntStorage", at::kInt},
        {"ShortStorage", at::kShort},   {"CharStorage", at::kChar},
        {"ByteStorage", at::kByte},     {"BoolStorage", at::kBool},
        {"ComplexFloatStorage", at::kComplexFloat},
        {"ComplexDoubleStorage", at::kComplexDouble},
        {"UntypedStorage", at::kByte},
    };
    std::string base;
    for (const char* prefix : {"torch.cuda.", "torch.storage.", "torch."})
        if (name.rfind(prefix, 0) == 0) {
            base = name.substr(std::strlen(prefix));
            break;
        }
    auto it = types.find(base);
    *ok = it != types.end();
    return *ok ? it->second : at::kByte;
}

// Calls a weights file never makes: refused by name rather than ignored.
bool isDangerous(const std::string& name)
{
    static const char* const modules[] = {"os.",      "posix.",  "nt.",     "subprocess.", "sys.",  "importlib.",
                                          "runpy.",   "pickle.", "shutil.", "socket.",     "ctypes.", "code.",
                                          "pty.",     "marshal.", "types.", "webbrowser.", "torch.hub.", "__main__."};
    for (const char* m : modules)
        if (name.rfind(m, 0) == 0)
            return true;
    static const std::set<std::string> builtins = {"eval", "exec", "compile", "getattr", "setattr", "delattr",
                                                   "__import__", "open", "apply", "globals", "locals", "vars",
                                                   "breakpoint", "input"};
    for (const char* b : {"builtins.", "__builtin__."})
        if (name.rfind(b, 0) == 0 && builtins.count(name.substr(std::strlen(b))))
            return true;
    return false;
}

} // namespace zsq::io
