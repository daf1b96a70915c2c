#pragma once
// Reads a torch.save / TorchScript archive's data.pkl without importing or
// calling anything it names (what it accepts and its limits:
// torch_save_reader.h). InputError "malformed pickle data.pkl (byte N): ..."
// for anything it refuses.
#include <set>
#include <string>

#include <ATen/core/ivalue.h>

#include "io/torch_zip.h"

namespace zsq::io {

struct Unpickled {
    c10::IValue root;
    // With scriptObjects: the module objects (classes __torch__.*), read as
    // dicts of their attributes (BUILD's state); kept alive by `root`.
    std::set<const void*> scriptObjects;
    bool isScriptObject(const c10::IValue& v) const;
};

// scriptObjects: a TorchScript archive's data.pkl, whose module objects
// become dicts of their attributes instead of None.
Unpickled unpickle(const std::string& pickle, const TorchZip& zip, bool scriptObjects = false);

} // namespace zsq::io
