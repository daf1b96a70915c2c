#pragma once
// What a pickle's GLOBAL may name, for the restricted unpickler
// (restricted_unpickler.h): globals are never imported or called; the reader
// keeps each one as an inert tagged value and interprets the few it knows.
#include <string>

#include <ATen/core/ivalue.h>

namespace zsq::io {

// A global on the unpickler's stack: the tuple ("\x01global", "module.name").
extern const char* const kGlobalTag;

// Whether `v` is such a global; its dotted name into *name when given.
bool isGlobal(const c10::IValue& v, std::string* name = nullptr);

// The element type of a storage class (torch.FloatStorage,
// torch.cuda.HalfStorage, torch.UntypedStorage, ...); *ok false for any other
// name.
at::ScalarType storageType(const std::string& name, bool* ok);

// Calls a weights file never makes (os.*, subprocess.*, builtins.eval, ...):
// refused by name rather than ignored.
bool isDangerous(const std::string& name);

} // namespace zsq::io
